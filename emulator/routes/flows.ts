import { identified } from '../lookup';
import { conflict, notFound, invalidField } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import type { EmulatorState, FlowRow, FlowVersionRow } from '../state';
import { asBody, enumField, integerField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';
import { flowEntryView } from './entryPoints';

/**
 * Flows in the shapes of Zoom's OpenAPI document: imported as a multipart file (`import_mode` `new`, or `version`
 * to add a version to the flow of the same name and channel), versioned, exported version by version byte for
 * byte, published by version (replacing the published one). The file is Zoom Studio's JSON; the emulator reads
 * only its `studioType` for the channel. Zoom publishes no mapping beyond 0 = voice, so this one is ours:
 * 0 voice, 1 messaging, 2 video, 3 email, 4 work_item.
 */
export const STUDIO_CHANNELS: Record<number, string> = { 0: 'voice', 1: 'messaging', 2: 'video', 3: 'email', 4: 'work_item' };
const MAX_FLOW_FILE_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

function flowOf(state: EmulatorState, key: string, type: unknown): FlowRow {
  const finders = { id: (k: string) => state.flows.get(k), name: (k: string) => state.flows.all().find((f) => f.flow_name === k) };
  return identified('Flow', finders, 'flow_identifier_type', type, key);
}

function versionOf(flow: FlowRow, raw: unknown, field = 'flow_version'): FlowVersionRow {
  const number = Number(raw);
  if (raw === undefined || raw === '' || !Number.isInteger(number)) throw invalidField(field, 'Required: a version number of the flow.');
  const version = flow.versions.find((v) => v.flow_version === number);
  if (!version) throw notFound(`Version of flow ${flow.flow_id}`, String(number));
  return version;
}

/** The channel a flow file is for, from its `studioType`. */
function channelOf(file: UploadedFile): string {
  if (file.content.length > MAX_FLOW_FILE_BYTES) throw invalidField('flow_file', `The file is larger than ${MAX_FLOW_FILE_BYTES} bytes.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.content.toString('utf8'));
  } catch {
    throw invalidField('flow_file', 'Expected a flow exported from Zoom Contact Center (JSON).');
  }
  const studioType = (parsed as { studioType?: unknown } | null)?.studioType;
  const channel = typeof studioType === 'number' ? STUDIO_CHANNELS[studioType] : undefined;
  if (!channel) throw invalidField('flow_file', `studioType must be one of ${Object.keys(STUDIO_CHANNELS).join(', ')}; got ${JSON.stringify(studioType)}.`);
  return channel;
}

export function flowView(flow: FlowRow, state?: EmulatorState): Record<string, unknown> {
  return {
    flow_id: flow.flow_id,
    flow_name: flow.flow_name,
    flow_description: flow.flow_description,
    channel: flow.channel,
    status: flow.versions.some((v) => v.flow_version_status === 'published') ? 'published' : 'draft',
    modified_by: flow.modified_by,
    last_modified_time: flow.last_modified_time,
    entry_points: state
      ? flowEntryView(state, flow.flow_id).map((entry) => ({
          entry_id: entry.entry_id,
          entry_name: entry.entry_name,
          ...(entry.entry_number ? { entry_number: entry.entry_number } : {}),
          ...(entry.entry_email ? { email_address: entry.entry_email } : {}),
          ...(entry.entry_language ? { entry_language: entry.entry_language } : {}),
        }))
      : [],
    flow_versions: flow.versions.map(({ file: _file, ...version }) => version),
  };
}

function touch(flow: FlowRow) {
  flow.modified_by = 'api';
  flow.last_modified_time = now();
}

export function registerFlowRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/flows', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.flows.all().map((flow) => flowView(flow, state));
    if (q.status !== undefined) rows = rows.filter((f) => f.status === enumField({ status: q.status }, 'status', ['draft', 'published', 'archived']));
    if (q.channel !== undefined)
      rows = rows.filter((f) => f.channel === enumField({ channel: q.channel }, 'channel', ['voice', 'video', 'messaging', 'email', 'work_item']));
    return { body: paginate(rows, q, 'flows', 100) };
  });

  route('POST', '/contact_center/flows', 'medium', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['flow_name', 'flow_description', 'flow_version_description', 'flow_file', 'import_mode']);
    const name = stringField(body, 'flow_name', { required: true, min: 1, max: 128 })!;
    const mode = enumField(body, 'import_mode', ['new', 'version'], true)!;
    const file = body.flow_file as UploadedFile | undefined;
    if (!file || !Buffer.isBuffer(file.content))
      throw invalidField('flow_file', 'This field is required: the flow file, as a file part of multipart/form-data.');
    const channel = channelOf(file);
    const description = stringField(body, 'flow_description', { max: 256 });
    const versionDescription = stringField(body, 'flow_version_description', { max: 256 }) ?? '';
    const at = now();
    const version = (number: number): FlowVersionRow => ({
      flow_version_id: `${name.length}v${number}_${state.flows.nextId().slice(0, 8)}`,
      flow_version_description: versionDescription,
      flow_version_status: 'draft',
      flow_version: number,
      flow_version_modified_by: 'api',
      flow_version_last_modified_time: at,
      file: Buffer.from(file.content),
    });
    if (mode === 'new') {
      if (state.flows.all().some((f) => f.flow_name === name))
        throw conflict(`Flow name already exists: ${name}. Import with import_mode=version to add a version.`);
      const flow = state.flows.insert({
        flow_id: state.flows.nextId(),
        flow_name: name,
        flow_description: description ?? '',
        channel,
        modified_by: 'api',
        last_modified_time: at,
        versions: [version(1)],
      });
      return { status: 201, body: flowView(flow) };
    }
    const flow = state.flows.all().find((f) => f.flow_name === name && f.channel === channel);
    if (!flow) throw notFound(`Flow named ${name} on channel ${channel}`, name);
    flow.versions.push(version(Math.max(...flow.versions.map((v) => v.flow_version)) + 1));
    if (description !== undefined) flow.flow_description = description;
    touch(flow);
    return { status: 201, body: flowView(flow) };
  });

  route('GET', '/contact_center/flows/:flowId', 'light', (request, { state }) => ({
    body: flowView(flowOf(state, params(request).flowId, query(request).flow_identifier_type), state),
  }));

  route('PATCH', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['flow_name', 'flow_description', 'flow_version_description', 'flow_version']);
    const version = versionOf(flow, integerField(body, 'flow_version', 1, 1_000_000, true));
    const name = stringField(body, 'flow_name', { min: 1, max: 128 });
    if (name !== undefined && state.flows.all().some((f) => f.flow_name === name && f !== flow)) throw conflict(`Flow name already exists: ${name}.`);
    if (name !== undefined) flow.flow_name = name;
    const description = stringField(body, 'flow_description', { max: 256 });
    if (description !== undefined) flow.flow_description = description;
    const versionDescription = stringField(body, 'flow_version_description', { max: 256 });
    if (versionDescription !== undefined) version.flow_version_description = versionDescription;
    touch(flow);
    return { status: 204 };
  });

  // The exported file is answered as it was imported, byte for byte.
  route('GET', '/contact_center/flows/:flowId/export', 'light', (request, { state }) => {
    const q = query(request);
    const flow = flowOf(state, params(request).flowId, q.flow_identifier_type);
    return { body: versionOf(flow, q.flow_version).file, contentType: 'application/json' };
  });

  route('PUT', '/contact_center/flows/:flowId/publish', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, 'id');
    const q = query(request);
    const version = q.flow_version === undefined ? flow.versions[flow.versions.length - 1] : versionOf(flow, q.flow_version);
    // Publishing a version replaces the published one.
    for (const other of flow.versions) if (other.flow_version_status === 'published') other.flow_version_status = 'archived';
    version.flow_version_status = 'published';
    touch(flow);
    return { status: 204 };
  });

  route('DELETE', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const flow = flowOf(state, params(request).flowId, 'id');
    state.flows.delete(flow.flow_id);
    // Its entry points are free again.
    state.flowEntries.delete(flow.flow_id);
    return { status: 204 };
  });
}
