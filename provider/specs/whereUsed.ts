import { z } from 'zod';
import type { Collection } from '../client/endpoints';
import { ZccApiError, isConflict } from '../client/errors';
import { printable } from '../client/printable';
import type { ObjectStore } from '../engine/spec';

/** GET /business_hours/{businessHourId}/queues and /closures/{closureSetId}/queues: the queues that use them. */
export const usingQueueSchema = z.object({ queue_id: z.string(), cc_queue_id: z.string().optional(), queue_name: z.string() });

/**
 * A store whose delete, when ZCC refuses it because queues still use the object (409), says which queues by name
 * (from the documented where-used list) and what to do, instead of ZCC's ids.
 */
export function namingUsersOnDelete(store: ObjectStore, usedBy: Collection<{ queue_id: string; queue_name: string }>, noun: string): ObjectStore {
  return {
    ...store,
    remove: async (client, id, previous) => {
      try {
        await store.remove(client, id, previous);
      } catch (error) {
        if (!isConflict(error)) throw error;
        const queues = await client.listOf(usedBy, [id]).catch(() => []);
        if (queues.length === 0) throw error;
        const named = queues.map((queue) => `${JSON.stringify(queue.queue_name)} (${queue.queue_id})`).join(', ');
        throw new ZccApiError(
          printable(
            `${noun} ${id} was not deleted: queue${queues.length === 1 ? '' : 's'} ${named} still use${queues.length === 1 ? 's' : ''} it. Give those queues other hours in the same up (their QueueOperatingHours), or keep these.`,
          ),
          (error as ZccApiError).details,
        );
      }
    },
  };
}
