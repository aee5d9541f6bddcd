import type { z } from 'zod';
import { printable, shown } from '../client/printable';
import { containsUnknown } from './compare';
import type { Props, ResourceSpec } from './spec';

/** One input the schema refuses: where (the property and the path inside it), the value found there, and why. */
export interface SchemaIssue {
  key: string;
  /** `.customHours[0].dayOfWeek` style, relative to the resource; empty for the property itself. */
  at: string;
  /** The value at that path, or undefined when nothing was given there. */
  found: unknown;
  why: string;
  /** How many further problems the same property has (reported after the first fixes). */
  more: number;
}

/** Messages stay short enough to read in one line: long values (a flow definition) are cut. */
const VALUE_LIMIT = 60;

/**
 * Each input its schema refuses, first problem per property. Unknowns wait for the real run. Zod names the nested
 * place by path; the value there is quoted, not the whole property (Pulumi would print a map dump of it).
 */
export function schemaIssues(spec: ResourceSpec, inputs: Props): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const [key, schema] of Object.entries(spec.inputSchema.shape)) {
    if (containsUnknown(inputs[key])) continue;
    const result = (schema as z.ZodType).safeParse(inputs[key]);
    if (result.success) continue;
    const [first, ...rest] = result.error.issues;
    issues.push({ key, at: pathText(first.path), found: valueAt(inputs[key], first.path), why: first.message, more: rest.length });
  }
  return issues;
}

/** Every message fits one line of a review: the value, what is allowed and where, in fewer characters than this. */
export const MESSAGE_LIMIT = 200;

/** `BusinessHours.customHours[0].dayOfWeek is invalid: got "mondy"; expected one of: monday, tuesday, …` */
export function issueReason(kind: string, issue: SchemaIssue): string {
  const got = issue.found === undefined ? 'nothing' : cut(shown(issue.found));
  const state = issue.found === undefined ? 'is required' : 'is invalid';
  const more = issue.more > 0 ? ` (${issue.more} more problem${issue.more === 1 ? '' : 's'} in ${issue.key})` : '';
  const head = `${kind}.${issue.key}${issue.at} ${state}: got ${got}; `;
  const why = printable(issue.why);
  const list = /^expected one of: (.*)$/.exec(why);
  if (list) return fittedList(`${head}expected one of: `, list[1].split(', '), `${more}.`, kind);
  return `${head}${why}${more}.`;
}

/**
 * `head` + as many of `items` as fit under MESSAGE_LIMIT + `tail`. A list too long to show whole (a kind's
 * properties, a long enum) ends with how many more there are and where all of them are written down.
 */
export function fittedList(head: string, items: readonly string[], tail: string, kind: string): string {
  const whole = `${head}${items.join(', ')}${tail}`;
  if (whole.length < MESSAGE_LIMIT) return whole;
  const shownItems: string[] = [];
  const rest = (count: number) => `, … (${count} more in docs/resources.md#${kind.toLowerCase()})`;
  for (const item of items) {
    const next = `${head}${[...shownItems, item].join(', ')}${rest(items.length - shownItems.length - 1)}${tail}`;
    if (next.length >= MESSAGE_LIMIT) break;
    shownItems.push(item);
  }
  return `${head}${shownItems.join(', ')}${rest(items.length - shownItems.length)}${tail}`;
}

/** Names ordered by how close they are to `wanted` (edit distance), so a typo's fix comes first. */
export function nearestFirst(wanted: string, names: readonly string[]): string[] {
  return [...names].sort((a, b) => distance(wanted, a) - distance(wanted, b));
}

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/** `key: why` lines for callers that report every problem at once (export, lookups). */
export function issueLine(issue: SchemaIssue): string {
  return `${issue.key}${issue.at}: got ${issue.found === undefined ? 'nothing' : cut(shown(issue.found))}; ${printable(issue.why)}`;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${String(step)}`)).join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function cut(text: string): string {
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT)}… (${text.length} characters)` : text;
}
