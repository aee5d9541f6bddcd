import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { isNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { zoomId } from './fields';

/** GET /queues/{queueId}/operating_hours. */
export const queueOperatingHoursSchema = z.object({
  business_hour_id: z.string(),
  business_hour_name: z.string(),
  closure_set_id: z.string().optional(),
  closure_set_name: z.string().optional(),
  account_default_business_hour: z.boolean(),
  account_default_closure_set: z.boolean().optional(),
  operating_hours_overflow_enabled: z.boolean().optional(),
});
export type ZccQueueOperatingHours = z.infer<typeof queueOperatingHoursSchema>;

// One object per queue, at the path itself (GET and PATCH, no list).
export const queueOperatingHoursEndpoint: Collection<z.infer<typeof queueOperatingHoursSchema>> = {
  path: '/contact_center/queues/{queueId}/operating_hours',
  objectId: '',
  listKey: '',
  item: queueOperatingHoursSchema,
  maxPageSize: 0,
  categories: LIGHT_WRITES,
};

/**
 * Which business hours and closure set a queue follows (`/queues/{queueId}/operating_hours`). A resource of its own
 * rather than Queue properties: Zoom keeps them on their own endpoint with their own write, a queue follows the
 * account defaults until they are set, and keeping them apart lets a program set the hours of a queue it does not
 * manage (`getQueue`) and keeps the Queue's diff to the queue's own settings.
 *
 * "Follows the account default" is recorded as an empty id: a program that omits `businessHourId` declares the
 * default, so a console change to specific hours shows as drift and `up` puts the default back.
 */
const DEFAULT = '';

function operatingHoursStore(): ObjectStore {
  const read = async (client: Parameters<ObjectStore['list']>[0], queueId: string): Promise<Props | undefined> => {
    try {
      const hours = await client.getAt(queueOperatingHoursEndpoint, [queueId]);
      return {
        queue_id: queueId,
        business_hour_id: hours.account_default_business_hour ? DEFAULT : hours.business_hour_id,
        closure_set_id: hours.account_default_closure_set !== false ? DEFAULT : (hours.closure_set_id ?? DEFAULT),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const body = (api: Props) => ({
    ...(api.business_hour_id === undefined
      ? {}
      : api.business_hour_id === DEFAULT
        ? { account_default_business_hour: true }
        : { operating_hours_business_hour_id: api.business_hour_id }),
    ...(api.closure_set_id === undefined
      ? {}
      : api.closure_set_id === DEFAULT
        ? { account_default_closure_set: true }
        : { operating_hours_closure_set_id: api.closure_set_id }),
  });
  return {
    list: async () => [],
    create: async (client, api) => {
      const queueId = String(api.queue_id);
      await client.patchAt(queueOperatingHoursEndpoint, [queueId], body(api));
      return (await read(client, queueId)) ?? { queue_id: queueId };
    },
    get: (client, id) => read(client, id),
    update: async (client, id, changed) => client.patchAt(queueOperatingHoursEndpoint, [id], body(changed)),
    // Deleting the resource gives the queue back to the account defaults (a deleted queue has none to give back).
    remove: async (client, id) => {
      try {
        await client.patchAt(queueOperatingHoursEndpoint, [id], { account_default_business_hour: true, account_default_closure_set: true });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

export const queueOperatingHoursSpec = defineSpec<Props>()({
  kind: 'QueueOperatingHours',
  description:
    'The business hours and closure set one queue follows. Omitted, each is the account default; destroying the resource gives the queue back to the defaults.',
  endpoint: queueOperatingHoursEndpoint,
  idField: 'queue_id',
  idOutput: 'queueId',
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
    businessHourId: zoomId('Business hours the queue follows (e.g. `hours.businessHourId`); omitted: the account default.').optional(),
    closureSetId: zoomId('Closure set the queue follows (e.g. `holidays.closureSetId`); omitted: the account default.').optional(),
  }),
  apiFields: { queueId: 'queue_id', businessHourId: 'business_hour_id', closureSetId: 'closure_set_id' },
  // Omitted means the account default, which the store reads and writes as an empty id.
  serverDefaults: { businessHourId: DEFAULT, closureSetId: DEFAULT },
  replaceOnChanges: ['queueId'],
  references: { queueId: 'Queue', businessHourId: 'BusinessHours', closureSetId: 'ClosureSet' },
  exportAs: { role: 'set', owner: 'Queue', members: ['businessHourId', 'closureSetId'], nameSuffix: 'hours' },
  onDelete: () => "the queue follows the account's default business hours and closures again",
  onePerProgram: 'queueId',
  example: `new zcc.QueueOperatingHours('support-hours', { queueId: support.queueId, businessHourId: office.businessHourId, closureSetId: holidays.closureSetId });`,
  store: operatingHoursStore(),
});
