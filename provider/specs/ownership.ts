import { z } from 'zod';
import type { Props } from '../engine/spec';
import { oneOf } from './fields';

/**
 * Ownership of a set held by one parent (a queue's agents or supervisors, a user's skills). `exclusive` (the
 * default) owns the whole set and removes what it does not list; `additive` only ever removes what it declared.
 * An empty exclusive list would strip the parent, so it needs `allowEmpty: true`; a new exclusive set names, at
 * preview, what it will remove from what the parent holds today.
 */
export const OWNERSHIP_MODES = ['exclusive', 'additive'] as const;

export interface OwnedSet {
  /** The input holding the set (`userIds`, `skills`). */
  field: string;
  /** What the set holds, plural (`agents`, `skills`). */
  items: string;
  /** The whole set, as in "removes every one of the queue's agents". */
  everything: string;
  /** What an empty list computed by mistake would do ("empty a queue"). */
  harm: string;
}

export const isExclusive = (inputs: Props) => (inputs.mode ?? 'exclusive') === 'exclusive';

/** The `mode` and `allowEmpty` inputs. */
export function ownershipInputs(set: OwnedSet) {
  return {
    mode: oneOf(
      OWNERSHIP_MODES,
      `\`exclusive\` removes ${set.items} not listed; \`additive\` never removes what it did not add. Defaults to exclusive.`,
    ).optional(),
    allowEmpty: z
      .boolean({ error: 'expected true or false' })
      .describe(
        `Allow an empty \`${set.field}\` in exclusive mode, which removes ${set.everything}. Without it an empty exclusive list fails, so a list computed empty by mistake cannot ${set.harm}.`,
      )
      .optional(),
  };
}

/** The cross-field check: an empty exclusive list fails unless `allowEmpty` says it is meant. */
export function emptyExclusiveCheck(set: OwnedSet) {
  return (inputs: Props): Array<[string, string]> => {
    const listed = Array.isArray(inputs[set.field]) ? (inputs[set.field] as unknown[]) : [];
    if (!isExclusive(inputs) || listed.length > 0 || inputs.allowEmpty === true) return [];
    return [
      [set.field, `is empty in exclusive mode, which would remove ${set.everything}. Set allowEmpty: true if that is intended, or use mode: "additive".`],
    ];
  };
}

/** The preview warning of a new exclusive set that will remove `removed` (none when it removes nothing). */
export function removalWarning(kind: string, parent: string, removed: string[], what: string, field: string): string[] {
  if (removed.length === 0) return [];
  return [
    `${kind} (exclusive) on ${parent} will remove ${removed.length} ${what} it does not list: ${removed.join(', ')}. Add them to ${field}, or use mode: "additive", to keep them.`,
  ];
}
