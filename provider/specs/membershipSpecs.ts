import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { defineSpec, type ObjectStore, type Props, type ResourceSpec } from '../engine/spec';
import { endpoints, fillPath } from '../client/endpoints';
import { ZccApiError, isConflict, unlessNotFound } from '../client/errors';
import { createdInThisProcess } from '../engine/listings';
import { zoomId } from './fields';
import { emptyExclusiveCheck, isExclusive, ownershipInputs, removalWarning } from './ownership';
import { idProblem } from '../client/paths';
import { shown } from '../client/printable';

/**
 * Queue membership: a queue's agents (`/queues/{queueId}/agents`) and its supervisors
 * (`/queues/{queueId}/supervisors`), by user id. The same engine serves a whole member set (QueueMembers,
 * QueueSupervisors) and single memberships (QueueAgent, QueueSupervisor).
 */
type Role = 'agents' | 'supervisors';
const roleEndpoint = (role: Role) => (role === 'agents' ? endpoints.queueAgents : endpoints.queueSupervisors);

/** Zoom takes at most this many user ids per assign call. */
const ADD_BATCH = 30;

const roleApi = {
  agents: {
    list: (client: ZccClient, queueId: string) => client.listQueueAgents(queueId),
    add: (client: ZccClient, queueId: string, userIds: string[]) => client.addQueueAgents(queueId, userIds),
    remove: (client: ZccClient, queueId: string, userId: string) => client.removeQueueAgent(queueId, userId),
  },
  supervisors: {
    list: (client: ZccClient, queueId: string) => client.listQueueSupervisors(queueId),
    add: (client: ZccClient, queueId: string, userIds: string[]) => client.addQueueSupervisors(queueId, userIds),
    remove: (client: ZccClient, queueId: string, userId: string) => client.removeQueueSupervisor(queueId, userId),
  },
};

async function currentMembers(client: ZccClient, role: Role, queueId: string): Promise<string[] | undefined> {
  return unlessNotFound(async () => (await roleApi[role].list(client, queueId)).map((member) => member.user_id));
}

/** Adds in batches of 30; a user who is already a member (a console edit, a lost answer) is not an error. */
async function addMembers(client: ZccClient, role: Role, queueId: string, userIds: string[]): Promise<void> {
  for (let start = 0; start < userIds.length; start += ADD_BATCH) {
    const batch = userIds.slice(start, start + ADD_BATCH);
    try {
      await roleApi[role].add(client, queueId, batch);
    } catch (error) {
      // 409: already a member (a console edit, a lost answer): done.
      if (!isConflict(error)) throw error;
      const present = new Set((await currentMembers(client, role, queueId)) ?? []);
      const missing = batch.filter((id) => !present.has(id));
      if (missing.length > 0) await roleApi[role].add(client, queueId, missing);
    }
  }
}

/** Removes one by one (the API has no bulk removal); a user already gone is not an error. */
async function removeMembers(client: ZccClient, role: Role, queueId: string, userIds: string[]): Promise<void> {
  for (const userId of userIds) await unlessNotFound(() => roleApi[role].remove(client, queueId, userId));
}

/**
 * Brings a queue's members to `desired`. Exclusive mode removes every other member; additive mode removes only
 * members this resource declared before (`previouslyDeclared`) and no longer declares. `known` is the member list
 * when it is known without a read.
 */
async function reconcile(
  client: ZccClient,
  role: Role,
  queueId: string,
  desired: string[],
  mode: string,
  previouslyDeclared: string[],
  known?: string[],
): Promise<void> {
  const current = known ?? (await currentMembers(client, role, queueId));
  if (current === undefined)
    throw new ZccApiError(`Queue ${queueId} does not exist, so its ${role} cannot be set.`, {
      method: 'GET',
      path: fillPath(roleEndpoint(role).path, [queueId]),
      status: 404,
    });
  await addMembers(
    client,
    role,
    queueId,
    desired.filter((id) => !current.includes(id)),
  );
  const candidates = mode === 'exclusive' ? current : previouslyDeclared;
  await removeMembers(
    client,
    role,
    queueId,
    candidates.filter((id) => !desired.includes(id) && current.includes(id)),
  );
}

