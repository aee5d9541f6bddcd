import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { endpoints, fillPath, type Collection, LIGHT_WRITES } from '../client/endpoints';
import { ZccApiError, isConflict, isNotFound } from '../client/errors';
import { UNKNOWN } from '../engine/compare';
import { adoptedThisRun, stackDeclares } from '../engine/preexisting';
import { currentRun } from '../engine/run';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { oneOf, text, zoomId } from './fields';

/** An entry point as a flow lists it (GET /flows/{flowId}/entry_points) or the account lists them (per channel). */
export const entryPointSchema = z.object({
  entry_id: z.string(),
  entry_number: z.string().optional(),
  entry_email: z.string().optional(),
  entry_name: z.string().optional(),
  entry_number_type: z.number().optional(),
  entry_number_country_code: z.string().optional(),
  entry_number_area_code: z.string().optional(),
  entry_language: z.string().optional(),
  customer_identity_source: z.enum(['from', 'reply_to']).optional(),
  channel: z.string().optional(),
  channel_source: z.string().optional(),
});
export type ZccEntryPoint = z.infer<typeof entryPointSchema>;

/** GET /flows/{flowId}/entry_points: one answer, not paged. */
export const flowEntryPointsSchema = z.object({
  entry_points: z.array(entryPointSchema).optional(),
  enable_detect_language: z.boolean().optional(),
  channel: z.string().optional(),
  channel_source: z.string().optional(),
});

// One object per flow, at the path itself: which entry points reach it.
export const flowEntryPointsEndpoint: Collection<z.infer<typeof flowEntryPointsSchema>> = {
  path: '/contact_center/flows/{flowId}/entry_points',
  objectId: '',
  listKey: 'entry_points',
  item: flowEntryPointsSchema,
  maxPageSize: 0,
  categories: LIGHT_WRITES,
};
/** The account's entry points, listed per channel (`channel` is required). */
export const accountEntryPointsEndpoint: Collection<z.infer<typeof entryPointSchema>> = {
  path: '/contact_center/flows_entry_points',
  objectId: 'entryId',
  listKey: 'entry_points',
  item: entryPointSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

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

/**
 * What this run's FlowEntryPoints declarations say (recorded at check, run.ts): `wantedOn`, entry id → the flow a
 * declaration wants it on; `consentOf`, flow id → the flows outside the stack its declaration may take entry points
 * from (`takeFrom`); `managedFlows`, flows whose entry points a declaration manages; `flowWaiters`, what waits for a
 * flow's declaration to be checked; `flowList`, the one flow listing checks share.
 */
const entryRun = () =>
  currentRun().part('flowEntryPoints', () => ({
    wantedOn: new Map<string, string>(),
    consentOf: new Map<string, string[]>(),
    managedFlows: new Set<string>(),
    flowWaiters: new Map<string, Array<() => void>>(),
    flowList: undefined as Promise<unknown[]> | undefined,
  }));

/**
 * How long a take-over waits for the holding flow's own declaration to be checked: Pulumi checks the program's
 * resources as it registers them, so a giver in the same program is seen within moments; past this, the holder is
 * taken to be outside the stack. 10 s: on a loaded 2-core CI machine a giver's check was seen to come more than 2 s
 * after the taker's, which refused a handover inside one stack; the wait only ever delays a refusal.
 */
const HOLDER_GRACE_MS = 10_000;

function markManaged(flowId: string): void {
  entryRun().managedFlows.add(flowId);
  for (const resolve of entryRun().flowWaiters.get(flowId) ?? []) resolve();
  entryRun().flowWaiters.delete(flowId);
}

/**
 * A flow whose entry points this run declares, or a Flow of this stack (declared: Pulumi diffed or created it, or
 * adopted): its numbers are the stack's. A Flow the program declares is diffed before the FlowEntryPoints that name
 * it register, so a handover between two of the stack's flows never depends on the order Pulumi checks them in.
 */
const isManaged = (flowId: string) => entryRun().managedFlows.has(flowId) || adoptedThisRun('Flow', flowId) || stackDeclares('Flow', flowId);

function managedByThisRun(flowId: string): Promise<boolean> {
  if (isManaged(flowId)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(isManaged(flowId)), HOLDER_GRACE_MS);
    timer.unref?.();
    const waiting = entryRun().flowWaiters.get(flowId) ?? [];
    waiting.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
    entryRun().flowWaiters.set(flowId, waiting);
  });
}

type Holder = { flowId: string; name: string; entry: string };

/**
 * The flows (other than `flowId`) that hold the given entry points, from the flow list (its items name their entry
 * points), with readable names. Checks share one listing per run: a preview writes nothing, and in an up the
 * holders that matter are outside the run. A write asks for a `fresh` one: it acts on what holds the number now.
 */
