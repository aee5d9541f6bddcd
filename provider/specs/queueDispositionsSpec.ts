import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { endpoints, fillPath, type Collection } from '../client/endpoints';
import { ZccApiError, isConflict, isNotFound } from '../client/errors';
import { createdInThisProcess } from '../engine/listings';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { oneOf, zoomId } from './fields';
import { emptyExclusiveCheck, isExclusive, ownershipInputs, removalWarning } from './ownership';

/**
 * The dispositions and disposition sets one queue offers its agents, for one direction (`assign_type`): a set with
 * the same ownership as QueueMembers. `exclusive` (default) makes the queue offer exactly these, removing the others
 * of that direction; `additive` adds these and only ever removes what it added.
 */
type Assign = 'inbound' | 'outbound';
const LISTS: ReadonlyArray<{ field: string; collection: Collection; id: string }> = [
  { field: 'disposition_ids', collection: endpoints.queueDispositions, id: 'disposition_id' },
  { field: 'disposition_set_ids', collection: endpoints.queueDispositionSets, id: 'disposition_set_id' },
];

const asIds = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
const assignOf = (props: Props | undefined): Assign => (props?.assign_type === 'outbound' ? 'outbound' : 'inbound');

/** What the queue offers in `assign` now, per list; undefined when the queue does not exist. */
async function offered(client: ZccClient, queueId: string, assign: Assign): Promise<Record<string, string[]> | undefined> {
  const out: Record<string, string[]> = {};
  for (const list of LISTS) {
    try {
      const items = (await client.listOf(list.collection, [queueId], { assign_type: assign })) as Props[];
      out[list.field] = items.filter((item) => (item.assign_type ?? 'inbound') === assign).map((item) => String(item[list.id]));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
  return out;
}

async function reconcile(client: ZccClient, queueId: string, assign: Assign, desired: Props, mode: string, previous: Props, known?: Record<string, string[]>) {
  const current = known ?? (await offered(client, queueId, assign));
  if (!current)
    throw new ZccApiError(`Queue ${queueId} does not exist, so its dispositions cannot be set.`, {
      method: 'GET',
      path: fillPath(endpoints.queueDispositions.path, [queueId]),
      status: 404,
    });
  for (const list of LISTS) {
    const want = asIds(desired[list.field]);
    const have = current[list.field] ?? [];
    const add = want.filter((id) => !have.includes(id));
    if (add.length > 0) {
      try {
        await client.addTo(list.collection, [queueId], { [list.field]: add, assign_type: assign });
      } catch (error) {
        // 409: one of them is offered already (a console edit, a lost answer): add the rest one by one.
        if (!isConflict(error)) throw error;
        for (const id of add)
          await client.addTo(list.collection, [queueId], { [list.field]: [id], assign_type: assign }).catch((again) => {
            if (!isConflict(again)) throw again;
          });
      }
    }
    const candidates = mode === 'exclusive' ? have : asIds(previous[list.field]);
    for (const id of candidates.filter((id) => !want.includes(id) && have.includes(id)))
      await client.deleteOne(list.collection, [queueId, id], { assign_type: assign }).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
  }
}

function queueDispositionsStore(): ObjectStore {
  return {
    list: async () => [],
    create: async (client, body) => {
      const queueId = String(body.queue_id);
      // A queue this process just created offers nothing yet: no read needed.
      const known = createdInThisProcess('Queue', queueId) ? { disposition_ids: [], disposition_set_ids: [] } : undefined;
      await reconcile(client, queueId, assignOf(body), body, String(body.mode ?? 'exclusive'), {}, known);
      return { ...body, queue_id: queueId };
    },
    get: async (client, queueId, previous) => {
      const assign = assignOf(previous);
      const current = await offered(client, queueId, assign);
      if (!current) return undefined;
      const mode = previous?.mode ?? 'exclusive';
      // Additive mode answers for what it declared only; exclusive mode owns the whole direction.
      const view = (field: string) => (mode === 'exclusive' ? current[field] : asIds(previous?.[field]).filter((id) => current[field].includes(id)));
      return { queue_id: queueId, assign_type: assign, mode, disposition_ids: view('disposition_ids'), disposition_set_ids: view('disposition_set_ids') };
    },
    update: async (client, queueId, _changed, full, previous) => reconcile(client, queueId, assignOf(full), full, String(full.mode ?? 'exclusive'), previous),
    remove: async (client, queueId, previous) => {
      const assign = assignOf(previous);
      const current = await offered(client, queueId, assign);
      if (!current) return;
      for (const list of LISTS)
        for (const id of asIds(previous[list.field]).filter((id) => current[list.field].includes(id)))
          await client.deleteOne(list.collection, [queueId, id], { assign_type: assign }).catch((error) => {
            if (!isNotFound(error)) throw error;
          });
    },
  };
}

const idList = (what: string, example: string) =>
  z
    .array(zoomId(`A ${what} id.`), { error: `expected a list of ${what} ids` })
    .max(500, { error: `must list at most 500 ${what}s` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `must not list the same ${what} twice` })
    .describe(`The ${what}s the queue offers (e.g. \`${example}\`); order does not matter.`);

const owned = {
  field: 'dispositionIds',
  items: 'dispositions and sets',
  everything: 'every disposition and set the queue offers in that direction',
  harm: 'strip a queue of its wrap-up codes',
};

export const queueDispositionsSpec = defineSpec<Props>()({
  kind: 'QueueDispositions',
  description:
    'The dispositions and disposition sets one queue offers its agents after an engagement, for one direction (`assignType`, inbound by default). `exclusive` (default) makes the queue offer exactly these in that direction, removing others (a new set warns at preview which it will remove); `additive` adds these and only ever removes what it added. The other direction is left as it is.',
  endpoint: endpoints.queueDispositions,
  idField: 'queue_id',
  idOutput: 'queueId',
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
    assignType: oneOf(
      ['inbound', 'outbound'],
      'The direction these apply to (`assign_type`): `inbound` (default) or `outbound`. Changing it replaces the resource.',
    ).optional(),
    dispositionIds: idList('disposition', 'resolved.dispositionId').optional(),
    dispositionSetIds: idList('disposition set', 'outcomes.dispositionSetId').optional(),
    ...ownershipInputs(owned),
  }),
  apiFields: { queueId: 'queue_id', assignType: 'assign_type', dispositionIds: 'disposition_ids', dispositionSetIds: 'disposition_set_ids', mode: 'mode' },
  serverDefaults: { assignType: 'inbound', mode: 'exclusive', dispositionIds: [], dispositionSetIds: [] },
  setFields: ['dispositionIds', 'dispositionSetIds'],
  replaceOnChanges: ['queueId', 'assignType'],
  references: { queueId: 'Queue', 'dispositionIds[]': 'Disposition', 'dispositionSetIds[]': 'DispositionSet' },
  crossFieldCheck: (inputs) => {
    const both = [...asIds(inputs.dispositionIds), ...asIds(inputs.dispositionSetIds)];
    return emptyExclusiveCheck(owned)({ ...inputs, dispositionIds: both });
  },
  previewCreate: async (client, inputs) => {
    if (!isExclusive(inputs) || createdInThisProcess('Queue', String(inputs.queueId))) return [];
    const current = await offered(client, String(inputs.queueId), inputs.assignType === 'outbound' ? 'outbound' : 'inbound');
    const removed = [
      ...(current?.disposition_ids ?? []).filter((id) => !asIds(inputs.dispositionIds).includes(id)).map((id) => `disposition ${id}`),
      ...(current?.disposition_set_ids ?? []).filter((id) => !asIds(inputs.dispositionSetIds).includes(id)).map((id) => `disposition set ${id}`),
    ];
    return removalWarning('QueueDispositions', `queue ${String(inputs.queueId)}`, removed, 'dispositions and sets', 'dispositionIds/dispositionSetIds');
  },
  exportAs: { role: 'set', owner: 'Queue', members: ['dispositionIds', 'dispositionSetIds'], nameSuffix: 'dispositions' },
  example: `new zcc.QueueDispositions('support-dispositions', {
  queueId: support.queueId,
  dispositionIds: [resolved.dispositionId],
  dispositionSetIds: [outcomes.dispositionSetId],
});`,
  store: queueDispositionsStore(),
});
