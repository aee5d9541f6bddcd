import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { endpoints, fillPath } from '../client/endpoints';
import { ZccApiError, isConflict, isNotFound } from '../client/errors';
import { UNKNOWN } from '../engine/normalize';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { oneOf, text, zoomId } from './fields';

/**
 * Which entry points (the account's phone numbers and addresses) reach one flow (`/flows/{flowId}/entry_points`),
 * exclusively: the flow is reached by exactly these. An entry point reaches one flow at most, so moving a number
 * from one flow to another in one `up` is a hand-over between two resources, done so that it is never on two flows
 * and unassigned no longer than the two calls take:
 * - the flow that takes it (its write sees ZCC refuse the number: another flow holds it) removes it from that flow
 *   and adds it to its own, back to back;
 * - the flow that gives it up does not remove it when a declaration of this run wants it elsewhere (`observe`
 *   records them at check, before any write): the taker moves it. The SDK fails a program that declares one entry
 *   point on two flows, so "wanted elsewhere" is never a tie.
 */
type Entry = { entry_id: string; entry_language?: string; customer_identity_source?: string };

/** entry id → the flow a declaration of this run wants it on. */
const wantedOn = new Map<string, string>();

async function entriesOf(client: ZccClient, flowId: string): Promise<{ entries: Entry[]; detect: boolean } | undefined> {
  try {
    const answer = await client.getAt(endpoints.flowEntryPoints, [flowId]);
    const entries = (answer.entry_points ?? []).map((entry) => ({
      entry_id: entry.entry_id,
      ...(entry.entry_language ? { entry_language: entry.entry_language } : {}),
      ...(entry.customer_identity_source ? { customer_identity_source: entry.customer_identity_source } : {}),
    }));
    return { entries, detect: answer.enable_detect_language ?? false };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

const post = (client: ZccClient, flowId: string, body: Props) =>
  client.http.request('POST', fillPath(endpoints.flowEntryPoints.path, [flowId]), {
    category: endpoints.flowEntryPoints.categories.create,
    body,
    idempotent: true,
    objectKey: `/contact_center/flows/${flowId}`,
  });
const drop = (client: ZccClient, flowId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve()
    : client.http.request<void>('DELETE', fillPath(endpoints.flowEntryPoints.path, [flowId]), {
        category: endpoints.flowEntryPoints.categories.delete,
        body: { entry_ids: ids },
        objectKey: `/contact_center/flows/${flowId}`,
      });

/** The flow that holds an entry point now, from the flow list (its items name their entry points). */
async function holderOf(client: ZccClient, entryId: string): Promise<string | undefined> {
  const flows = (await client.listOf(endpoints.flows)) as Array<{ flow_id: string; entry_points?: Array<{ entry_id?: string }> }>;
  return flows.find((flow) => (flow.entry_points ?? []).some((entry) => entry.entry_id === entryId))?.flow_id;
}

/** Adds one entry point; when another flow holds it, takes it from there first (two calls, back to back). */
async function take(client: ZccClient, flowId: string, entry: Entry): Promise<void> {
  try {
    await post(client, flowId, { entry_points: [entry] });
  } catch (error) {
    if (!isConflict(error)) throw error;
    const holder = await holderOf(client, entry.entry_id);
    if (!holder || holder === flowId) throw error;
    await drop(client, holder, [entry.entry_id]);
    await post(client, flowId, { entry_points: [entry] });
  }
}

async function reconcile(client: ZccClient, flowId: string, desired: Entry[], detect: boolean | undefined) {
  const current = await entriesOf(client, flowId);
  if (!current)
    throw new ZccApiError(`Flow ${flowId} does not exist, so its entry points cannot be set.`, {
      method: 'GET',
      path: fillPath(endpoints.flowEntryPoints.path, [flowId]),
      status: 404,
    });
  const wantedIds = new Set(desired.map((entry) => entry.entry_id));
  // Given up here; unless another declaration of this run takes it (and moves it itself).
  const release = current.entries
    .filter((entry) => !wantedIds.has(entry.entry_id) && (wantedOn.get(entry.entry_id) ?? flowId) === flowId)
    .map((entry) => entry.entry_id);
  await drop(client, flowId, release);
  for (const entry of desired) {
    const now = current.entries.find((held) => held.entry_id === entry.entry_id);
    if (!now || JSON.stringify(now) !== JSON.stringify(entry)) await take(client, flowId, entry);
  }
  if (detect !== undefined && detect !== current.detect) await post(client, flowId, { entry_points: [], enable_detect_language: detect });
}

const asEntries = (value: unknown) => (Array.isArray(value) ? (value as Entry[]) : []);

function flowEntryPointsStore(): ObjectStore {
  return {
    list: async () => [],
    create: async (client, body) => {
      await reconcile(client, String(body.flow_id), asEntries(body.entry_points), body.enable_detect_language as boolean | undefined);
      return {
        flow_id: body.flow_id,
        entry_points: asEntries(body.entry_points),
        ...(body.enable_detect_language !== undefined ? { enable_detect_language: body.enable_detect_language } : {}),
      };
    },
    get: async (client, flowId) => {
      const current = await entriesOf(client, flowId);
      return current && { flow_id: flowId, entry_points: current.entries, enable_detect_language: current.detect };
    },
    update: (client, flowId, _changed, full) => reconcile(client, flowId, asEntries(full.entry_points), full.enable_detect_language as boolean | undefined),
    remove: async (client, flowId, previous) => {
      const current = await entriesOf(client, flowId);
      if (!current) return;
      const declared = new Set(asEntries(previous.entry_points).map((entry) => entry.entry_id));
      await drop(
        client,
        flowId,
        current.entries.filter((entry) => declared.has(entry.entry_id) && (wantedOn.get(entry.entry_id) ?? flowId) === flowId).map((entry) => entry.entry_id),
      );
    },
  };
}

export const flowEntryPointsSpec = defineSpec<Props>()({
  kind: 'FlowEntryPoints',
  description:
    "The entry points (the account's phone numbers and addresses, see getEntryPoint) that reach one flow: exactly these. An entry point reaches one flow at most; moving one between flows in one `up` hands it over directly (never on two flows, unassigned only between the two calls).",
  endpoint: endpoints.flowEntryPoints,
  idField: 'flow_id',
  idOutput: 'flowId',
  inputSchema: z.strictObject({
    flowId: zoomId('Id of the flow (e.g. `ivr.flowId`). Changing it replaces the resource.'),
    entryPoints: z
      .array(
        z.strictObject({
          entryId: zoomId('The entry point (`entry_id`, e.g. from getEntryPoint({ number: "+16505550100" })).'),
          entryLanguage: text('Language callers on it hear (`entry_language`, e.g. `en-US`).', { max: 16 }).optional(),
          customerIdentitySource: oneOf(
            ['from', 'reply_to'],
            'Where the customer identity comes from (`customer_identity_source`, email entry points).',
          ).optional(),
        }),
        { error: 'expected a list of entry points' },
      )
      .max(500, { error: 'must list at most 500 entry points' })
      .refine((entries) => new Set(entries.map((entry) => entry.entryId)).size === entries.length, { error: 'must not list the same entry point twice' })
      .describe('The entry points that reach the flow; order does not matter.'),
    enableDetectLanguage: z.boolean({ error: 'expected true or false' }).describe("Detect the caller's language (`enable_detect_language`).").optional(),
  }),
  apiFields: { flowId: 'flow_id', entryPoints: 'entry_points', enableDetectLanguage: 'enable_detect_language' },
  setFields: ['entryPoints'],
  replaceOnChanges: ['flowId'],
  references: { flowId: 'Flow', 'entryPoints[].entryId': 'EntryPoint' },
  uniqueItems: { input: 'entryPoints', key: 'entryId' },
  observe: (inputs) => {
    const flowId = inputs.flowId;
    if (typeof flowId !== 'string' || flowId === UNKNOWN) return;
    for (const entry of asEntriesIn(inputs.entryPoints))
      if (typeof entry.entryId === 'string' && entry.entryId !== UNKNOWN) wantedOn.set(entry.entryId, flowId);
  },
  exportAs: { role: 'set', owner: 'Flow', members: 'entryPoints', nameSuffix: 'entry-points' },
  onePerProgram: 'flowId',
  example: `const mainLine = zcc.getEntryPoint({ channel: 'voice', number: '+16505550100' });
new zcc.FlowEntryPoints('ivr-numbers', { flowId: ivr.flowId, entryPoints: [{ entryId: mainLine.then((e) => e.entryId), entryLanguage: 'en-US' }] });`,
  store: flowEntryPointsStore(),
});

function asEntriesIn(value: unknown): Array<{ entryId?: unknown }> {
  return Array.isArray(value) ? (value as Array<{ entryId?: unknown }>) : [];
}

/** For tests, which run many "processes" in one. */
export function forgetWantedEntryPoints(): void {
  wantedOn.clear();
}
