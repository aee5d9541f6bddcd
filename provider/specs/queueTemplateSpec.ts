import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { defineSpec } from '../engine/spec';
import { oneOf, text } from './fields';

/**
 * Queue templates (`/contact_center/queue_templates`): the settings a new queue starts from (`add`) or that are
 * applied to existing queues (`update`). The list names its fields `template_*` and the GET and create answers
 * `queue_template_*`: the item schema reads both into the GET's names. The PATCH takes the name, description and
 * status; the channel and type cannot change in place, and the create takes no status (set right after it).
 */
const CHANNELS = ['voice', 'video', 'messaging', 'email', 'work_item'] as const;
const TYPES = ['add', 'update'] as const;
const STATUSES = ['active', 'inactive'] as const;

/** A list item (`template_id`, …) under the GET's names (`queue_template_id`, …); a GET answer passes unchanged. */
const fromListNames = (item: unknown) =>
  item !== null && typeof item === 'object' && 'template_id' in item
    ? Object.fromEntries(
        Object.entries(item).map(([key, value]) =>
          key === 'channel' || key === 'modified_by' || key === 'last_modified_time' ? [key, value] : [`queue_${key}`, value],
        ),
      )
    : item;

export const queueTemplateItemSchema = z.preprocess(
  fromListNames,
  z.object({
    queue_template_id: z.string(),
    queue_template_name: z.string(),
    // The GET leaves an empty description out where the list answers '': both mean none.
    queue_template_description: z.string().default(''),
    channel: z.enum(CHANNELS),
    queue_template_type: z.enum(TYPES),
    queue_template_status: z.enum(STATUSES).optional(),
    queue_template_need_attention: z.boolean().optional(),
    modified_by: z.string().optional(),
    last_modified_time: z.string().optional(),
  }),
);
type ZccQueueTemplate = z.infer<typeof queueTemplateItemSchema>;

export const queueTemplatesEndpoint: Collection<ZccQueueTemplate> = {
  path: '/contact_center/queue_templates',
  objectId: 'queueTemplateId',
  listKey: 'queue_templates',
  item: queueTemplateItemSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

export const queueTemplateSpec = defineSpec<ZccQueueTemplate>()({
  kind: 'QueueTemplate',
  description:
    "A queue template: the settings a new queue starts from (`type: add`) or that are applied to existing queues (`type: update`). The template's queue settings themselves are edited in the console; this resource manages its name, description, channel, type and status.",
  endpoint: queueTemplatesEndpoint,
  idField: 'queue_template_id',
  idOutput: 'queueTemplateId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    name: text('Template name (`queue_template_name`, 1-64 characters: an assumption, the document gives no limit). Renaming updates in place.', {
      min: 1,
      max: 64,
    }),
    description: text('Description (`queue_template_description`, at most 255 characters: an assumption).', { max: 255 }).optional(),
    channel: oneOf(CHANNELS, 'The channel of the queues it applies to. Changing it replaces the template.'),
    type: oneOf(TYPES, '`add` (new queues start from it) or `update` (applied to existing queues) (`queue_template_type`). Changing it replaces the template.'),
    status: oneOf(STATUSES, '`active` or `inactive` (`queue_template_status`); the create takes none, so it is set right after.').optional(),
  }),
  apiFields: {
    name: 'queue_template_name',
    description: 'queue_template_description',
    channel: 'channel',
    type: 'queue_template_type',
    status: 'queue_template_status',
  },
  serverDefaults: { description: '' },
  createFields: ['name', 'description', 'channel', 'type'],
  replaceOnChanges: ['channel', 'type'],
  uniqueName: true,
  whileReplaced: 'queues cannot be created or updated from it meanwhile',
  naturalKey: ['name'],
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      queueTemplateId: { from: 'queue_template_id', type: 'string', required: true, description: 'The template id.' },
      name: { from: 'queue_template_name', type: 'string', required: true, description: 'The name.' },
      channel: { from: 'channel', type: 'string', required: true, description: 'The channel.' },
      type: { from: 'queue_template_type', type: 'string', required: true, description: '`add` or `update`.' },
    },
  },
  computedOutputs: (server) => ({ needsAttention: server.queue_template_need_attention ?? false }),
  outputs: {
    queueTemplateId: { description: 'The template id ZCC assigned.' },
    needsAttention: { description: 'Zoom flags the template as needing attention (`queue_template_need_attention`).', type: 'boolean' },
  },
  example: `const supportTemplate = new zcc.QueueTemplate('support-template', { name: 'Support voice', channel: 'voice', type: 'add', status: 'active' });`,
});
