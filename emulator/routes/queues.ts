import { identified } from '../lookup';
import { conflict, invalidField } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import { QUEUE_CHANNELS, type QueueRow, type EmulatorState } from '../state';
import { asBody, booleanField, enumField, integerField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Queues in the shapes of Zoom's OpenAPI document: POST takes only `queue_name`, `queue_description` and
 * `channel` (plus the legacy `channel_types`); every routing setting is PATCH-only. A queue has two ids,
 * `queue_id` and `cc_queue_id`, and paths accept either (or the name, with `queue_identifier_type=name`).
 */
const CREATE_FIELDS = ['queue_name', 'queue_description', 'channel_types', 'channel'] as const;
const CHANNEL_TYPES = ['voice', 'chat', 'sms', 'video', 'in_app_chat', 'messaging', 'work_item'] as const;

/** Every field of the documented PATCH body. Those the emulator models are validated; the rest are kept as sent. */
const PATCH_FIELDS = [
  'queue_name',
  'queue_description',
  'max_wait_time',
  'wrap_up_time',
  'max_engagement_in_queue',
  'short_abandon',
  'channel_types',
  'channel',
  'distribution_type',
  'distribution_duration_in_seconds',
  'connecting_media_id',
  'transferring_media_id',
  'holding_media_id',
  'waiting_room_id',
  'message_accept',
  'wrap_up_expiration',
  'wrap_up_after_transfer',
  'overflow_to_goodbye_message',
  'overflow_to_queue_id',
  'overflow_to_cc_queue_id',
  'overflow_to_flow_id',
  'overflow_to_inbox_id',
  'overflow_to_goodbye_message_asset_id',
  'auto_close_message',
  'auto_close_message_enabled',
  'auto_close_timeout',
  'auto_close_alert_message',
  'auto_close_alert_message_enabled',
  'auto_close_alert_message_time',
  'recording_storage_location',
  'service_level_threshold_in_seconds',
  'service_level_exclude_short_abandoned_calls',
  'service_level_exclude_long_abandoned_calls',
  'service_level_exclude_abandoned_quit_engagements',
  'service_level_exclude_overflow_engagements',
  'service_level_target_in_percentage',
  'agent_routing_profile_id',
  'agent_routing_settings',
  'consumer_routing_profile_id',
  'engagement_acceptance',
  'inbound_launch_url_info',
  'notes_asset_id',
  'disposition_required',
  'default_disposition_id',
  'outbound_settings',
  'scheduled_callback_settings',
  'video_callback_settings',
] as const;
const INTEGERS: Record<string, [number, number]> = {
  max_wait_time: [0, 86_400],
  wrap_up_time: [0, 86_400],
  max_engagement_in_queue: [1, 10_000],
  distribution_type: [0, 7],
  distribution_duration_in_seconds: [0, 86_400],
  auto_close_timeout: [0, 86_400],
  auto_close_alert_message_time: [0, 86_400],
  service_level_threshold_in_seconds: [0, 86_400],
  service_level_target_in_percentage: [0, 100],
};
const BOOLEANS = [
  'wrap_up_expiration',
  'wrap_up_after_transfer',
  'overflow_to_goodbye_message',
  'auto_close_message_enabled',
  'auto_close_alert_message_enabled',
  'service_level_exclude_short_abandoned_calls',
  'service_level_exclude_long_abandoned_calls',
  'service_level_exclude_abandoned_quit_engagements',
  'service_level_exclude_overflow_engagements',
  'disposition_required',
];
const OVERFLOW_TARGETS = ['overflow_to_queue_id', 'overflow_to_cc_queue_id', 'overflow_to_flow_id', 'overflow_to_inbox_id', 'overflow_to_goodbye_message'];
// What a new queue reports before anyone changes it (the document gives no defaults; these are plausible ones).
const QUEUE_DEFAULTS = {
  max_wait_time: 300,
  wrap_up_time: 30,
  max_engagement_in_queue: 30,
  distribution_type: 0,
  short_abandon: { enable: false, threshold: 5 },
};

/** A queue by `queue_id` or `cc_queue_id`, or by name with `queue_identifier_type=name`. */
export function findQueue(state: EmulatorState, key: string, type?: unknown): QueueRow {
  const finders = {
    id: (k: string) => state.queues.get(k) ?? state.queues.all().find((q) => q.cc_queue_id === k),
    name: (k: string) => state.queues.all().find((q) => q.queue_name === k),
  };
  return identified('Queue', finders, 'queue_identifier_type', type, key);
}

function assertUniqueName(state: EmulatorState, name: string, exceptId?: string) {
  const clash = state.queues.all().find((q) => q.queue_name === name && q.queue_id !== exceptId);
  if (clash) throw conflict(`Queue name already exists: ${name}.`);
}

function channelTypes(body: Body): string[] | undefined {
  const value = body.channel_types;
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => !CHANNEL_TYPES.includes(item)))
    throw invalidField('channel_types', `Each item must be one of: ${CHANNEL_TYPES.join(', ')}.`);
  return value as string[];
}

