import { z } from 'zod';
import type { ZccClient } from '../client/client';
import type { ZccFlow } from '../client/schemas';
import { STAMP_OUTPUT, defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { endpoints } from '../client/endpoints';
import { isAmbiguous, unlessNotFound } from '../client/errors';
import { sameValue } from '../engine/compare';
import { text } from './fields';
import { plainJsonProblem } from './plainJson';

/**
 * A flow: Zoom Studio's JSON file, imported (`POST /flows`, multipart) and versioned. The definition lives only
 * in the versions' exports, so a read exports the version that counts (the published one when the flow is kept
 * published, else the latest) and compares it canonically. A changed definition is imported as a new version
 * (`import_mode=version`) and published when `publish` is set; name and description are a PATCH that names the
 * latest version. The channel comes from the file's `studioType`; Zoom publishes 0 = voice only, and this package
 * (and its emulator) read 1 messaging, 2 video, 3 email, 4 work_item.
 */
export const STUDIO_TYPES: Record<number, string> = { 0: 'voice', 1: 'messaging', 2: 'video', 3: 'email', 4: 'work_item' };

/** The flow's latest version number, 0 when it has none. */
export const latestVersion = (flow: ZccFlow) => Math.max(0, ...(flow.flow_versions ?? []).map((v) => v.flow_version));
/** The version number that is published, if one is. */
export const publishedVersion = (flow: ZccFlow) => (flow.flow_versions ?? []).find((v) => v.flow_version_status === 'published')?.flow_version;

/** The flow in API shape, with the definition of the version that counts. */
async function withDefinition(client: ZccClient, flow: ZccFlow, preferPublished: boolean): Promise<Props> {
  const published = publishedVersion(flow);
  const latest = latestVersion(flow);
  const version = preferPublished && published !== undefined ? published : latest;
  const definition = version > 0 ? await client.exportFlow(flow.flow_id, version) : undefined;
  return { ...flow, definition, published_version: published, latest_version: latest };
}

/**
 * Imports the declared definition as a new version. An import is a POST that adds a version: sent again after its
 * answer was lost it would add a second one. After an ambiguous failure the flow is read again: a version newer than
 * `before` that holds the definition is the lost import's, and nothing is re-sent; otherwise it is sent once more.
 */
async function importVersionOnce(client: ZccClient, id: string, before: number, full: Props): Promise<void> {
  const send = () => client.importFlow({ flow_name: String(full.flow_name), import_mode: 'version' }, JSON.stringify(full.definition));
  try {
    await send();
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    const now = await client.getOne(endpoints.flows, [id]);
    const latest = latestVersion(now);
    if (latest > before && sameValue(await client.exportFlow(id, latest), full.definition)) return;
    await send();
  }
}

const flowStore: ObjectStore = {
  list: (client) => client.listOf(endpoints.flows) as Promise<Props[]>,
  create: async (client, body) => {
    const flow = await client.importFlow(
      { flow_name: String(body.flow_name), flow_description: body.flow_description as string | undefined, import_mode: 'new' },
      JSON.stringify(body.definition),
    );
    return { ...flow, definition: body.definition, published_version: publishedVersion(flow), latest_version: latestVersion(flow) };
  },
  get: async (client, id, previous) => {
    const flow = await unlessNotFound(() => client.getOne(endpoints.flows, [id]));
    return flow && withDefinition(client, flow, previous?.publish === true);
  },
  update: async (client, id, changed, full) => {
    const flow = await client.getOne(endpoints.flows, [id]);
    if (changed.flow_name !== undefined || changed.flow_description !== undefined) {
      await client.updateOne(endpoints.flows, [id], {
        flow_name: changed.flow_name as string | undefined,
        flow_description: changed.flow_description as string | undefined,
        flow_version: latestVersion(flow),
      });
    }
    // A new version goes to the flow of the same name and channel: after any rename above.
    if (changed.definition !== undefined) await importVersionOnce(client, id, latestVersion(flow), full);
  },
  remove: async (client, id) => {
    await unlessNotFound(() => client.deleteOne(endpoints.flows, [id]));
  },
};

export const flowSpec = defineSpec<Props>()({
  kind: 'Flow',
  description:
    "A flow (IVR, chat bot, …): Zoom Studio's exported JSON, imported and versioned. A changed definition is imported as a new version, published when `publish` is set. The channel comes from the file's `studioType` (0 voice, 1 messaging, 2 video, 3 email, 4 work_item); changing it replaces the flow.",
  endpoint: endpoints.flows,
  idField: 'flow_id',
  idOutput: 'flowId',
  inputSchema: z.strictObject({
    name: text('Flow name, unique in the account (1-128 characters). Renaming updates in place.', { min: 1, max: 128 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    // Validated on the raw value: parsing into a record would already have turned a `__proto__` key into a prototype.
    definition: z
      .unknown()
      .superRefine((value, ctx) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          ctx.addIssue({ code: 'custom', message: 'expected a JSON object (the flow file as exported from Zoom, see readFlowFile)' });
          return;
        }
        const problem = plainJsonProblem(value, 'definition');
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
        else if (
          !(Number((value as { studioType?: unknown }).studioType) in STUDIO_TYPES) ||
          typeof (value as { studioType?: unknown }).studioType !== 'number'
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `definition.studioType must be one of ${Object.keys(STUDIO_TYPES).join(', ')} (${Object.values(STUDIO_TYPES).join(', ')}), as in a file exported from Zoom`,
          });
        }
      })
      .describe(
        "The flow file's JSON (Zoom Studio's export), as an object or from `zcc.readFlowFile(path)`; compared canonically, so key order and whitespace never cause a diff.",
      ),
    publish: z
      .boolean({ error: 'expected true or false' })
      .describe('Publish every new version of the definition. Defaults to false (new versions stay drafts).')
      .optional(),
  }),
  apiFields: { name: 'flow_name', description: 'flow_description', definition: 'definition' },
  serverDefaults: { description: '', publish: false },
  // A flow is exported as its published version (and `publish: true`), or as its latest draft; its definition
  // goes to flows/<name>.json.
  exportAs: { role: 'object', readHint: { publish: true }, fileInput: { input: 'definition', dir: 'flows' } },
  lookup: {
    returns: {
      flowId: { from: 'flow_id', type: 'string', required: true, description: 'The flow id.' },
      name: { from: 'flow_name', type: 'string', required: true, description: 'The name.' },
      channel: { from: 'channel', type: 'string', description: 'The channel.' },
      status: { from: 'status', type: 'string', description: '`draft` or `published`.' },
      publishedVersion: { from: (flow) => publishedVersion(flow as ZccFlow), type: 'number', description: 'The published version, if any.' },
      latestVersion: { from: (flow) => latestVersion(flow as ZccFlow) || undefined, type: 'number', description: 'The latest version.' },
    },
  },
  replaceIf: (previous, next) => {
    const type = (value: unknown) => (value as { studioType?: unknown } | undefined)?.studioType;
    return previous.definition !== undefined && next.definition !== undefined && type(previous.definition) !== type(next.definition) ? ['definition'] : [];
  },
  uniqueName: true,
  naturalKey: ['name'],
  // `publish: false` means "leave it as a draft or as it is"; only a declared `true` can drift: it holds while a
  // version is published, and the definition read is then the published version's (a console draft on top of it
  // is not what callers get, so it is not drift).
  derivedInputs: (server, declared) => ({ publish: declared?.publish === true ? server.published_version !== undefined : (declared?.publish ?? false) }),
  computedOutputs: (server) => ({
    status: server.status,
    channel: server.channel,
    publishedVersion: server.published_version,
    latestVersion: server.latest_version,
    lastModifiedTime: server.last_modified_time,
  }),
  // The flow list shows the flow's modification time and its versions: the definition read is the same while
  // neither moved.
  listUnchanged: (item, recorded) =>
    typeof item.last_modified_time === 'string' &&
    item.last_modified_time === recorded[STAMP_OUTPUT] &&
    latestVersion(item as ZccFlow) === recorded.latestVersion &&
    publishedVersion(item as ZccFlow) === recorded.publishedVersion,
  outputs: {
    flowId: { description: 'The flow id ZCC assigned.' },
    status: { description: '`draft` or `published`.' },
    channel: { description: "The flow's channel, from the file's studioType." },
    publishedVersion: { description: 'The published version, if any.', type: 'number' },
    latestVersion: { description: 'The latest imported version; each definition change adds one.', type: 'number' },
    lastModifiedTime: { description: 'When the flow was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `const ivr = new zcc.Flow('main-ivr', {
  name: 'Main IVR',
  publish: true,
  definition: zcc.readFlowFile('flows/main-ivr.json'), // or the exported JSON as an object
});`,
  store: flowStore,
  // Publishes the new version when asked, and reports the versions as they now are (an update answers 204). Only a
  // version that is not published yet and holds the declaration is published: an adopted or promoted flow whose
  // latest version already is the declared, published one makes no write, and a console draft is never published.
  afterWrite: async (client, id, inputs, previous) => {
    const flow = await client.getOne(endpoints.flows, [id]);
    const latest = latestVersion(flow);
    const changed = !previous || previous.publish !== true || !sameValue(previous.definition, inputs.definition);
    const due = inputs.publish === true && changed && publishedVersion(flow) !== latest && latest > 0;
    if (due && sameValue(await client.exportFlow(id, latest), inputs.definition)) {
      await client.publishFlow(id, latest);
      // Publishing moves the modification time: read it, so the next refresh can trust the recorded one.
      const published = await client.getOne(endpoints.flows, [id]);
      return { status: 'published', publish: true, publishedVersion: latest, latestVersion: latest, lastModifiedTime: published.last_modified_time };
    }
    return { status: flow.status, publishedVersion: publishedVersion(flow), latestVersion: latest, lastModifiedTime: flow.last_modified_time };
  },
});
