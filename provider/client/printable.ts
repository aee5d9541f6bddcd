/**
 * Text that is safe to print in a terminal. Messages are built from user input (ids, names) and server text,
 * and a raw ESC or CR in either could redraw the user's terminal (`Deployment succeeded` drawn over an error),
 * so every control character, and every invisible character that reorders or hides text, is shown escaped.
 */

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, and the line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Characters that print as nothing (zero-width space, word joiner, byte-order mark, soft hyphen). Legal in names,
 * but a quoted value made of them would read as `""`: values quoted in messages show them escaped.
 */
const ZERO_WIDTH = /[\u00ad\u200b\u2060\ufeff]/gu;

/** A value quoted for a message: JSON for structure, then escaped for the terminal, invisible characters shown. */
export function shown(value: unknown): string {
  let json: string | undefined;
  try {
    json = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return printable(json ?? String(value)).replace(ZERO_WIDTH, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether text holds a character `printable` would escape. */
const UNSAFE_ANY = new RegExp(UNSAFE.source, 'u');
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_ANY.test(text);
}

// Characters that take no space: a name made only of these (and spaces) looks empty in every console.
const INVISIBLE = /^[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0]*$/u;

export function isInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}
