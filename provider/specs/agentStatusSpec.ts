import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { restStore } from '../engine/restStore';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { oneOf, text } from './fields';
import { idList } from './ownership';

/**
 * Agent statuses and the reasons for not ready or a queue opt-out (`/contact_center/system_statuses`, by
 * `status_category`), with the queues each applies to. The endpoint and API shape live here, beside the spec. The
 * API names the queues as `[{ id }]` (and answers `[{ id, value }]` with the queue's name): the SDK holds their ids.
 * The built-in statuses (`status_type: default`) are the account's: export names them with getAgentStatus.
 */
export const STATUS_CATEGORIES = ['agent_status', 'queue_opt_out_and_not_ready_status'] as const;

export const agentStatusItemSchema = z.object({
  status_id: z.string(),
  status_name: z.string(),
  status_type: z.enum(['default', 'custom']).optional(),
  status_category: z.enum(STATUS_CATEGORIES).optional(),
  enable: z.boolean().optional(),
  status_assigned_queues: z.array(z.object({ id: z.string().optional(), value: z.string().optional() })).optional(),
});
type ZccAgentStatus = z.infer<typeof agentStatusItemSchema>;

export const agentStatusesEndpoint: Collection<ZccAgentStatus> = {
  path: '/contact_center/system_statuses',
  objectId: 'statusId',
  listKey: 'statuses',
  item: agentStatusItemSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/** `[{ id, value }]` → ids, and back. */
const asIds = (server: Props | undefined): Props | undefined =>
  server && {
    ...server,
    status_assigned_queues: ((server.status_assigned_queues as Array<{ id?: string }> | undefined) ?? []).map((queue) => queue.id).filter(Boolean),
  };
const asObjects = (body: Props): Props =>
  body.status_assigned_queues === undefined ? body : { ...body, status_assigned_queues: (body.status_assigned_queues as string[]).map((id) => ({ id })) };

function agentStatusStore(): ObjectStore {
  const rest = restStore(agentStatusesEndpoint);
  return {
    ...rest,
    list: async (client) => (await rest.list(client)).map((item) => asIds(item)!),
    create: async (client, body) => ({ ...asIds(await rest.create(client, asObjects(body)))!, status_assigned_queues: body.status_assigned_queues ?? [] }),
    get: async (client, id) => asIds(await rest.get(client, id)),
    update: (client, id, changed, full, previous) => rest.update(client, id, asObjects(changed), full, previous),
  };
}

export const agentStatusSpec = defineSpec<ZccAgentStatus>()({
  kind: 'AgentStatus',
  description:
    'An agent status, or a reason agents give for not ready or for opting out of a queue (`category`), and the queues it applies to. The built-in statuses (Offline, Ready, Not Ready, Occupied) are found with getAgentStatus.',
  endpoint: agentStatusesEndpoint,
  idField: 'status_id',
  idOutput: 'statusId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    name: text('Status name, unique within its category (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    category: oneOf(
      STATUS_CATEGORIES,
      '`agent_status`, or `queue_opt_out_and_not_ready_status` for a reason for not ready or a queue opt-out (`status_category`). Changing it replaces the status (the PATCH does not take it).',
    ),
    enabled: z.boolean({ error: 'expected true or false' }).describe('Whether agents can choose it (`enable`). Defaults to true.').optional(),
    queueIds: idList({
      noun: 'queues',
      max: 500,
      description: 'The queues it applies to (`status_assigned_queues`); order does not matter. Left out: not managed.',
    }).optional(),
  }),
  apiFields: { name: 'status_name', category: 'status_category', enabled: 'enable', queueIds: 'status_assigned_queues' },
  serverDefaults: { enabled: true },
  setFields: ['queueIds'],
  replaceOnChanges: ['category'],
  uniqueName: true,
  naturalKey: ['name', 'category'],
  references: { 'queueIds[]': 'Queue' },
  computedOutputs: (server) => ({ statusType: server.status_type }),
  exportAs: { role: 'object', onlyIf: (item) => item.status_type !== 'default' },
  lookup: {
    returns: {
      statusId: { from: 'status_id', type: 'string', required: true, description: 'The status id.' },
      name: { from: 'status_name', type: 'string', required: true, description: 'The name.' },
      category: { from: 'status_category', type: 'string', description: '`agent_status` or `queue_opt_out_and_not_ready_status`.' },
      statusType: { from: 'status_type', type: 'string', description: '`default` (built in) or `custom`.' },
      enabled: { from: 'enable', type: 'boolean', description: 'Whether agents can choose it.' },
    },
    within: { arg: 'category', field: 'status_category', description: 'The category to look in: names are unique only within one.' },
  },
  outputs: {
    statusId: { description: 'The status id ZCC assigned.' },
    statusType: { description: '`custom` for statuses this package creates.' },
  },
  example: `new zcc.AgentStatus('lunch', { name: 'Lunch', category: 'queue_opt_out_and_not_ready_status', queueIds: [support.queueId] });`,
  store: agentStatusStore(),
});