const asIds = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

function memberSetStore(role: Role): ObjectStore {
  return {
    list: async () => [],
    create: async (client, body) => {
      const queueId = String(body.queue_id);
      // A queue this provider process created moments ago starts with no members: no read needed (a member someone
      // adds in between is answered 409 and taken as done; one to remove shows at the next refresh).
      const known = createdInThisProcess('Queue', queueId) ? [] : undefined;
      await reconcile(client, role, queueId, asIds(body.user_ids), String(body.mode), [], known);
      return { queue_id: queueId, user_ids: asIds(body.user_ids), mode: body.mode };
    },
    get: async (client, queueId, previous) => {
      const current = await currentMembers(client, role, queueId);
      if (current === undefined) return undefined;
      const mode = previous?.mode ?? 'exclusive';
      // Additive mode answers for its own members only; exclusive mode owns the whole set.
      const userIds = mode === 'exclusive' ? current : asIds(previous?.user_ids).filter((id) => current.includes(id));
      return { queue_id: queueId, user_ids: userIds, mode };
    },
    update: async (client, queueId, _changed, full, previous) => {
      await reconcile(client, role, queueId, asIds(full.user_ids), String(full.mode), asIds(previous.user_ids));
    },
    remove: async (client, queueId, previous) => {
      const current = await currentMembers(client, role, queueId);
      // The queue is gone, and its members with it: nothing to do, and never a reason to fail.
      if (current === undefined) return;
      await removeMembers(
        client,
        role,
        queueId,
        asIds(previous.user_ids).filter((id) => current.includes(id)),
      );
    },
  };
}

