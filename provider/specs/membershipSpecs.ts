import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { ZccApiError } from '../client/errors';
import type { Props, ResourceSpec } from '../engine/spec';
import { unlessNotFound, type ObjectStore } from '../engine/store';
import { oneOf, zoomId } from './fields';
import { idProblem } from '../client/paths';
import { shown } from '../client/printable';

/** Zoom takes at most this many agents per assign call. */
const ADD_BATCH = 20;
const MEMBERSHIP_MODES = ['exclusive', 'additive'] as const;

async function currentMembers(client: ZccClient, queueId: string): Promise<string[] | undefined> {
  return unlessNotFound(async () => (await client.listQueueAgents(queueId)).map((agent) => agent.user_id));
}

const isAlreadyAssigned = (error: unknown) => error instanceof ZccApiError && error.status === 409;

/** Adds in batches; an agent that is already a member (a console edit, a lost answer) is not an error. */
async function addMembers(client: ZccClient, queueId: string, agentIds: string[]): Promise<void> {
  for (let start = 0; start < agentIds.length; start += ADD_BATCH) {
    const batch = agentIds.slice(start, start + ADD_BATCH);
    try {
      await client.addQueueAgents(queueId, batch);
    } catch (error) {
      if (!isAlreadyAssigned(error)) throw error;
      const present = new Set((await currentMembers(client, queueId)) ?? []);
      const missing = batch.filter((id) => !present.has(id));
      if (missing.length > 0) await client.addQueueAgents(queueId, missing);
    }
  }
}

/** Removes one by one (the API has no bulk removal); an agent already gone is not an error. */
async function removeMembers(client: ZccClient, queueId: string, agentIds: string[]): Promise<void> {
  for (const agentId of agentIds) await unlessNotFound(() => client.removeQueueAgent(queueId, agentId));
}

/**
 * Brings a queue's members to `desired`. Exclusive mode removes every other agent; additive mode removes only
 * agents this resource declared before (`previouslyDeclared`) and no longer declares.
 */
async function reconcile(client: ZccClient, queueId: string, desired: string[], mode: string, previouslyDeclared: string[]): Promise<void> {
  const current = await currentMembers(client, queueId);
  if (current === undefined) throw new ZccApiError(`Queue ${queueId} does not exist, so its members cannot be set.`, { method: 'GET', path: `/contact_center/queues/${queueId}/agents`, status: 404 });
  await addMembers(client, queueId, desired.filter((id) => !current.includes(id)));
  const candidates = mode === 'exclusive' ? current : previouslyDeclared;
  await removeMembers(client, queueId, candidates.filter((id) => !desired.includes(id) && current.includes(id)));
}

const asIds = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

const queueMembersStore: ObjectStore = {
  list: async () => [],
  create: async (client, body) => {
    const queueId = String(body.queue_id);
    await reconcile(client, queueId, asIds(body.agent_ids), String(body.mode), []);
    return { queue_id: queueId, agent_ids: asIds(body.agent_ids), mode: body.mode };
  },
  get: async (client, queueId, previous) => {
    const current = await currentMembers(client, queueId);
    if (current === undefined) return undefined;
    const mode = previous?.mode ?? 'exclusive';
    // Additive mode answers for its own agents only; exclusive mode owns the whole set.
    const agentIds = mode === 'exclusive' ? current : asIds(previous?.agent_ids).filter((id) => current.includes(id));
    return { queue_id: queueId, agent_ids: agentIds, mode };
  },
  update: async (client, queueId, _changed, full, previous) => {
    await reconcile(client, queueId, asIds(full.agent_ids), String(full.mode), asIds(previous.agent_ids));
  },
  remove: async (client, queueId, previous) => {
    const current = await currentMembers(client, queueId);
    // The queue is gone, and its members with it: nothing to do, and never a reason to fail.
    if (current === undefined) return;
    await removeMembers(client, queueId, asIds(previous.agent_ids).filter((id) => current.includes(id)));
  },
};

