/**
 * A double-quoted string that YAML 1.2 and Python both read back as exactly `text`, written in printable ASCII
 * only: account text (names, flow definitions) is hostile, so no control, bidi or separator character reaches the
 * file as itself. Code points above U+FFFF use \U and eight digits, which both languages read.
 */
export function asciiQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (cp >= 0x20 && cp < 0x7f) out += char;
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x09) out += '\\t';
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** camelCase → snake_case, as Pulumi's Python generator names properties and functions (no acronyms in ours). */
export const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
