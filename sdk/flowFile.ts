import { readFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { printable } from '../provider/client/printable';

/**
 * A flow file exported from Zoom Contact Center (Studio's JSON), read for `Flow.definition`. Fails the program
 * with one line naming the file when it cannot be read or is not JSON.
 */
export function readFlowFile(path: string): Record<string, unknown>;
/**
 * A flow file whose ids are placeholders (`"{{zcc:<key>}}"`, as `zcc-pulumi export --portable` writes them),
 * each replaced by the value `refs[key]` resolves to: the file then names the program's queues, flows and skills
 * instead of one account's ids. A placeholder without a ref fails the program naming it. A string that begins
 * with `{{zcc!}}` is literal text: the mark is removed and nothing is filled in.
 */
export function readFlowFile(path: string, refs: Record<string, pulumi.Input<string>>): pulumi.Output<Record<string, unknown>>;
export function readFlowFile(path: string, refs?: Record<string, pulumi.Input<string>>): Record<string, unknown> | pulumi.Output<Record<string, unknown>> {
  const definition = parseFlowFile(path);
  if (refs === undefined) return definition;
  return pulumi
    .all(refs)
    .apply((resolved) => fillPlaceholders(definition, resolved as Record<string, string>, path) as Record<string, unknown>) as pulumi.Output<
    Record<string, unknown>
  >;
}

function parseFlowFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new pulumi.RunError(printable(`readFlowFile: cannot read ${JSON.stringify(path)}: ${(error as Error).message}`));
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new pulumi.RunError(printable(`readFlowFile: ${JSON.stringify(path)} is not a flow file: ${(error as Error).message}`));
  }
}

const PLACEHOLDER = /^\{\{zcc:(.+)\}\}$/s;
/**
 * Marks a string as the account's own text where refs are given: `"{{zcc!}}{{zcc:x}}"` reads as `"{{zcc:x}}"`, never
 * as a placeholder. `zcc-pulumi export --portable` marks every string of a flow that begins with `{{zcc`.
 */
export const LITERAL_MARK = '{{zcc!}}';

/** The definition with placeholders filled in from `refs` and literal marks removed; `path` names the file in errors. */
export function fillPlaceholders(value: unknown, refs: Record<string, string>, path: string): any {
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, refs, path));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fillPlaceholders(inner, refs, path)]));
  if (typeof value !== 'string') return value;
  if (value.startsWith(LITERAL_MARK)) return value.slice(LITERAL_MARK.length);
  const match = PLACEHOLDER.exec(value);
  if (!match) return value;
  if (!Object.prototype.hasOwnProperty.call(refs, match[1])) {
    throw new pulumi.RunError(
      printable(
        `readFlowFile: ${JSON.stringify(path)} holds the placeholder ${JSON.stringify(value)}, but no ref named ${JSON.stringify(match[1])} was given.`,
      ),
    );
  }
  return refs[match[1]];
}