const idList = z
  .array(zoomId('An agent user id (see getAgent/getAgents).'), { error: 'expected a list of agent ids' })
  .max(1000, { error: 'must list at most 1000 agents' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list the same agent twice' });

export const queueMembersSpec: ResourceSpec = {
  kind: 'QueueMembers',
  description:
    'The member set of one queue. `exclusive` (default) makes the queue hold exactly these agents, removing others (a preview with --refresh names each agent it will remove); `additive` adds these agents and only ever removes agents it added.',
  path: '/contact_center/queues/{queueId}/agents',
  idField: 'queue_id',
  listKey: 'agents',
  idOutput: 'queueId',
  responseSchema: z.object({}).loose() as unknown as z.ZodType<Props>,
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
    agentIds: idList.describe('Agent user ids that must be members; order does not matter.'),
    mode: oneOf(MEMBERSHIP_MODES, '`exclusive` removes agents not listed; `additive` never removes what it did not add. Defaults to exclusive.').optional(),
    allowEmpty: z
      .boolean({ error: 'expected true or false' })
      .describe('Allow an empty `agentIds` in exclusive mode, which removes every member of the queue. Without it an empty exclusive list fails, so a list computed empty by mistake cannot empty a queue.')
      .optional(),
  }),
  apiFields: { queueId: 'queue_id', agentIds: 'agent_ids', mode: 'mode' },
  serverDefaults: { mode: 'exclusive' },
  setFields: ['agentIds'],
  replaceOnChanges: ['queueId'],
  crossFieldCheck: (inputs) => {
    const ids = asIds(inputs.agentIds);
    if ((inputs.mode ?? 'exclusive') === 'exclusive' && ids.length === 0 && inputs.allowEmpty !== true) {
      return [['agentIds', 'is empty in exclusive mode, which would remove every member of the queue. Set allowEmpty: true if that is intended, or use mode: "additive".']];
    }
    return [];
  },
  previewCreate: async (client, inputs) => {
    // A new exclusive set takes over a queue that may already have members: name the ones it will remove,
    // since a create shows no diff. Reading is allowed during preview; nothing is written.
    if ((inputs.mode ?? 'exclusive') !== 'exclusive') return [];
    const current = await currentMembers(client, String(inputs.queueId));
    const desired = new Set(asIds(inputs.agentIds));
    const removed = (current ?? []).filter((id) => !desired.has(id));
    if (removed.length === 0) return [];
    return [`QueueMembers (exclusive) on queue ${inputs.queueId} will remove ${removed.length} member(s) it does not list: ${removed.join(', ')}. Add them to agentIds, or use mode: "additive", to keep them.`];
  },
  example: `const agents = zcc.getAgents();
new zcc.QueueMembers('support-members', {
  queueId: support.queueId,
  agentIds: agents.then((all) => all.slice(0, 8).map((a) => a.agentId)),
  mode: 'exclusive',
});`,
  categories: { list: 'medium', get: 'medium', create: 'medium', update: 'medium', delete: 'medium' },
  store: queueMembersStore,
};

const membershipId = (queueId: string, agentId: string) => `${queueId}/${agentId}`;
/** Ids contain no slash (client/paths.ts), so the one slash separates the queue from the agent. */
function splitMembershipId(id: string): { queueId: string; agentId: string } {
  const separator = id.lastIndexOf('/');
  return { queueId: id.slice(0, separator), agentId: id.slice(separator + 1) };
}

function membershipIdProblem(id: string): string | undefined {
  const parts = id.split('/');
  if (parts.length !== 2) return `got ${shown(id)}; a QueueAgent id is "<queueId>/<agentId>"`;
  const problem = idProblem(parts[0]) ?? idProblem(parts[1]);
  return problem && `in ${shown(id)}: ${problem}`;
}

const queueAgentStore: ObjectStore = {
  list: async () => [],
  create: async (client, body) => {
    const queueId = String(body.queue_id);
    const agentId = String(body.user_id);
    await addMembers(client, queueId, [agentId]);
    return { membership_id: membershipId(queueId, agentId), queue_id: queueId, user_id: agentId };
  },
  get: async (client, id) => {
    const { queueId, agentId } = splitMembershipId(id);
    const current = await currentMembers(client, queueId);
    return current?.includes(agentId) ? { membership_id: id, queue_id: queueId, user_id: agentId } : undefined;
  },
  // Both inputs force replacement, so there is never anything to update.
  update: async () => undefined,
  remove: async (client, id) => {
    const { queueId, agentId } = splitMembershipId(id);
    await unlessNotFound(() => client.removeQueueAgent(queueId, agentId));
  },
};

export const queueAgentSpec: ResourceSpec = {
  kind: 'QueueAgent',
  description: 'One agent in one queue. Do not combine with an exclusive QueueMembers on the same queue.',
  path: '/contact_center/queues/{queueId}/agents',
  idField: 'membership_id',
  listKey: 'agents',
  idOutput: 'membershipId',
  responseSchema: z.object({}).loose() as unknown as z.ZodType<Props>,
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue. Changing it replaces the membership.'),
    agentId: zoomId('Agent user id. Changing it replaces the membership.'),
  }),
  apiFields: { queueId: 'queue_id', agentId: 'user_id' },
  idProblem: membershipIdProblem,
  replaceOnChanges: ['queueId', 'agentId'],
  outputs: { membershipId: { description: '`<queueId>/<agentId>`.' } },
  example: `const lead = zcc.getAgent({ email: 'lead@example.com' });
new zcc.QueueAgent('support-lead', { queueId: support.queueId, agentId: lead.then((a) => a.agentId) });`,
  categories: { list: 'medium', get: 'medium', create: 'medium', update: 'medium', delete: 'medium' },
  store: queueAgentStore,
};
