import { shown } from '../client/printable';

/** Zoom's limit for an imported flow file. */
export const MAX_FLOW_BYTES = 10 * 1024 * 1024;
const MAX_DEPTH = 200;
// Keys that JavaScript treats specially: `__proto__` replaces an object's prototype when copied (its content
// moves up a level), and Pulumi's serializer drops `constructor` and `prototype`, so they would never round-trip.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why `value` is not plain JSON that survives the trip to ZCC and back unchanged, naming the JSON path of the
 * first offending value; undefined when it is. Plain means: null, booleans, finite numbers, strings, arrays and
 * objects with Object (or null) prototype; no functions, BigInt, symbols, Dates, Maps, NaN or Infinity.
 */
export function plainJsonProblem(value: unknown, path = '$'): string | undefined {
  const problem = walk(value, path, 0);
  if (problem) return problem;
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > MAX_FLOW_BYTES) return `${path} is ${bytes} bytes as JSON; Zoom imports flow files up to ${MAX_FLOW_BYTES} bytes (10 MB)`;
  return undefined;
}

function walk(value: unknown, path: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${String(value)}; JSON has only finite numbers`;
  if (typeof value === 'undefined') return `${path} is undefined; JSON has no undefined (leave the key out or use null)`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}; only JSON values (objects, arrays, strings, finite numbers, booleans, null) are allowed`;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = walk(value[index], `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (proto?.constructor as { name?: string } | undefined)?.name ?? 'object';
    return `${path} is a ${name}, not a plain JSON object (convert it, e.g. a Date to an ISO string)`;
  }
  for (const key of Object.keys(value)) {
    const at = `${path}[${shown(key)}]`;
    if (RESERVED_KEYS.has(key)) return `${at}: the key ${shown(key)} is not allowed (JavaScript treats it specially, so it would be lost or moved)`;
    const problem = walk((value as Record<string, unknown>)[key], at, depth + 1);
    if (problem) return problem;
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return `${path} has symbol keys; JSON has only string keys`;
  return undefined;
}
