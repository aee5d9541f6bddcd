import { conflict, notFound, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
import { CHANNELS, type EmulatorState } from '../state';
import { asBody, enumField, objectField, rejectUnknownFields, stringArrayField, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

function find<T extends object>(table: { get(id: string): T | undefined }, what: string, id: string): T {
  const row = table.get(id);
  if (!row) throw notFound(what, id);
  return row;
}

function assertUnique(rows: Array<{ name: string }>, name: string, what: string, except?: { name: string }) {
  if (rows.some((row) => row.name === name && row !== except)) throw conflict(`${what} name already exists: ${name}.`);
}

function checkQueues(state: EmulatorState, ids: string[]) {
  for (const id of ids) if (!state.queues.get(id)) throw notFound('Queue', id);
}

export function registerConfigRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/flows', 'medium', (request, { state }) => ({ body: paginate(state.flows.all(), query(request), 'flows', 100) }));
  route('POST', '/contact_center/flows', 'medium', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'channel', 'definition']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 128 })!;
    assertUnique(state.flows.all(), name, 'Flow');
    const at = now();
    const row = state.flows.insert({
      flow_id: state.flows.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      channel: enumField(body, 'channel', CHANNELS, true)!,
      definition: objectField(body, 'definition') ?? {},
      status: 'draft',
      version: 1,
      published_at: null,
      updated_at: at,
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/flows/:flowId', 'light', (request, { state }) => ({ body: find(state.flows, 'Flow', params(request).flowId) }));
  route('PATCH', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'definition']);
    const name = stringField(body, 'name', { min: 1, max: 128 });
    if (name !== undefined) {
      assertUnique(state.flows.all(), name, 'Flow', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    const definition = objectField(body, 'definition');
    if (definition !== undefined) {
      row.definition = definition;
      // Editing a published flow leaves a draft that must be published again.
      row.status = 'draft';
      row.version += 1;
    }
    row.updated_at = now();
    return { status: 204 };
  });
  route('PUT', '/contact_center/flows/:flowId/publish', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    if (Object.keys(row.definition).length === 0) throw new EmulatorError(400, 300, `Flow ${row.flow_id} has an empty definition and cannot be published.`);
    row.status = 'published';
    row.published_at = now();
    return { status: 204 };
  });
  route('DELETE', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    state.flows.delete(row.flow_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/routing_profiles', 'medium', (request, { state }) => ({ body: paginate(state.routingProfiles.all(), query(request), 'routing_profiles') }));
  route('POST', '/contact_center/routing_profiles', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'queue_ids']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 128 })!;
    assertUnique(state.routingProfiles.all(), name, 'Routing profile');
    const queueIds = stringArrayField(body, 'queue_ids', 50) ?? [];
    checkQueues(state, queueIds);
    const row = state.routingProfiles.insert({
      routing_profile_id: state.routingProfiles.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      queue_ids: [...new Set(queueIds)],
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/routing_profiles/:profileId', 'light', (request, { state }) => ({ body: find(state.routingProfiles, 'Routing profile', params(request).profileId) }));
  route('PATCH', '/contact_center/routing_profiles/:profileId', 'light', (request, { state, behaviour }) => {
    if (!behaviour.routingProfileWrites) throw new EmulatorError(405, 405, 'Method not allowed.');
    const row = find(state.routingProfiles, 'Routing profile', params(request).profileId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'queue_ids']);
    const name = stringField(body, 'name', { min: 1, max: 128 });
    if (name !== undefined) {
      assertUnique(state.routingProfiles.all(), name, 'Routing profile', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    const queueIds = stringArrayField(body, 'queue_ids', 50);
    if (queueIds !== undefined) {
      checkQueues(state, queueIds);
      row.queue_ids = [...new Set(queueIds)];
    }
    return { status: 204 };
  });
  route('DELETE', '/contact_center/routing_profiles/:profileId', 'light', (request, { state, behaviour }) => {
    if (!behaviour.routingProfileWrites) throw new EmulatorError(405, 405, 'Method not allowed.');
    const row = find(state.routingProfiles, 'Routing profile', params(request).profileId);
    state.routingProfiles.delete(row.routing_profile_id);
    return { status: 204 };
  });
}
