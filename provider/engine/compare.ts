/** The string Pulumi's dynamic provider host puts where a value is not known yet (during preview). */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * A canonical form for comparison: strings in Unicode NFC, object keys sorted, and arrays listed in
 * `setFields` sorted, so key order, whitespace in JSON, channel order and NFC/NFD never cause a diff.
 */
export function canonical(value: unknown, asSet = false): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return asSet ? [...new Set(items.map((item) => JSON.stringify(item)))].sort().map((item) => JSON.parse(item)) : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function sameValue(a: unknown, b: unknown, asSet = false): boolean {
  return JSON.stringify(canonical(a, asSet)) === JSON.stringify(canonical(b, asSet));
}

/** Keeps the user's order for a set-like array that the server returned reordered. */
export function preferOrder<T>(declared: T[] | undefined, actual: T[]): T[] {
  return declared && sameValue(declared, actual, true) ? declared : actual;
}
