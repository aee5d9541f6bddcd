import { identified } from '../lookup';
import { conflict, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import type { EmulatorState } from '../state';
import { asBody, booleanField, enumField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Entry points: the account's phone numbers and addresses (`/flows_entry_points`, per channel), and which reach
 * each flow (`/flows/{flowId}/entry_points`). An entry point reaches one flow at most: adding one that another flow
 * holds is a 409 naming that flow (the document does not say what Zoom does; refusing is the safe reading).
 */
const CHANNELS = ['voice', 'video', 'messaging', 'email'] as const;
const SOURCES = ['sms', 'web_chat', 'in_app_chat', 'team_chat', 'instagram', 'facebook_messenger', 'whatsapp', 'email_address'] as const;

/** The flow an entry point reaches, if any. */
export const holderOf = (state: EmulatorState, entryId: string) =>
  [...state.flowEntries.entries()].find(([, entries]) => entries.some((e) => e.entry_id === entryId))?.[0];

export function flowEntryView(state: EmulatorState, flowId: string) {
  return (state.flowEntries.get(flowId) ?? []).map((entry) => {
    const point = state.entryPoints.get(entry.entry_id);
    return {
      entry_id: entry.entry_id,
      ...(point?.entry_number ? { entry_number: point.entry_number } : {}),
      ...(point?.entry_email ? { entry_email: point.entry_email } : {}),
      entry_name: point?.entry_name,
      ...(point?.entry_number_type ? { entry_number_type: point.entry_number_type } : {}),
      ...(entry.entry_language ? { entry_language: entry.entry_language } : {}),
      ...(entry.customer_identity_source ? { customer_identity_source: entry.customer_identity_source } : {}),
    };
  });
}

export function registerEntryPointRoutes(route: ReturnType<typeof defineRoutes>) {
  const flowOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Flow',
      { id: (k: string) => state.flows.get(k), name: (k: string) => state.flows.all().find((f) => f.flow_name === k) },
      'flow_identifier_type',
      type,
      key,
    );

  route('GET', '/contact_center/flows_entry_points', 'medium', (request, { state }) => {
    const q = query(request);
    const channel = enumField({ channel: q.channel }, 'channel', CHANNELS, true)!;
    const source = q.channel_source === undefined ? undefined : enumField({ channel_source: q.channel_source }, 'channel_source', SOURCES);
    const rows = state.entryPoints.all().filter((point) => point.channel === channel && (source === undefined || point.channel_source === source));
    return { body: paginate(rows, q, 'entry_points', 300) };
  });
  route('GET', '/contact_center/flows/:flowId/entry_points', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, query(request).flow_identifier_type);
    const first = state.entryPoints.get((state.flowEntries.get(flow.flow_id) ?? [])[0]?.entry_id ?? '');
    return {
      body: {
        entry_points: flowEntryView(state, flow.flow_id),
        enable_detect_language: state.flowDetectLanguage.get(flow.flow_id) ?? false,
        channel: flow.channel,
        ...(first?.channel_source ? { channel_source: first.channel_source } : {}),
      },
    };
  });
  route('POST', '/contact_center/flows/:flowId/entry_points', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['entry_points', 'enable_detect_language']);
    const raw = body.entry_points ?? [];
    if (!Array.isArray(raw)) throw invalidField('entry_points', 'Expected an array.');
    const entries = state.flowEntries.get(flow.flow_id) ?? [];
    const added = raw.map((item, index) => {
      const entry = asBody(item);
      rejectUnknownFields(entry, ['entry_id', 'entry_language', 'customer_identity_source']);
      const id = stringField(entry, 'entry_id', { required: true, min: 1, max: 64 })!;
      const point = state.entryPoints.get(id);
      if (!point) throw notFound('Entry point', id);
      if (point.channel !== flow.channel)
        throw invalidField(`entry_points[${index}].entry_id`, `Entry point ${id} is a ${point.channel} entry point; flow ${flow.flow_id} is ${flow.channel}.`);
      const holder = holderOf(state, id);
      if (holder !== undefined && holder !== flow.flow_id) throw conflict(`Entry point ${id} is assigned to flow ${holder}; remove it there first.`);
      return {
        entry_id: id,
        ...(entry.entry_language !== undefined ? { entry_language: stringField(entry, 'entry_language', { max: 16 })! } : {}),
        ...(entry.customer_identity_source !== undefined
          ? { customer_identity_source: enumField(entry, 'customer_identity_source', ['from', 'reply_to'])! }
          : {}),
      };
    });
    const next = [...entries.filter((e) => !added.some((a) => a.entry_id === e.entry_id)), ...added];
    state.flowEntries.set(flow.flow_id, next);
    const detect = booleanField(body, 'enable_detect_language');
    if (detect !== undefined) state.flowDetectLanguage.set(flow.flow_id, detect);
    const first = state.entryPoints.get(next[0]?.entry_id ?? '');
    return {
      status: 201,
      body: {
        entry_points: added,
        channel: flow.channel,
        channel_source: first?.channel_source === 'email_address' ? 'email' : (first?.channel_source ?? 'api'),
        enable_detect_language: state.flowDetectLanguage.get(flow.flow_id) ?? false,
      },
    };
  });
  route('DELETE', '/contact_center/flows/:flowId/entry_points', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['entry_ids']);
    if (!Array.isArray(body.entry_ids) || body.entry_ids.some((id) => typeof id !== 'string'))
      throw invalidField('entry_ids', 'Expected an array of entry ids.');
    const gone = new Set(body.entry_ids as string[]);
    state.flowEntries.set(
      flow.flow_id,
      (state.flowEntries.get(flow.flow_id) ?? []).filter((e) => !gone.has(e.entry_id)),
    );
    return { status: 204 };
  });
}