async function holdersOf(client: ZccClient, flowId: string, entryIds: string[], fresh = false): Promise<Holder[]> {
  if (entryIds.length === 0) return [];
  let listing: Promise<unknown[]>;
  if (fresh) listing = client.listOf(endpoints.flows);
  else {
    entryRun().flowList ??= client.listOf(endpoints.flows);
    entryRun().flowList!.catch(() => (entryRun().flowList = undefined));
    listing = entryRun().flowList!;
  }
  const flows = (await listing) as Array<{
    flow_id: string;
    flow_name?: string;
    entry_points?: Array<{ entry_id?: string; entry_name?: string; entry_number?: string }>;
  }>;
  const holders: Holder[] = [];
  for (const flow of flows) {
    if (flow.flow_id === flowId) continue;
    for (const entry of flow.entry_points ?? [])
      if (entry.entry_id && entryIds.includes(entry.entry_id))
        holders.push({ flowId: flow.flow_id, name: flow.flow_name ?? flow.flow_id, entry: entry.entry_number ?? entry.entry_name ?? entry.entry_id });
  }
  return holders;
}

/**
 * Entry points this declaration would take from flows outside the stack: refused without `takeFrom` naming the
 * holder (consent), warned with it. Reads only, so the preview says it before anything is written.
 */
async function takeovers(client: ZccClient, inputs: Props): Promise<{ refused: Holder[]; consented: Holder[] }> {
  const flowId = String(inputs.flowId);
  const ids = asEntriesIn(inputs.entryPoints)
    .map((entry) => entry.entryId)
    .filter((id): id is string => typeof id === 'string' && id !== UNKNOWN);
  const allowed = new Set(Array.isArray(inputs.takeFrom) ? (inputs.takeFrom as string[]) : []);
  // A consent not known before `up` (takeFrom from another resource's output) is not a refusal: it is warned.
  const consentUnknown = inputs.takeFrom === UNKNOWN || allowed.has(UNKNOWN);
  const refused: Holder[] = [];
  const consented: Holder[] = [];
  for (const holder of await holdersOf(client, flowId, ids)) {
    if (allowed.has(holder.flowId) || consentUnknown) consented.push(holder);
    else if (!(await managedByThisRun(holder.flowId))) refused.push(holder);
  }
  return { refused, consented };
}

const describeHolders = (holders: Holder[]) => holders.map((h) => `${h.entry} from flow ${JSON.stringify(h.name)} (${h.flowId})`).join(', ');