const userIdList = (what: string) =>
  z
    .array(zoomId(`A user id (see getUser/getUsers).`), { error: 'expected a list of user ids' })
    .max(2000, { error: 'must list at most 2000 users' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list the same user twice' })
    .describe(`User ids of the queue's ${what}; order does not matter.`);

function memberSetSpec(role: Role, kind: string, what: string): ResourceSpec {
  const owned = { field: 'userIds', items: what, everything: `every one of the queue's ${what}`, harm: 'empty a queue' };
  return defineSpec<Props>()({
    kind,
    description: `The ${what} of one queue. \`exclusive\` (default) makes the queue hold exactly these users as ${what}, removing others (a new set warns at preview which it will remove; a preview with --refresh names each one); \`additive\` adds these users and only ever removes users it added.`,
    endpoint: roleEndpoint(role),
    idField: 'queue_id',
    idOutput: 'queueId',
    inputSchema: z.strictObject({
      queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
      userIds: userIdList(what),
      ...ownershipInputs(owned),
    }),
    apiFields: { queueId: 'queue_id', userIds: 'user_ids', mode: 'mode' },
    serverDefaults: { mode: 'exclusive' },
    setFields: ['userIds'],
    replaceOnChanges: ['queueId'],
    // The queue list counts agents and supervisors: queues it says have none cost no call.
    exportAs: { role: 'set', owner: 'Queue', members: 'userIds', ownerCount: `${role}_count`, nameSuffix: role },
    references: { queueId: 'Queue', 'userIds[]': 'User' },
    crossFieldCheck: emptyExclusiveCheck(owned),
    previewCreate: async (client, inputs) => {
      // A new exclusive set takes over a queue that may already have members: name the ones it will remove,
      // since a create shows no diff. Reading is allowed during preview; nothing is written.
      if (!isExclusive(inputs)) return [];
      // A queue this run just created has no members yet: nothing to warn about, no call to make.
      if (createdInThisProcess('Queue', String(inputs.queueId))) return [];
      const current = await currentMembers(client, role, String(inputs.queueId));
      const desired = new Set(asIds(inputs.userIds));
      const removed = (current ?? []).filter((id) => !desired.has(id));
      return removalWarning(kind, `queue ${inputs.queueId}`, removed, `of its ${what}`, 'userIds');
    },
    example: `const team = zcc.getUsers({ search: '@example.com' });
new zcc.${kind}('support-${role}', {
  queueId: support.queueId,
  userIds: team.then((users) => users.slice(0, 8).map((u) => u.userId)),
  mode: 'exclusive',
});`,
    store: memberSetStore(role),
  });
}

const membershipId = (queueId: string, userId: string) => `${queueId}/${userId}`;
/** Ids contain no slash (client/paths.ts), so the one slash separates the queue from the user. */
function splitMembershipId(id: string): { queueId: string; userId: string } {
  const separator = id.lastIndexOf('/');
  return { queueId: id.slice(0, separator), userId: id.slice(separator + 1) };
}

function membershipIdProblem(id: string): string | undefined {
  const parts = id.split('/');
  if (parts.length !== 2) return `got ${shown(id)}; a membership id is "<queueId>/<userId>"`;
  const problem = idProblem(parts[0]) ?? idProblem(parts[1]);
  return problem && `in ${shown(id)}: ${problem}`;
}

function membershipStore(role: Role): ObjectStore {
  return {
    list: async () => [],
    create: async (client, body) => {
      const queueId = String(body.queue_id);
      const userId = String(body.user_id);
      await addMembers(client, role, queueId, [userId]);
      return { membership_id: membershipId(queueId, userId), queue_id: queueId, user_id: userId };
    },
    get: async (client, id) => {
      const { queueId, userId } = splitMembershipId(id);
      const current = await currentMembers(client, role, queueId);
      return current?.includes(userId) ? { membership_id: id, queue_id: queueId, user_id: userId } : undefined;
    },
    // Both inputs force replacement, so there is never anything to update.
    update: async () => undefined,
    remove: async (client, id) => {
      const { queueId, userId } = splitMembershipId(id);
      await unlessNotFound(() => roleApi[role].remove(client, queueId, userId));
    },
  };
}

function membershipSpec(role: Role, kind: string, what: string, setKind: string): ResourceSpec {
  return defineSpec<Props>()({
    kind,
    description: `One user as ${what} of one queue. Do not combine with an exclusive ${setKind} on the same queue.`,
    endpoint: roleEndpoint(role),
    idField: 'membership_id',
    idOutput: 'membershipId',
    inputSchema: z.strictObject({
      queueId: zoomId('Id of the queue. Changing it replaces the membership.'),
      userId: zoomId('User id (see getUser). Changing it replaces the membership.'),
    }),
    apiFields: { queueId: 'queue_id', userId: 'user_id' },
    idProblem: membershipIdProblem,
    replaceOnChanges: ['queueId', 'userId'],
    exportAs: { role: 'none', because: `export declares each queue's whole set of ${what} as one ${setKind}` },
    references: { queueId: 'Queue', userId: 'User' },
    outputs: { membershipId: { description: '`<queueId>/<userId>`.' } },
    example: `const lead = zcc.getUser({ email: 'lead@example.com' });
new zcc.${kind}('support-lead', { queueId: support.queueId, userId: lead.then((u) => u.userId) });`,
    store: membershipStore(role),
  });
}

export const queueMembersSpec = memberSetSpec('agents', 'QueueMembers', 'agents');
export const queueSupervisorsSpec = memberSetSpec('supervisors', 'QueueSupervisors', 'supervisors');
export const queueAgentSpec = membershipSpec('agents', 'QueueAgent', 'an agent', 'QueueMembers');
export const queueSupervisorSpec = membershipSpec('supervisors', 'QueueSupervisor', 'a supervisor', 'QueueSupervisors');
