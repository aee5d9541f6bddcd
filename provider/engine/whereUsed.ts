import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { MEDIUM, objectTemplate, type Collection } from '../client/endpoints';
import { ZccApiError, isConflict } from '../client/errors';
import { printable } from '../client/printable';
import type { ObjectStore, UsedBy } from './spec';

const usingQueueSchema = z.object({ queue_id: z.string(), cc_queue_id: z.string().optional(), queue_name: z.string() });
const usingFlowSchema = z.object({ flow_id: z.string(), flow_name: z.string() });

/**
 * The documented where-used lists under one object of `collection` (`GET /business_hours/{businessHourId}/queues`
 * and `…/flows`; closure sets have the same pair): a spec's `usedBy`. Read-only, paged lists on the Medium budget.
 */
export function queuesAndFlowsUsing(collection: Collection): UsedBy[] {
  const list = (listKey: string, objectId: string, item: z.ZodType): Collection => ({
    path: `${objectTemplate(collection)}/${listKey}`,
    objectId,
    listKey,
    item,
    maxPageSize: 300,
    categories: MEDIUM,
  });
  return [
    { endpoint: list('queues', 'queueId', usingQueueSchema), idField: 'queue_id', nameField: 'queue_name', noun: 'queue' },
    { endpoint: list('flows', 'flowId', usingFlowSchema), idField: 'flow_id', nameField: 'flow_name', noun: 'flow' },
  ];
}

/** One object that uses another, as a where-used list names it. */
export interface User {
  noun: string;
  id: string;
  name: string;
}

/** Everything that uses object `id`: from the spec's documented where-used lists, or its scans (GETs only). */
export async function whereUsed(client: ZccClient, usedBy: readonly UsedBy[], id: string): Promise<User[]> {
  const found = await Promise.all(
    usedBy.map(async (using) => {
      if (using.scan) return (await using.scan(client, id)).map((user) => ({ noun: using.noun, ...user }));
      const items = await client.listOf(using.endpoint as Collection<Record<string, unknown>>, [id]);
      return items.map((item) => ({ noun: using.noun, id: String(item[using.idField]), name: String(item[using.nameField] ?? '') }));
    }),
  );
  return found.flat();
}

/**
 * `queue "Support" (q1), flow "Main" (f1)`: ZCC's own text quoted (JSON escapes), for one line of a message; a name
 * longer than ZCC allows (64 characters) is cut at 80 with a marker, so a hostile account cannot flood a report.
 */
export const namedUsers = (users: readonly User[]): string =>
  users
    .map((user) => `${user.noun} ${JSON.stringify([...user.name].length > 80 ? `${[...user.name].slice(0, 79).join('')}…` : user.name)} (${user.id})`)
    .join(', ');

/**
 * A store whose delete, when ZCC refuses it because something still uses the object (409), says what by name (from
 * the kind's documented where-used lists) and what to do, instead of ZCC's ids. The engine wraps every store of a
 * spec with `usedBy`; `zcc-pulumi drift` reads the same lists before an `up` (a preview runs no code for a delete).
 */
export function namingUsersOnDelete(store: ObjectStore, usedBy: readonly UsedBy[], noun: string, advice: string): ObjectStore {
  return {
    ...store,
    remove: async (client, id, previous) => {
      try {
        await store.remove(client, id, previous);
      } catch (error) {
        if (!isConflict(error)) throw error;
        const users = await whereUsed(client, usedBy, id).catch(() => []);
        if (users.length === 0) throw error;
        throw new ZccApiError(
          printable(`${noun} ${id} was not deleted: ${namedUsers(users)} still use${users.length === 1 ? 's' : ''} it. ${advice}`),
          (error as ZccApiError).details,
        );
      }
    },
  };
}
