import { conflict, notFound, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
import { CHANNELS, type EmulatorState } from '../state';
import { asBody, enumField, objectField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Flows in the summary's shapes (JSON definition in the body). Not yet on the official document, where flows are
 * imported as a multipart file and versioned: that is the next step of the move to the document.
 */
function find<T extends object>(table: { get(id: string): T | undefined }, what: string, id: string): T {
  const row = table.get(id);
  if (!row) throw notFound(what, id);
  return row;
}

function assertUnique(rows: Array<{ name: string }>, name: string, what: string, except?: { name: string }) {
  if (rows.some((row) => row.name === name && row !== except)) throw conflict(`${what} name already exists: ${name}.`);
}

export function registerFlowRoutes(route: ReturnType<typeof defineRoutes>) {
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
}
