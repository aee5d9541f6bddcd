import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { defineSpec } from '../engine/spec';
import { integer, listedModificationTime, oneOf, text, zoomId } from './fields';

/** `channel` of a queue (official); `channel_types` is the legacy, finer list. */
export const QUEUE_CHANNELS = ['voice', 'video', 'messaging', 'email', 'work_item'] as const;

/**
 * A queue as GET /contact_center/queues/{queueId} answers (every field the resources read), also used for the
 * create answer and list items, which carry fewer fields: all but the ids and name are optional.
 */
export const queueSchema = z.object({
  queue_id: z.string(),
  cc_queue_id: z.string().optional(),
  queue_name: z.string(),
  queue_description: z.string().optional(),
  channel: z.enum(QUEUE_CHANNELS).optional(),
  channel_types: z.array(z.string()).optional(),
  agents_count: z.number().optional(),
  supervisors_count: z.number().optional(),
  max_wait_time: z.number().optional(),
  wrap_up_time: z.number().optional(),
  max_engagement_in_queue: z.number().optional(),
  short_abandon: z.object({ enable: z.boolean().optional(), threshold: z.number().optional() }).optional(),
  distribution_type: z.number().optional(),
  distribution_duration_in_seconds: z.number().optional(),
  message_accept: z.enum(['manual', 'auto']).optional(),
  overflow_type: z.number().optional(),
  overflow_to_goodbye_message: z.boolean().optional(),
  overflow_to_goodbye_message_asset_id: z.string().optional(),
  overflow_to_queue_id: z.string().optional(),
  overflow_to_cc_queue_id: z.string().optional(),
  overflow_to_flow_id: z.string().optional(),
  overflow_to_inbox_id: z.string().optional(),
  auto_close_message: z.string().optional(),
  auto_close_message_enabled: z.boolean().optional(),
  auto_close_timeout: z.number().optional(),
  auto_close_alert_message: z.string().optional(),
  auto_close_alert_message_enabled: z.boolean().optional(),
  auto_close_alert_message_time: z.number().optional(),
  service_level_threshold_in_seconds: z.number().optional(),
  service_level_exclude_short_abandoned_calls: z.boolean().optional(),
  service_level_exclude_long_abandoned_calls: z.boolean().optional(),
  service_level_exclude_abandoned_quit_engagements: z.boolean().optional(),
  service_level_target_in_percentage: z.number().optional(),
  agent_routing_profile_id: z.string().optional(),
  agent_routing_profile_name: z.string().optional(),
  consumer_routing_profile_id: z.string().optional(),
  consumer_routing_profile_name: z.string().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccQueue = z.infer<typeof queueSchema>;

export const queuesEndpoint: Collection<z.infer<typeof queueSchema>> = {
  path: '/contact_center/queues',
  objectId: 'queueId',
  listKey: 'queues',
  item: queueSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

const seconds = (description: string) => integer(`${description} In seconds (0-86400).`, 0, 86_400).optional();
const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();

export const queueInputs = z.strictObject({
  name: text('Queue name shown to agents and supervisors; unique in the account (1-150 characters). Renaming updates in place.', { min: 1, max: 150 }),
  description: text('Free-text description of the queue (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
  channel: oneOf(QUEUE_CHANNELS, 'The channel the queue serves. Changing it replaces the queue.'),
  maxWaitTime: seconds('Longest time an engagement waits in the queue before it overflows.'),
  wrapUpTime: seconds('Time an agent has for wrap-up after an engagement.'),
  maxEngagementInQueue: integer('Most engagements that may wait in the queue at once (1-10000).', 1, 10_000).optional(),
  distributionType: integer(
    "Zoom's `distribution_type` (0-7): how engagements are offered to agents. Zoom's document gives the numbers without names, so they are passed as they are.",
    0,
    7,
  ).optional(),
  distributionDurationInSeconds: seconds('How long an engagement is offered before it moves on (`distribution_duration_in_seconds`).'),
  shortAbandon: z
    .strictObject({
      enable: z.boolean({ error: 'expected true or false' }).describe('Count engagements abandoned within the threshold as short abandons.').optional(),
      threshold: integer('Short-abandon threshold in seconds (0-3600).', 0, 3600).optional(),
    })
    .describe('Short abandons: `{ enable, threshold }`.')
    .optional(),
  overflowToQueueId: zoomId('Overflow to this queue (e.g. `other.queueId`). At most one overflow target.').optional(),
  overflowToFlowId: zoomId('Overflow to this flow. At most one overflow target.').optional(),
  overflowToInboxId: zoomId('Overflow to this inbox. At most one overflow target.').optional(),
  overflowToGoodbyeMessage: flag('Overflow to a goodbye message. At most one overflow target.'),
  overflowToGoodbyeMessageAssetId: zoomId('Asset id of the goodbye message played on overflow.').optional(),
  serviceLevelThresholdInSeconds: seconds('Service level threshold: engagements answered within it count as in service level.'),
  serviceLevelTargetInPercentage: integer('Service level target (0-100 percent).', 0, 100).optional(),
  serviceLevelExcludeShortAbandonedCalls: flag('Leave short-abandoned calls out of the service level.'),
  serviceLevelExcludeLongAbandonedCalls: flag('Leave long-abandoned calls out of the service level.'),
  serviceLevelExcludeAbandonedQuitEngagements: flag('Leave abandoned-quit engagements out of the service level.'),
  agentRoutingProfileId: zoomId('Agent routing profile of the queue (e.g. `profile.agentRoutingProfileId`).').optional(),
  consumerRoutingProfileId: zoomId('Consumer routing profile of the queue (e.g. `profile.consumerRoutingProfileId`).').optional(),
  messageAccept: oneOf(['manual', 'auto'], 'Messaging queues: whether agents accept messages manually or automatically.').optional(),
  autoCloseMessage: text('Messaging queues: message sent when an idle conversation is closed (up to 1000 characters).', { max: 1000 }).optional(),
  autoCloseMessageEnabled: flag('Messaging queues: send the auto-close message.'),
  autoCloseTimeout: seconds('Messaging queues: idle time before a conversation is closed.'),
  autoCloseAlertMessage: text('Messaging queues: warning sent before an idle conversation is closed (up to 1000 characters).', { max: 1000 }).optional(),
  autoCloseAlertMessageEnabled: flag('Messaging queues: send the auto-close warning.'),
  autoCloseAlertMessageTime: seconds('Messaging queues: how long before closing the warning is sent.'),
});

const OVERFLOW_TARGETS = ['overflowToQueueId', 'overflowToFlowId', 'overflowToInboxId', 'overflowToGoodbyeMessage'] as const;
const MESSAGING_ONLY = [
  'messageAccept',
  'autoCloseMessage',
  'autoCloseMessageEnabled',
  'autoCloseTimeout',
  'autoCloseAlertMessage',
  'autoCloseAlertMessageEnabled',
  'autoCloseAlertMessageTime',
];

export const queueSpec = defineSpec<ZccQueue>()({
  kind: 'Queue',
  description:
    'A Zoom Contact Center queue: where engagements of one channel wait to be routed to agents. ZCC creates a queue with its name, description and channel; every other setting is applied by an update right after (if that fails, the next `up` finishes it).',
  endpoint: queuesEndpoint,
  idField: 'queue_id',
  idOutput: 'queueId',
  inputSchema: queueInputs,
  apiFields: {
    name: 'queue_name',
    description: 'queue_description',
    channel: 'channel',
    maxWaitTime: 'max_wait_time',
    wrapUpTime: 'wrap_up_time',
    maxEngagementInQueue: 'max_engagement_in_queue',
    distributionType: 'distribution_type',
    distributionDurationInSeconds: 'distribution_duration_in_seconds',
    shortAbandon: 'short_abandon',
    overflowToQueueId: 'overflow_to_queue_id',
    overflowToFlowId: 'overflow_to_flow_id',
    overflowToInboxId: 'overflow_to_inbox_id',
    overflowToGoodbyeMessage: 'overflow_to_goodbye_message',
    overflowToGoodbyeMessageAssetId: 'overflow_to_goodbye_message_asset_id',
    serviceLevelThresholdInSeconds: 'service_level_threshold_in_seconds',
    serviceLevelTargetInPercentage: 'service_level_target_in_percentage',
    serviceLevelExcludeShortAbandonedCalls: 'service_level_exclude_short_abandoned_calls',
    serviceLevelExcludeLongAbandonedCalls: 'service_level_exclude_long_abandoned_calls',
    serviceLevelExcludeAbandonedQuitEngagements: 'service_level_exclude_abandoned_quit_engagements',
    agentRoutingProfileId: 'agent_routing_profile_id',
    consumerRoutingProfileId: 'consumer_routing_profile_id',
    messageAccept: 'message_accept',
    autoCloseMessage: 'auto_close_message',
    autoCloseMessageEnabled: 'auto_close_message_enabled',
    autoCloseTimeout: 'auto_close_timeout',
    autoCloseAlertMessage: 'auto_close_alert_message',
    autoCloseAlertMessageEnabled: 'auto_close_alert_message_enabled',
    autoCloseAlertMessageTime: 'auto_close_alert_message_time',
  },
  references: {
    overflowToQueueId: 'Queue',
    overflowToFlowId: 'Flow',
    overflowToInboxId: 'Inbox',
    overflowToGoodbyeMessageAssetId: 'Asset',
    agentRoutingProfileId: 'AgentRoutingProfile',
    consumerRoutingProfileId: 'ConsumerRoutingProfile',
  },
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      queueId: { from: 'queue_id', type: 'string', required: true, description: 'The queue id (`queue_id`).' },
      ccQueueId: { from: 'cc_queue_id', type: 'string', description: 'The Contact Center queue id (`cc_queue_id`).' },
      name: { from: 'queue_name', type: 'string', required: true, description: 'The name.' },
      channel: { from: 'channel', type: 'string', description: 'The channel.' },
      agentsCount: { from: 'agents_count', type: 'number', description: 'How many agents the queue has.' },
      supervisorsCount: { from: 'supervisors_count', type: 'number', description: 'How many supervisors the queue has.' },
    },
  },
  createFields: ['name', 'description', 'channel'],
  serverDefaults: { description: '' },
  replaceOnChanges: ['channel'],
  uniqueName: true,
  naturalKey: ['name'],
  crossFieldCheck: (inputs) => {
    const failures: Array<[string, string]> = [];
    const targets = OVERFLOW_TARGETS.filter((key) => inputs[key] !== undefined && inputs[key] !== false);
    if (targets.length > 1) failures.push([targets[1], `cannot be set together with ${targets[0]}: a queue overflows to one target at most.`]);
    if (inputs.channel !== 'messaging') {
      const set = MESSAGING_ONLY.filter((key) => inputs[key] !== undefined);
      if (set.length > 0) failures.push([set[0], `only applies to messaging queues; this queue's channel is ${JSON.stringify(inputs.channel)}.`]);
    }
    return failures;
  },
  computedOutputs: (server) => ({ ccQueueId: server.cc_queue_id, lastModifiedTime: server.last_modified_time }),
  // Every change to a queue moves its last_modified_time, which the queue list shows.
  ...listedModificationTime,
  outputs: {
    queueId: { description: 'The queue id ZCC assigned (`queue_id`).' },
    ccQueueId: { description: 'The Contact Center queue id (`cc_queue_id`); API paths accept it as well.' },
    lastModifiedTime: { description: 'When the queue was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `const support = new zcc.Queue('support', {
  name: 'Support',
  channel: 'voice',
  maxWaitTime: 300,
  wrapUpTime: 30,
  serviceLevelThresholdInSeconds: 20,
  serviceLevelTargetInPercentage: 80,
});
new zcc.Queue('support-overflow', { name: 'Support overflow', channel: 'voice', overflowToQueueId: support.queueId });`,
});