async function entriesOf(client: ZccClient, flowId: string): Promise<{ entries: Entry[]; detect: boolean } | undefined> {
  try {
    const answer = await client.getAt(flowEntryPointsEndpoint, [flowId]);
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
  client.http.request('POST', fillPath(flowEntryPointsEndpoint.path, [flowId]), {
    category: flowEntryPointsEndpoint.categories.create,
    body,
    idempotent: true,
    objectKey: `/contact_center/flows/${flowId}`,
  });
const drop = (client: ZccClient, flowId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve()
    : client.http.request<void>('DELETE', fillPath(flowEntryPointsEndpoint.path, [flowId]), {
        category: flowEntryPointsEndpoint.categories.delete,
        body: { entry_ids: ids },
        objectKey: `/contact_center/flows/${flowId}`,
      });

/**
 * Adds one entry point; when another flow holds it, takes it from there first (two calls, back to back), only
 * from a flow this run manages or one `takeFrom` names. If the add then fails, the entry point goes back to the
 * flow that held it, so a failed hand-over never leaves a number on no flow.
 */
async function take(client: ZccClient, flowId: string, entry: Entry, takeFrom: readonly string[]): Promise<void> {
  try {
    await post(client, flowId, { entry_points: [entry] });
  } catch (error) {
    if (!isConflict(error)) throw error;
    const holder = (await holdersOf(client, flowId, [entry.entry_id], true))[0]?.flowId;
    if (!holder) throw error;
    if (!takeFrom.includes(holder) && !(await managedByThisRun(holder)))
      throw new Error(
        `Entry point ${entry.entry_id} is on flow ${holder}, which this stack does not manage, so flow ${flowId} did not take it. To move it, add ${JSON.stringify(holder)} to takeFrom.`,
      );
    await drop(client, holder, [entry.entry_id]);
    try {
      await post(client, flowId, { entry_points: [entry] });
    } catch (failed) {
      await post(client, holder, { entry_points: [{ entry_id: entry.entry_id }] }).catch(() => undefined);
      throw failed;
    }
  }
}

async function reconcile(client: ZccClient, flowId: string, desired: Entry[], detect: boolean | undefined) {
  const takeFrom = entryRun().consentOf.get(flowId) ?? [];
  const current = await entriesOf(client, flowId);
  if (!current)
    throw new ZccApiError(`Flow ${flowId} does not exist, so its entry points cannot be set.`, {
      method: 'GET',
      path: fillPath(flowEntryPointsEndpoint.path, [flowId]),
      status: 404,
    });
  const wantedIds = new Set(desired.map((entry) => entry.entry_id));
  // Given up here; unless another declaration of this run takes it (and moves it itself).
  const release = current.entries
    .filter((entry) => !wantedIds.has(entry.entry_id) && (entryRun().wantedOn.get(entry.entry_id) ?? flowId) === flowId)
    .map((entry) => entry.entry_id);
  await drop(client, flowId, release);
  for (const entry of desired) {
    const now = current.entries.find((held) => held.entry_id === entry.entry_id);
    if (!now || JSON.stringify(now) !== JSON.stringify(entry)) await take(client, flowId, entry, takeFrom);
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
        current.entries
          .filter((entry) => declared.has(entry.entry_id) && (entryRun().wantedOn.get(entry.entry_id) ?? flowId) === flowId)
          .map((entry) => entry.entry_id),
      );
    },
  };
}

export const flowEntryPointsSpec = defineSpec<Props>()({
  kind: 'FlowEntryPoints',
  description:
    "The entry points (the account's phone numbers and addresses, see getEntryPoint) that reach one flow: exactly these. An entry point reaches one flow at most; moving one between flows in one `up` hands it over directly (never on two flows, unassigned only between the two calls).",
  endpoint: flowEntryPointsEndpoint,
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
    takeFrom: z
      .array(zoomId('A flow id.'), { error: 'expected a list of flow ids' })
      .max(100, { error: 'must list at most 100 flows' })
      .describe(
        'Flows outside this stack that this resource may take its entry points from (consent). Without it, an entry point held by a flow the program does not manage fails the preview, naming that flow; with it, the preview warns which number it takes from where. Moves between two flows of the program need none. Not sent to ZCC.',
      )
      .optional(),
  }),
  apiFields: { flowId: 'flow_id', entryPoints: 'entry_points', enableDetectLanguage: 'enable_detect_language' },
  setFields: ['entryPoints'],
  replaceOnChanges: ['flowId'],
  references: { flowId: 'Flow', 'entryPoints[].entryId': 'EntryPoint' },
  uniqueItems: { input: 'entryPoints', key: 'entryId' },
  observe: (inputs, previous) => {
    // The flow this resource held before is the stack's too (while its new flow id is unknown: a replaced flow).
    if (typeof previous.flowId === 'string') markManaged(previous.flowId);
    const flowId = inputs.flowId;
    if (typeof flowId !== 'string' || flowId === UNKNOWN) return;
    if (Array.isArray(inputs.takeFrom))
      entryRun().consentOf.set(
        flowId,
        (inputs.takeFrom as unknown[]).filter((id): id is string => typeof id === 'string'),
      );
    // Waiters resume after this returns (promise callbacks), so they see the consent and entries recorded below.
    markManaged(flowId);
    for (const entry of asEntriesIn(inputs.entryPoints))
      if (typeof entry.entryId === 'string' && entry.entryId !== UNKNOWN) entryRun().wantedOn.set(entry.entryId, flowId);
  },
  checkEffects: async (client, inputs) => {
    const { refused, consented } = await takeovers(client, inputs);
    return {
      failures: refused.length
        ? [
            [
              'entryPoints',
              `would take ${describeHolders(refused)}: that flow is not managed by this stack. To take it, add ${refused.map((h) => JSON.stringify(h.flowId)).join(', ')} to takeFrom; or leave it where it is.`,
            ],
          ]
        : [],
      warnings: consented.length
        ? [
            `FlowEntryPoints on ${inputs.flowId === UNKNOWN ? 'a flow this run creates' : `flow ${String(inputs.flowId)}`} takes ${describeHolders(consented)} (takeFrom): that flow loses it.`,
          ]
        : [],
    };
  },
  exportAs: { role: 'set', owner: 'Flow', members: 'entryPoints', nameSuffix: 'entry-points' },
  onDelete: (inputs) => {
    const ids = asEntriesIn(inputs.entryPoints).map((entry) =>
      typeof entry.entryId === 'string' && entry.entryId !== UNKNOWN ? entry.entryId : 'one known after up',
    );
    return ids.length > 0 ? `leaves entry points ${ids.join(', ')} reaching no flow, unless a FlowEntryPoints of the same run takes them` : undefined;
  },
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
  currentRun().forget('flowEntryPoints');
}
