import { createHash } from 'node:crypto';
import { IDENTIFIER_PART, IDENTIFIER_START } from './identifierChars';

/**
 * Pulumi names, file names and TypeScript identifiers derived from objects' names: deterministic (the same account
 * gives the same names), collision-safe (two queues named "Support" become `support` and `support-2`, in id order)
 * and Unicode-preserving where the target allows it. Names come from the account, so every rule here assumes any
 * text a console admin can type.
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

/**
 * The key under which two names are the same file on the strictest common filesystem: macOS (case-insensitive and
 * normalization-insensitive) and Windows (case-insensitive). Full case folding by way of upper then lower case, so
 * that `ΑΣ` and `ασ` (lower-cased `ας` and `ασ`) and `STRASSE` and `straße` meet.
 */
export function foldKey(name: string): string {
  return name.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Hands out names unique within one namespace under `foldKey`, suffixing `-2`, `-3`… (or `2`, `3`… for identifiers). */
export class NameSpace {
  private readonly taken = new Set<string>();
  constructor(private readonly separator: string) {}

  claim(wanted: string): string {
    let candidate = wanted;
    for (let n = 2; this.taken.has(foldKey(candidate)); n++) candidate = `${wanted}${this.separator}${n}`;
    this.taken.add(foldKey(candidate));
    return candidate;
  }
}

/** Bytes a file name may have on every common filesystem (ext4, APFS, NTFS count 255 bytes or UTF-16 units). */
const MAX_FILE_NAME_BYTES = 255;
/** Room left for the extension and a `-N` suffix from NameSpace. */
const STEM_BYTES = MAX_FILE_NAME_BYTES - 40;
/** Names Windows reserves for devices, with any extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/**
 * A slug that is also a safe file stem: at most 215 UTF-8 bytes (cut at a character, with a stable suffix from a
 * hash of the whole slug so that two long names sharing a beginning stay apart), never a Windows device name.
 */
export function fileSafe(name: string): string {
  let safe = name;
  if (Buffer.byteLength(safe) > STEM_BYTES) {
    const suffix = `-${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
    let cut = '';
    for (const char of safe) {
      if (Buffer.byteLength(cut + char) + suffix.length > STEM_BYTES) break;
      cut += char;
    }
    safe = `${cut.replace(/-+$/, '')}${suffix}`;
  }
  return WINDOWS_DEVICE.test(foldKey(safe)) ? `${safe}-file` : safe;
}

function inRanges(table: readonly number[], cp: number): boolean {
  let low = 0;
  let high = table.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cp < table[mid * 2]) high = mid - 1;
    else if (cp > table[mid * 2 + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** Whether every supported TypeScript (5.0 and later) accepts `char` in an identifier (at its start, or after it). */
export function identifierChar(char: string, atStart: boolean): boolean {
  const cp = char.codePointAt(0)!;
  if (cp < 0x80) return atStart ? /[A-Za-z_$]/.test(char) : /[\w$]/.test(char);
  return inRanges(atStart ? IDENTIFIER_START : IDENTIFIER_PART, cp);
}

/**
 * A TypeScript identifier for a Pulumi name and kind: `main-ivr` + `Flow` → `mainIvrFlow`. Characters that not
 * every supported TypeScript accepts (letters newer than TypeScript 5.0's Unicode tables, letters outside the Basic
 * Multilingual Plane) separate words, as punctuation does.
 */
export function identifier(pulumiName: string, kind: string): string {
  const words = pulumiName
    .split('-')
    .flatMap((word) =>
      [...word]
        .map((char) => (identifierChar(char, false) ? char : '-'))
        .join('')
        .split('-'),
    )
    .filter(Boolean);
  const capitalized = (word: string) => {
    const [first = '', ...rest] = [...word];
    return first.toUpperCase() + rest.join('');
  };
  const camel = words.map((word, index) => (index === 0 ? word : capitalized(word))).join('');
  const base = `${camel}${kind}`;
  // toUpperCase can turn an accepted letter into one that is not (rare): check the result, not the input.
  const cleaned = [...base].filter((char) => identifierChar(char, false)).join('');
  const [first] = cleaned;
  return first !== undefined && identifierChar(first, true) ? cleaned : `_${cleaned}`;
}
