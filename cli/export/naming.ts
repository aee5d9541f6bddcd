/**
 * Pulumi names and TypeScript identifiers derived from objects' names: deterministic (the same account gives the
 * same names), collision-safe (two queues named "Support" become `support` and `support-2`, in id order) and
 * Unicode-preserving (letters and digits of any script are kept; punctuation and emoji become separators).
 */

/** Lower-case words of `text` joined by `-`: `Main IVR (EN)` → `main-ivr-en`, `Поддержка 24/7` → `поддержка-24-7`. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{ID_Continue}]+/gu, '-')
    .replace(/_/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Hands out names unique within one namespace, suffixing `-2`, `-3`… (or `2`, `3`… for identifiers). */
export class NameSpace {
  private readonly taken = new Set<string>();
  constructor(private readonly separator: string) {}

  claim(wanted: string): string {
    let candidate = wanted;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${wanted}${this.separator}${n}`;
    // Compared case-insensitively: file names on macOS and Windows are, and flows/<name>.json must not clash.
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** A TypeScript identifier for a Pulumi name and kind: `main-ivr` + `Flow` → `mainIvrFlow`. */
export function identifier(pulumiName: string, kind: string): string {
  const words = pulumiName.split('-').filter(Boolean);
  const capitalized = (word: string) => {
    const [first = '', ...rest] = [...word];
    return first.toUpperCase() + rest.join('');
  };
  const camel = words.map((word, index) => (index === 0 ? word : capitalized(word))).join('');
  const base = `${camel}${kind}`;
  return /^[\p{ID_Start}$_]/u.test(base) ? base : `_${base}`;
}
