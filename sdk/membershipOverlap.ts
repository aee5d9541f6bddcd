import * as pulumi from '@pulumi/pulumi';
import { printable } from '../provider/client/printable';

/**
 * A QueueAgent and an exclusive QueueMembers on the same queue fight: the set removes every agent it does not list,
 * the single membership adds its user back, and destroying the single membership removes a user the set declares.
 * The program sees both declarations (the provider sees one resource at a time), so it warns here, naming the queue
 * by its name and the resource that holds the agent. Queues are matched by their id input: the same `queue.queueId`
 * output (known or not, as in a preview that creates the queue) or the same id string.
 */
interface Agent {
  name: string;
  queueId: unknown;
  userId: pulumi.Input<string>;
}
interface MemberSet {
  name: string;
  resource: pulumi.Resource;
  queueId: unknown;
  userIds: pulumi.Input<pulumi.Input<string>[]>;
  mode: pulumi.Input<string> | undefined;
}

const queueNames = new Map<unknown, { resourceName: string; name: pulumi.Input<string> }>();
const agents: Agent[] = [];
const sets: MemberSet[] = [];

const sameQueue = (a: unknown, b: unknown) => a === b && a !== undefined;

function warnIfOverlapping(agent: Agent, set: MemberSet): void {
  const queue = queueNames.get(set.queueId);
  // A queue this program declares is named by its name, so the check also runs while its id is not known yet.
  const queueLabel = queue
    ? pulumi.output(queue.name).apply((name) => `queue ${JSON.stringify(name)} (Queue "${queue.resourceName}")`)
    : pulumi.output(set.queueId as string).apply((id) => `queue ${JSON.stringify(id)}`);
  pulumi.all([pulumi.output(set.userIds), pulumi.output(set.mode), pulumi.output(agent.userId), queueLabel]).apply(([userIds, mode, userId, where]) => {
    if ((mode ?? 'exclusive') !== 'exclusive' || typeof userId !== 'string') return;
    const message = (userIds as string[]).includes(userId)
      ? `QueueAgent "${agent.name}" and QueueMembers "${set.name}" (exclusive) both hold user ${userId} on ${where}: destroying QueueAgent "${agent.name}" would remove an agent that QueueMembers "${set.name}" declares. Keep the user in one of them only.`
      : `QueueMembers "${set.name}" (exclusive) on ${where} does not list user ${userId}, whom QueueAgent "${agent.name}" adds: every up would remove the agent and add them back. List ${userId} in QueueMembers "${set.name}".userIds and remove QueueAgent "${agent.name}", or set mode: "additive".`;
    void pulumi.log.warn(printable(message), set.resource);
  });
}

/** Records a declared resource of these kinds and warns about every QueueAgent / exclusive QueueMembers pair on one queue. */
export function recordMembership(kind: string, resource: pulumi.CustomResource, name: string, args: Record<string, unknown>): void {
  if (kind === 'Queue') queueNames.set(resource.id, { resourceName: name, name: args.name as pulumi.Input<string> });
  if (kind === 'QueueAgent') {
    const agent: Agent = { name, queueId: args.queueId, userId: args.userId as pulumi.Input<string> };
    agents.push(agent);
    for (const set of sets) if (sameQueue(set.queueId, agent.queueId)) warnIfOverlapping(agent, set);
  }
  if (kind === 'QueueMembers') {
    const set: MemberSet = {
      name,
      resource,
      queueId: args.queueId,
      userIds: args.userIds as pulumi.Input<pulumi.Input<string>[]>,
      mode: args.mode as pulumi.Input<string> | undefined,
    };
    sets.push(set);
    for (const agent of agents) if (sameQueue(set.queueId, agent.queueId)) warnIfOverlapping(agent, set);
  }
}
