import { conflict, notFound, invalidField, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
import { CHANNELS, ROUTING_METHODS, type QueueRow, type EmulatorState } from '../state';
import { asBody, enumArrayField, enumField, integerField, rejectUnknownFields, stringArrayField, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

const QUEUE_FIELDS = ['name', 'description', 'channels', 'routing_method', 'max_wait_time'] as const;
// Zoom returns channels in its own order; clients must treat them as a set.
const CHANNEL_ORDER = [...CHANNELS];
const sortChannels = (channels: string[]) => [...channels].sort((a, b) => CHANNEL_ORDER.indexOf(a as never) - CHANNEL_ORDER.indexOf(b as never));

function findQueue(state: EmulatorState, id: string): QueueRow {
  const queue = state.queues.get(id);
  if (!queue) throw notFound('Queue', id);
  return queue;
}

function assertUniqueName(state: EmulatorState, name: string, exceptId?: string) {
  const clash = state.queues.all().find((q) => q.name === name && q.queue_id !== exceptId);
  if (clash) throw conflict(`Queue name already exists: ${name}.`);
}

const MAX_AGENTS_PER_REQUEST = 20;

export function registerQueueRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/queues', 'medium', (request, { state }) => ({ body: paginate(state.queues.all(), query(request), 'queues') }));

  route('POST', '/contact_center/queues', 'light', (request, { state, behaviour }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, QUEUE_FIELDS);
    const name = stringField(body, 'name', { required: true, min: 1, max: 150 })!;
    const description = stringField(body, 'description', { max: 256 }) ?? '';
    const channels = enumArrayField(body, 'channels', CHANNELS, true)!;
    const routingMethod = enumField(body, 'routing_method', ROUTING_METHODS) ?? 'round_robin';
    const maxWait = integerField(body, 'max_wait_time', 0, 3600) ?? 300;
    if (behaviour.uniqueQueueNames) assertUniqueName(state, name);
    const at = now();
    const queue = state.queues.insert({
      queue_id: state.queues.nextId(),
      name,
      description,
      channels: sortChannels(channels),
      routing_method: routingMethod,
      max_wait_time: maxWait,
      created_at: at,
      updated_at: at,
    });
    state.queueAgents.set(queue.queue_id, []);
    return { status: 201, body: queue };
  });

  route('GET', '/contact_center/queues/:queueId', 'light', (request, { state }) => ({ body: findQueue(state, params(request).queueId) }));

  route('PATCH', '/contact_center/queues/:queueId', 'light', (request, { state, behaviour }) => {
    const queue = findQueue(state, params(request).queueId);
    const body = asBody(request.body);
    rejectUnknownFields(body, QUEUE_FIELDS);
    const name = stringField(body, 'name', { min: 1, max: 150 });
    const description = stringField(body, 'description', { max: 256 });
    const channels = enumArrayField(body, 'channels', CHANNELS);
    const routingMethod = enumField(body, 'routing_method', ROUTING_METHODS);
    const maxWait = integerField(body, 'max_wait_time', 0, 3600);
    if (name !== undefined && behaviour.uniqueQueueNames) assertUniqueName(state, name, queue.queue_id);
    if (name !== undefined) queue.name = name;
    if (description !== undefined) queue.description = description;
    if (channels !== undefined) queue.channels = sortChannels(channels);
    if (routingMethod !== undefined) queue.routing_method = routingMethod;
    if (maxWait !== undefined) queue.max_wait_time = maxWait;
    queue.updated_at = now();
    return { status: 204 };
  });

  route('DELETE', '/contact_center/queues/:queueId', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    state.queues.delete(queue.queue_id);
    state.queueAgents.delete(queue.queue_id);
    for (const profile of state.routingProfiles.all()) profile.queue_ids = profile.queue_ids.filter((id) => id !== queue.queue_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/queues/:queueId/agents', 'medium', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const agents = (state.queueAgents.get(queue.queue_id) ?? []).map((id) => {
      const agent = state.agents.get(id)!;
      return { user_id: agent.user_id, display_name: agent.display_name, email: agent.email };
    });
    return { body: paginate(agents, query(request), 'agents', 100) };
  });

  route('POST', '/contact_center/queues/:queueId/agents', 'medium', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['user_ids']);
    const ids = stringArrayField(body, 'user_ids', MAX_AGENTS_PER_REQUEST, true)!;
    if (ids.length === 0) throw invalidField('user_ids', 'Expected at least one id.');
    const members = state.queueAgents.get(queue.queue_id) ?? [];
    for (const id of ids) if (!state.agents.get(id)) throw notFound('Agent', id);
    const already = ids.filter((id) => members.includes(id));
    if (already.length > 0) throw new EmulatorError(409, 2001, `Agent already assigned to queue ${queue.queue_id}: ${already.join(', ')}.`);
    members.push(...new Set(ids));
    state.queueAgents.set(queue.queue_id, members);
    return { status: 201, body: { user_ids: ids } };
  });

  route('DELETE', '/contact_center/queues/:queueId/agents/:agentId', 'medium', (request, { state }) => {
    const { queueId, agentId } = params(request);
    const queue = findQueue(state, queueId);
    const members = state.queueAgents.get(queue.queue_id) ?? [];
    if (!members.includes(agentId)) throw notFound('Queue agent', agentId);
    state.queueAgents.set(queue.queue_id, members.filter((id) => id !== agentId));
    return { status: 204 };
  });
}
