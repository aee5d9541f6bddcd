import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { unlessNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { restStore } from '../engine/restStore';
import { integer, listedModificationTime, oneOf, text, zoomId } from './fields';

export const DISPOSITION_STATUSES = ['active', 'inactive'] as const;

/** A disposition (wrap-up code): the list item, or GET, which adds `sub_dispositions`. */
export const dispositionSchema = z.object({
  disposition_id: z.string(),
  disposition_name: z.string(),
  disposition_description: z.string().optional(),
  status: z.enum(DISPOSITION_STATUSES).optional(),
  disposition_type: z.enum(['single', 'multi_level']).optional(),
  sub_dispositions: z
    .array(z.object({ sub_disposition_id: z.string().optional(), sub_disposition_name: z.string(), current_index: z.number(), parent_index: z.number() }))
    .optional(),
  queue_count: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccDisposition = z.infer<typeof dispositionSchema>;

/** A disposition set: the list item counts its dispositions; GET and create list them. */
export const dispositionSetSchema = z.object({
  disposition_set_id: z.string(),
  disposition_set_name: z.string(),
  disposition_set_description: z.string().optional(),
  status: z.enum(DISPOSITION_STATUSES).optional(),
  dispositions: z.array(z.object({ disposition_id: z.string(), disposition_name: z.string().optional() })).optional(),
  dispositions_count: z.number().optional(),
  queues_count: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccDispositionSet = z.infer<typeof dispositionSetSchema>;

export const dispositionsEndpoint: Collection<z.infer<typeof dispositionSchema>> = {
  path: '/contact_center/dispositions',
  objectId: 'dispositionId',
  listKey: 'dispositions',
  item: dispositionSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const dispositionSetsEndpoint: Collection<z.infer<typeof dispositionSetSchema>> = {
  path: '/contact_center/dispositions/sets',
  objectId: 'dispositionSetId',
  listKey: 'disposition_sets',
  item: dispositionSetSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Dispositions (wrap-up codes agents pick after an engagement) and disposition sets (`/dispositions`,
 * `/dispositions/sets`), with every documented field. A queue offers dispositions and sets (QueueDispositions).
 */
const status = oneOf(DISPOSITION_STATUSES, '`active` (agents can pick it; the default) or `inactive`.').optional();

const subDisposition = z.strictObject({
  subDispositionName: text('Name of the sub-disposition (1-64 characters).', { min: 1, max: 64 }),
  currentIndex: integer('Its position (`current_index`), unique within the disposition.', 0, 10_000),
  parentIndex: integer('The position of its parent (`parent_index`), as Zoom numbers the levels.', 0, 10_000),
});

export const dispositionSpec = defineSpec<ZccDisposition>()({
  kind: 'Disposition',
  description:
    'A disposition (wrap-up code) agents pick after an engagement: `single`, or `multi_level` with sub-dispositions. Offered on queues directly or through a DispositionSet.',
  endpoint: dispositionsEndpoint,
  idField: 'disposition_id',
  idOutput: 'dispositionId',
  inputSchema: z.strictObject({
    name: text('Disposition name (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    status,
    dispositionType: oneOf(['single', 'multi_level'], '`single` (the default) or `multi_level` (with subDispositions).').optional(),
    subDispositions: z
      .array(subDisposition, { error: 'expected a list of sub-dispositions' })
      .max(500, { error: 'must list at most 500 sub-dispositions' })
      .describe('The levels below a `multi_level` disposition, in order.')
      .optional(),
  }),
  apiFields: {
    name: 'disposition_name',
    description: 'disposition_description',
    status: 'status',
    dispositionType: 'disposition_type',
    subDispositions: 'sub_dispositions',
  },
  serverDefaults: { description: '', status: 'active', dispositionType: 'single' },
  naturalKey: ['name'],
  crossFieldCheck: (inputs) => {
    const subs = (inputs.subDispositions as Array<Record<string, unknown>> | undefined) ?? [];
    if (subs.length > 0 && inputs.dispositionType !== 'multi_level')
      return [
        [
          'subDispositions',
          `are only allowed when dispositionType is "multi_level"; got ${subs.length} with dispositionType ${JSON.stringify(inputs.dispositionType ?? 'single')}.`,
        ],
      ];
    const seen = new Set<unknown>();
    for (const [index, sub] of subs.entries()) {
      if (seen.has(sub.currentIndex))
        return [['subDispositions', `item ${index}: currentIndex ${String(sub.currentIndex)} is used twice; each sub-disposition needs its own.`]];
      seen.add(sub.currentIndex);
    }
    return [];
  },
  // The list shows each disposition's modification time (not its sub-dispositions).
  ...listedModificationTime,
  computedOutputs: (server) => ({ lastModifiedTime: server.last_modified_time }),
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      dispositionId: { from: 'disposition_id', type: 'string', required: true, description: 'The disposition id.' },
      name: { from: 'disposition_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'disposition_description', type: 'string', description: 'The description.' },
      status: { from: 'status', type: 'string', description: '`active` or `inactive`.' },
      dispositionType: { from: 'disposition_type', type: 'string', description: '`single` or `multi_level`.' },
    },
  },
  outputs: {
    dispositionId: { description: 'The disposition id ZCC assigned.' },
    lastModifiedTime: { description: 'When the disposition was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `const resolved = new zcc.Disposition('resolved', { name: 'Resolved', description: 'The caller needs nothing more' });
const followUp = new zcc.Disposition('follow-up', {
  name: 'Follow-up',
  dispositionType: 'multi_level',
  subDispositions: [
    { subDispositionName: 'Callback', currentIndex: 1, parentIndex: 0 },
    { subDispositionName: 'Email', currentIndex: 2, parentIndex: 0 },
  ],
});`,
});

/** The set's dispositions come back as `dispositions: [{disposition_id, …}]`; the program declares their ids. */
function dispositionSetStore(): ObjectStore {
  const rest = restStore(dispositionSetsEndpoint);
  const withIds = (set: Props | undefined) =>
    set && { ...set, disposition_ids: ((set.dispositions as Array<{ disposition_id: string }> | undefined) ?? []).map((d) => d.disposition_id) };
  return {
    ...rest,
    create: async (client, body) => withIds(await rest.create(client, body))!,
    get: async (client, id) => withIds(await unlessNotFound(() => client.getOne(dispositionSetsEndpoint, [id]) as Promise<Props>)),
  };
}

export const dispositionSetSpec = defineSpec<ZccDispositionSet & { disposition_ids?: string[] }>()({
  kind: 'DispositionSet',
  description: 'A named set of dispositions, offered on queues as one (QueueDispositions `dispositionSetIds`).',
  endpoint: dispositionSetsEndpoint,
  idField: 'disposition_set_id',
  idOutput: 'dispositionSetId',
  inputSchema: z.strictObject({
    name: text('Set name (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    status,
    dispositionIds: z
      .array(zoomId('A disposition id.'), { error: 'expected a list of disposition ids' })
      .max(500, { error: 'must list at most 500 dispositions' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list the same disposition twice' })
      .describe('The dispositions in the set (e.g. `resolved.dispositionId`); order does not matter.')
      .optional(),
  }),
  apiFields: { name: 'disposition_set_name', description: 'disposition_set_description', status: 'status', dispositionIds: 'disposition_ids' },
  serverDefaults: { description: '', status: 'active', dispositionIds: [] },
  setFields: ['dispositionIds'],
  references: { 'dispositionIds[]': 'Disposition' },
  naturalKey: ['name'],
  ...listedModificationTime,
  computedOutputs: (server) => ({ lastModifiedTime: server.last_modified_time }),
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      dispositionSetId: { from: 'disposition_set_id', type: 'string', required: true, description: 'The disposition set id.' },
      name: { from: 'disposition_set_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'disposition_set_description', type: 'string', description: 'The description.' },
      status: { from: 'status', type: 'string', description: '`active` or `inactive`.' },
      dispositionsCount: { from: 'dispositions_count', type: 'number', description: 'How many dispositions the set holds.' },
    },
  },
  outputs: {
    dispositionSetId: { description: 'The disposition set id ZCC assigned.' },
    lastModifiedTime: { description: 'When the set was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `new zcc.DispositionSet('support-outcomes', {
  name: 'Support outcomes',
  dispositionIds: [resolved.dispositionId, followUp.dispositionId],
});`,
  store: dispositionSetStore(),
});
