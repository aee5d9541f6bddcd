import { invalidField } from './errors';

// Hand-written on purpose: the emulator is the "other side" and must not share the provider's zod schemas.
export type Body = Record<string, unknown>;

export function asBody(raw: unknown): Body {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalidField('body', 'Expected a JSON object.');
  return raw as Body;
}

export function rejectUnknownFields(body: Body, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw invalidField(key, 'Unknown field.');
  }
}

export function stringField(body: Body, field: string, opts: { required?: boolean; max: number; min?: number }): string | undefined {
  const value = body[field];
  if (value === undefined) {
    if (opts.required) throw invalidField(field, 'This field is required.');
    return undefined;
  }
  if (typeof value !== 'string') throw invalidField(field, 'Expected a string.');
  const length = [...value].length;
  const min = opts.min ?? 0;
  if (length < min || (min > 0 && value.trim() === '')) throw invalidField(field, `Must not be empty.`);
  if (length > opts.max) throw invalidField(field, `Must be at most ${opts.max} characters.`);
  return value;
}

export function enumField<T extends string>(body: Body, field: string, allowed: readonly T[], required = false): T | undefined {
  const value = body[field];
  if (value === undefined) {
    if (required) throw invalidField(field, 'This field is required.');
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidField(field, `Must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function integerField(body: Body, field: string, min: number, max: number, required = false): number | undefined {
  const value = body[field];
  if (value === undefined) {
    if (required) throw invalidField(field, 'This field is required.');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidField(field, `Must be an integer from ${min} to ${max}.`);
  }
  return value;
}

export function booleanField(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value !== undefined && typeof value !== 'boolean') throw invalidField(field, 'Expected true or false.');
  return value as boolean | undefined;
}

export function dateQuery(value: unknown, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(String(value));
  if (Number.isNaN(time)) throw invalidField(field, 'Expected a date such as 2024-01-31.');
  return time;
}

/** IANA time zone names (and UTC), as business hours and closure sets take them. */
const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
export const isTimezone = (value: string) => TIMEZONES.has(value);

/** Ids given as `a,b`, as a repeated query parameter or as a JSON array: the list, without empty ones. */
export function idList(value: unknown): string[] {
  return [value]
    .flat()
    .filter((item) => item !== undefined)
    .flatMap((item) => String(item).split(','))
    .filter((id) => id !== '');
}