/** The validated PATCH body, as the fields to store. */
function queueSettings(state: EmulatorState, body: Body, queue: QueueRow): Record<string, unknown> {
  rejectUnknownFields(body, PATCH_FIELDS);
  const out: Record<string, unknown> = { ...body };
  if (body.queue_name !== undefined) out.queue_name = stringField(body, 'queue_name', { min: 1, max: 150 });
  if (body.queue_description !== undefined) out.queue_description = stringField(body, 'queue_description', { max: 256 });
  if (body.channel !== undefined) out.channel = enumField(body, 'channel', QUEUE_CHANNELS);
  if (body.channel_types !== undefined) out.channel_types = channelTypes(body);
  for (const [field, [min, max]] of Object.entries(INTEGERS)) if (body[field] !== undefined) out[field] = integerField(body, field, min, max);
  for (const field of BOOLEANS) if (body[field] !== undefined) out[field] = booleanField(body, field);
  if (body.message_accept !== undefined) out.message_accept = enumField(body, 'message_accept', ['manual', 'auto']);
  for (const field of ['auto_close_message', 'auto_close_alert_message']) if (body[field] !== undefined) out[field] = stringField(body, field, { max: 1000 });
  if (body.short_abandon !== undefined) {
    const value = body.short_abandon as Body;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidField('short_abandon', 'Expected an object.');
    rejectUnknownFields(value, ['enable', 'threshold']);
    out.short_abandon = {
      ...(queue.short_abandon as object),
      ...(booleanField(value, 'enable') !== undefined ? { enable: value.enable } : {}),
      ...(value.threshold !== undefined ? { threshold: integerField(value, 'threshold', 0, 3600) } : {}),
    };
  }
  for (const field of ['overflow_to_queue_id', 'overflow_to_cc_queue_id']) {
    if (body[field] !== undefined && body[field] !== '') {
      const target = findQueue(state, String(stringField(body, field, { min: 1, max: 128 })));
      if (target.queue_id === queue.queue_id) throw invalidField(field, 'A queue cannot overflow to itself.');
    }
  }
  for (const field of [
    'overflow_to_flow_id',
    'overflow_to_inbox_id',
    'agent_routing_profile_id',
    'consumer_routing_profile_id',
    'overflow_to_goodbye_message_asset_id',
  ]) {
    if (body[field] !== undefined) out[field] = stringField(body, field, { max: 128 });
  }
  const targets = OVERFLOW_TARGETS.filter((field) => body[field] !== undefined && body[field] !== '' && body[field] !== false);
  if (targets.length > 1) throw invalidField(targets[1], `Only one overflow target at a time (also got ${targets[0]}).`);
  if (targets.length === 1) for (const field of OVERFLOW_TARGETS) if (field !== targets[0]) delete queue[field];
  return out;
}

/** A queue as GET shows it: identity, channel, the settings set so far over the defaults (no modification time: only the list has it). */
export function queueView(_state: EmulatorState, queue: QueueRow): Record<string, unknown> {
  const { modified_by: _by, last_modified_time: _at, ...view } = queue;
  return { ...view, dispositions_count: 0, disposition_sets_count: 0 };
}

export function registerQueueRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/queues', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.queues.all();
    if (q.channel !== undefined) rows = rows.filter((queue) => queue.channel === enumField({ channel: q.channel }, 'channel', QUEUE_CHANNELS));
    const items = rows.map((queue) => ({
      queue_id: queue.queue_id,
      cc_queue_id: queue.cc_queue_id,
      queue_name: queue.queue_name,
      agents_count: (state.queueAgents.get(queue.queue_id) ?? []).length,
      supervisors_count: (state.queueSupervisors.get(queue.queue_id) ?? []).length,
      ...(queue.channel_types ? { channel_types: queue.channel_types } : {}),
      channel: queue.channel,
      modified_by: queue.modified_by,
      last_modified_time: queue.last_modified_time,
    }));
    return { body: paginate(items, q, 'queues', 300) };
  });

  route('POST', '/contact_center/queues', 'light', (request, { state, behaviour }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, CREATE_FIELDS);
    const name = stringField(body, 'queue_name', { required: true, min: 1, max: 150 })!;
    const channel = enumField(body, 'channel', QUEUE_CHANNELS, true)!;
    const types = channelTypes(body);
    if (behaviour.uniqueQueueNames) assertUniqueName(state, name);
    const queue = state.queues.insert({
      queue_id: state.queues.nextId(),
      cc_queue_id: `cc${state.queues.nextId()}`,
      queue_name: name,
      queue_description: stringField(body, 'queue_description', { max: 256 }) ?? '',
      channel,
      ...(types ? { channel_types: types } : {}),
      ...structuredClone(QUEUE_DEFAULTS),
      modified_by: 'api',
      last_modified_time: now(),
    });
    state.queueAgents.set(queue.queue_id, []);
    state.queueSupervisors.set(queue.queue_id, []);
    const { queue_id, cc_queue_id, queue_name, queue_description } = queue;
    return { status: 201, body: { queue_id, cc_queue_id, queue_name, queue_description, ...(types ? { channel_types: types } : {}), channel } };
  });

  route('GET', '/contact_center/queues/:queueId', 'light', (request, { state }) => ({
    body: queueView(state, findQueue(state, params(request).queueId, query(request).queue_identifier_type)),
  }));

  route('PATCH', '/contact_center/queues/:queueId', 'light', (request, { state, behaviour }) => {
    const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
    const settings = queueSettings(state, asBody(request.body), queue);
    if (settings.queue_name !== undefined && behaviour.uniqueQueueNames) assertUniqueName(state, String(settings.queue_name), queue.queue_id);
    Object.assign(queue, settings, { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });

  route('DELETE', '/contact_center/queues/:queueId', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
    // The queue's members, hours link, dispositions and teams go with it, and so does its place in other lists.
    state.deleteObject('queues', queue.queue_id);
    return { status: 204 };
  });
}
