import { z } from 'zod';
import { zoomId } from './fields';

/**
 * Schemas shared by set kinds (engine/ownedSet.ts owns their behaviour): a list of member ids, and a parent id.
 */
export function idList(options: { noun: string; max?: number; description: string }) {
  const one = options.noun.replace(/s$/, '');
  const max = options.max ?? 2000;
  return z
    .array(zoomId(`A ${one} id.`), { error: `expected a list of ${one} ids` })
    .max(max, { error: `must list at most ${max} ${options.noun}` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `must not list the same ${one} twice` })
    .describe(options.description);
}

export const parentId = (noun: string, example: string) => zoomId(`Id of the ${noun} (e.g. \`${example}\`). Changing it replaces the resource.`);
