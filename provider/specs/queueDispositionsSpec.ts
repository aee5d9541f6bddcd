import { z } from 'zod';
import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { ownedSetSpec } from '../engine/ownedSet';
import type { Props } from '../engine/spec';
import { oneOf } from './fields';
import { idList, parentId } from './ownership';

/** A disposition or set a queue offers, as `/queues/{queueId}/dispositions(/sets)` list them. */
export const queueDispositionSchema = z.object({
  disposition_id: z.string(),
  disposition_name: z.string().optional(),
  assign_type: z.enum(['inbound', 'outbound']).optional(),
});
export const queueDispositionSetSchema = z.object({
  disposition_set_id: z.string(),
  disposition_set_name: z.string().optional(),
  assign_type: z.enum(['inbound', 'outbound']).optional(),
});

export const queueDispositionsEndpoint: Collection<z.infer<typeof queueDispositionSchema>> = {
  path: '/contact_center/queues/{queueId}/dispositions',
  objectId: 'dispositionId',
  listKey: 'dispositions',
  item: queueDispositionSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};
export const queueDispositionSetsEndpoint: Collection<z.infer<typeof queueDispositionSetSchema>> = {
  path: '/contact_center/queues/{queueId}/dispositions/sets',
  objectId: 'dispositionSetId',
  listKey: 'disposition_sets',
  item: queueDispositionSetSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};

/**
 * The dispositions and disposition sets one queue offers its agents, for one direction (`assign_type`): an owned set
 * (engine/ownedSet.ts) with two lists, scoped by the direction. The other direction is another set.
 */
const LISTS: ReadonlyArray<{ field: string; collection: Collection; id: string }> = [
  { field: 'disposition_ids', collection: queueDispositionsEndpoint, id: 'disposition_id' },
  { field: 'disposition_set_ids', collection: queueDispositionSetsEndpoint, id: 'disposition_set_id' },
];
const collectionOf = (field: string) => LISTS.find((list) => list.field === field)!.collection;

export const queueDispositionsSpec = ownedSetSpec({
  kind: 'QueueDispositions',
  description:
    'The dispositions and disposition sets one queue offers its agents after an engagement, for one direction (`assignType`, inbound by default). `exclusive` (default) makes the queue offer exactly these in that direction, removing others (a new set warns at preview which it will remove); `additive` adds these and only ever removes what it added. The other direction is left as it is.',
  endpoint: queueDispositionsEndpoint,
  parent: { kind: 'Queue', input: 'queueId', noun: 'queue', schema: parentId('queue', 'queue.queueId') },
  scope: {
    input: 'assignType',
    field: 'assign_type',
    default: 'inbound',
    schema: oneOf(
      ['inbound', 'outbound'],
      'The direction these apply to (`assign_type`): `inbound` (default) or `outbound`. Changing it replaces the resource.',
    ).optional(),
  },
  lists: [
    {
      input: 'dispositionIds',
      field: 'disposition_ids',
      kind: 'Disposition',
      noun: 'dispositions',
      optional: true,
      label: (id) => `disposition ${id}`,
      schema: idList({
        noun: 'dispositions',
        max: 500,
        description: 'The dispositions the queue offers (e.g. `resolved.dispositionId`); order does not matter.',
      }),
    },
    {
      input: 'dispositionSetIds',
      field: 'disposition_set_ids',
      kind: 'DispositionSet',
      noun: 'sets',
      optional: true,
      label: (id) => `disposition set ${id}`,
      schema: idList({
        noun: 'disposition sets',
        max: 500,
        description: 'The disposition sets the queue offers (e.g. `outcomes.dispositionSetId`); order does not matter.',
      }),
    },
  ],
  calls: {
    read: async (client, queueId, scope) => {
      const out: Record<string, string[]> = {};
      for (const list of LISTS) {
        const items = (await client.listOf(list.collection, [queueId], { assign_type: String(scope.assign_type) })) as Props[];
        out[list.field] = items.filter((item) => (item.assign_type ?? 'inbound') === scope.assign_type).map((item) => String(item[list.id]));
      }
      return out;
    },
    add: (client, queueId, field, ids, scope) => client.addTo<void>(collectionOf(field), [queueId], { [field]: ids, assign_type: scope.assign_type }),
    remove: (client, queueId, field, [id], scope) => client.deleteOne(collectionOf(field), [queueId, String(id)], { assign_type: String(scope.assign_type) }),
  },
  harm: 'strip a queue of its wrap-up codes',
  exportHints: { nameSuffix: 'dispositions' },
  example: `new zcc.QueueDispositions('support-dispositions', {
  queueId: support.queueId,
  dispositionIds: [resolved.dispositionId],
  dispositionSetIds: [outcomes.dispositionSetId],
});`,
});
