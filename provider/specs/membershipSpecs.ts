import { z } from 'zod';
import { defineSpec, type ObjectStore, type Props, type ResourceSpec } from '../engine/spec';
import { endpoints, type Collection, MEDIUM } from '../client/endpoints';
import { memberWrites, ownedSetSpec, type SetCalls } from '../engine/ownedSet';
import { zoomId } from './fields';
import { idList, parentId } from './ownership';
import { idProblem } from '../client/paths';
import { shown } from '../client/printable';

/** A queue of a user: GET /contact_center/users/{userId}/queues. */
export const userQueueSchema = z.object({
  queue_id: z.string(),
  cc_queue_id: z.string().optional(),
  queue_name: z.string().optional(),
  channel: z.string().optional(),
  user_assignment_type: z.enum(['agent', 'supervisor', 'both']).optional(),
});

export const userQueuesEndpoint: Collection<z.infer<typeof userQueueSchema>> = {
  path: '/contact_center/users/{userId}/queues',
  objectId: 'queueId',
  listKey: 'queues',
  item: userQueueSchema,
  maxPageSize: 300,
  categories: MEDIUM,
};

/**
 * Queue membership: a queue's agents (`/queues/{queueId}/agents`) and its supervisors
 * (`/queues/{queueId}/supervisors`), by user id: whole member sets (QueueMembers, QueueSupervisors, owned sets of the
 * engine) and single memberships (QueueAgent, QueueSupervisor), which write with the same calls and policies.
 */
type Role = 'agents' | 'supervisors';
const roleEndpoint = (role: Role) => (role === 'agents' ? endpoints.queueAgents : endpoints.queueSupervisors);

const roleCalls = (role: Role): SetCalls => ({
  read: async (client, queueId) => ({
    user_ids: (await (role === 'agents' ? client.listQueueAgents(queueId) : client.listQueueSupervisors(queueId))).map((member) => member.user_id),
  }),
  add: async (client, queueId, _field, userIds) => {
    await (role === 'agents' ? client.addQueueAgents(queueId, userIds as string[]) : client.addQueueSupervisors(queueId, userIds as string[]));
  },
  remove: async (client, queueId, _field, [userId]) =>
    role === 'agents' ? client.removeQueueAgent(queueId, String(userId)) : client.removeQueueSupervisor(queueId, String(userId)),
  // Zoom takes at most 30 user ids per assign call, and removes one user per call.
  addBatch: 30,
  removeBatch: 1,
});

function memberSetSpec(role: Role, kind: string, what: string): ResourceSpec {
  return ownedSetSpec({
    kind,
    description: `The ${what} of one queue. \`exclusive\` (default) makes the queue hold exactly these users as ${what}, removing others (a new set warns at preview which it will remove; a preview with --refresh names each one); \`additive\` adds these users and only ever removes users it added.`,
    endpoint: roleEndpoint(role),
    parent: { kind: 'Queue', input: 'queueId', noun: 'queue', schema: parentId('queue', 'queue.queueId') },
    lists: [
      {
        input: 'userIds',
        field: 'user_ids',
        kind: 'User',
        noun: what,
        schema: idList({ noun: 'users', description: `User ids of the queue's ${what}; order does not matter.` }),
      },
    ],
    calls: roleCalls(role),
    // The queue list counts agents and supervisors: queues it says have none cost no call.
    exportHints: { ownerCount: `${role}_count`, nameSuffix: role },
    example: `const team = zcc.getUsers({ search: '@example.com' });
new zcc.${kind}('support-${role}', {
  queueId: support.queueId,
  userIds: team.then((users) => users.slice(0, 8).map((u) => u.userId)),
  mode: 'exclusive',
});`,
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
      await memberWrites(roleCalls(role)).add(client, queueId, { field: 'user_ids' }, [userId], {});
      return { membership_id: membershipId(queueId, userId), queue_id: queueId, user_id: userId };
    },
    get: async (client, id) => {
      const { queueId, userId } = splitMembershipId(id);
      const current = (await memberWrites(roleCalls(role)).read(client, queueId, {}))?.user_ids;
      return current?.includes(userId) ? { membership_id: id, queue_id: queueId, user_id: userId } : undefined;
    },
    // Both inputs force replacement, so there is never anything to update.
    update: async () => undefined,
    remove: async (client, id) => {
      const { queueId, userId } = splitMembershipId(id);
      await memberWrites(roleCalls(role)).remove(client, queueId, 'user_ids', [userId], {});
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
