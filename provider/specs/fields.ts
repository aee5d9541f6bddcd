import { z } from 'zod';
import { ID_RULE, idProblem } from '../client/paths';
import { hasUnsafeCharacter, isInvisible } from '../client/printable';
import { withApiCodes } from '../engine/apiValues';
import { STAMP_OUTPUT, type Props } from '../engine/spec';

const codePoints = (value: string) => [...value].length;

/**
 * A string limited in Unicode code points (what Zoom counts), not UTF-16 units. Control characters (NUL, ESC,
 * CR/LF, tab), bidi overrides and a text made only of invisible characters are refused: they redraw terminals,
 * disguise names in the console, or look empty. Emoji (with their joiners), CJK and RTL text are ordinary text.
 */
export function text(description: string, limits: { min?: number; max: number }) {
  const min = limits.min ?? 0;
  return z
    .string({ error: 'expected a string' })
    .refine((value) => codePoints(value) >= min && (min === 0 || value.trim() !== ''), {
      error: min > 0 ? `must not be empty (1 to ${limits.max} characters)` : 'invalid',
    })
    .refine((value) => codePoints(value) <= limits.max, { error: `must be at most ${limits.max} characters` })
    .refine((value) => !hasUnsafeCharacter(value), { error: 'must not contain control characters (NUL, ESC, CR, LF, tab…) or bidi override characters' })
    .refine((value) => min === 0 || !isInvisible(value), { error: 'must contain a visible character (it is made only of invisible characters)' })
    .describe(description);
}

/**
 * Text that may span lines (a saved reply, a prompt's words): like `text`, but line feeds and tabs are allowed. A
 * carriage return is not (it redraws a terminal line), nor any other control or bidi override character.
 */
export function multilineText(description: string, limits: { min?: number; max: number }) {
  const min = limits.min ?? 0;
  return z
    .string({ error: 'expected a string' })
    .refine((value) => codePoints(value) >= min && (min === 0 || value.trim() !== ''), { error: `must not be empty (1 to ${limits.max} characters)` })
    .refine((value) => codePoints(value) <= limits.max, { error: `must be at most ${limits.max} characters` })
    .refine((value) => !hasUnsafeCharacter(value.replace(/[\n\t]/g, ' ')), {
      error: 'must not contain control characters other than line feeds and tabs (NUL, ESC, CR…) or bidi override characters',
    })
    .describe(description);
}

/** A Zoom object id as a program passes it: exactly one literal URL path segment (see client/paths.ts). */
export function zoomId(description: string) {
  return z
    .string({ error: 'expected a string id' })
    .refine((value) => idProblem(value) === undefined, { error: ID_RULE })
    .describe(description);
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` }).describe(description);
}

export function integer(description: string, min: number, max: number) {
  return z
    .number({ error: 'expected a number' })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .describe(description);
}

/** A non-empty list without duplicates, of values from `values`. */
export function setOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .array(z.enum(values, { error: `each item must be one of: ${values.join(', ')}` }), { error: 'expected a list' })
    .min(1, { error: `must list at least one of: ${values.join(', ')}` })
    .refine((items) => new Set(items).size === items.length, { error: 'must not list the same value twice' })
    .describe(description);
}

/**
 * A readable value that the API spells as a number (`codes`: SDK value → API number), converted both ways by the
 * engine (engine/apiValues.ts). The description says which numbers each value stands for.
 */
export function coded<const T extends Record<string, number>>(codes: T, description: string) {
  const names = Object.keys(codes) as [Extract<keyof T, string>, ...Array<Extract<keyof T, string>>];
  const table = names.map((name) => `\`${name}\` = ${codes[name]}`).join(', ');
  return withApiCodes(z.enum(names, { error: `expected one of: ${names.join(', ')}` }).describe(`${description} (API values: ${table})`), codes);
}

/** One of the API's documented numbers, for fields whose meanings Zoom's document does not give. */
export function numberIn<const T extends readonly [number, ...number[]]>(values: T, description: string) {
  return z
    .number({ error: `expected one of: ${values.join(', ')}` })
    .refine((value) => (values as readonly number[]).includes(value), { error: `expected one of: ${values.join(', ')}` })
    .describe(description);
}

/**
 * For kinds whose list shows each object's `last_modified_time` and whose writes answer none: a refresh keeps the
 * recorded state while the list's time is the recorded one, and a write records the time from the list
 * (engine/stamps.ts).
 */
export const listedModificationTime = {
  listUnchanged: (item: Props, recorded: Props) => typeof item.last_modified_time === 'string' && item.last_modified_time === recorded[STAMP_OUTPUT],
  stampFromList: true,
} as const;

const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** An IANA time zone name, as business hours and closure sets take it. */
export function timezone(description: string) {
  return z
    .string({ error: 'expected an IANA time zone name' })
    .refine((value) => TIMEZONES.has(value), { error: 'expected an IANA time zone name such as "America/New_York" or "Europe/Berlin"' })
    .describe(description);
}

/**
 * The language codes Zoom's document lists for spoken and written content: an asset item's language
 * (`asset_item_language`) and an interrupt menu's (`menu_language_code`) take the same 26.
 */
export const LANGUAGE_CODES = [
  'zh-CN',
  'zh-TW',
  'yue-CN',
  'cmn-CN',
  'da-DK',
  'nl-NL',
  'en-AU',
  'en-NZ',
  'en-GB',
  'en-US',
  'fr-CA',
  'fr-FR',
  'de-DE',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'es-ES',
  'es-MX',
  'es-US',
  'sv-SE',
  'tr-TR',
] as const;
