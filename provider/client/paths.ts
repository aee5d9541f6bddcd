import { ZccPathError } from './errors';
import { shown } from './printable';

/**
 * API paths are built only here, and every id becomes exactly one literal path segment. `encodeURIComponent`
 * alone is not enough: it leaves `.` and `..` as they are, and URL resolution then climbs to another endpoint
 * (`DELETE /queues/../agents/x` is `DELETE /agents/x`). Ids reach paths from user input, from state and from
 * other resources' outputs, so check-time validation cannot be the only guard.
 */

/** What a Zoom id (or a user's email, where the API takes one) may look like in a path. */
export const ID_PATTERN = /^[A-Za-z0-9._~@+=:-]{1,128}$/;
export const ID_RULE = 'an id is 1 to 128 letters, digits or . _ ~ @ + = : - and is not "." or ".."';

/** Why `id` cannot be a path segment, or undefined when it can. */
export function idProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return `expected a string id, got ${shown(id)}`;
  if (!ID_PATTERN.test(id) || /^\.+$/.test(id)) return `got ${shown(id)}; ${ID_RULE}`;
  return undefined;
}

/** One id as one path segment, or a ZccPathError before anything is sent. */
export function segment(id: unknown, what = 'id'): string {
  const problem = idProblem(id);
  if (problem) throw new ZccPathError(`Refusing to build an API path: ${what} is invalid: ${problem}.`);
  return encodeURIComponent(id as string);
}

/**
 * Tagged template for API paths: `apiPath\`/contact_center/queues/${queueId}/agents\``. Each interpolated value
 * must be a valid id; the literal parts are ours.
 */
export function apiPath(parts: TemplateStringsArray, ...ids: unknown[]): string {
  let out = parts[0];
  ids.forEach((id, index) => {
    out += segment(id, `path segment ${index + 1}`) + parts[index + 1];
  });
  return out;
}
