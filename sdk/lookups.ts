import * as pulumi from '@pulumi/pulumi';
import { configureFromStack, getClient, knownSecrets } from '../provider/runtime';
import { redact } from '../provider/client/errors';
import { printable } from '../provider/client/printable';
import { latestVersion, publishedVersion } from '../provider/specs/flowSpec';
import type { ZccQueue, ZccSkill, ZccSkillCategory, ZccUser } from '../provider/client/schemas';

/*
 * Lookups run in the program, at deployment time, with the same credentials as the resources (stack config
 * `zcc:*`, then ZOOM_* / ZCC_BASE_URL). They page through the API, so they see every object.
 */

/**
 * Runs a lookup so that any failure (no match, bad credentials, an unreachable base URL) ends the program with
 * one line naming the lookup, as Pulumi's own providers do: a RunError prints no stack trace.
 */
async function lookup<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const text = printable(redact(message, knownSecrets()));
    throw new pulumi.RunError(text.startsWith(`${name}:`) ? text : `${name}: ${text}`);
  }
}

function client() {
  configureFromStack((key) => pulumi.runtime.getConfig(key));
  return getClient();
}

/** A Contact Center user (agents and supervisors are users) as lookups return it. */
export interface UserInfo {
  /** The user id, as queue membership and user skills take it. */
  userId: string;
  ccUserId?: string;
  displayName?: string;
  email: string;
  roleName?: string;
  /** `active` or `inactive`. */
  userAccess?: string;
}

const toUser = (user: ZccUser): UserInfo => ({
  userId: user.user_id,
  ccUserId: user.cc_user_id,
  displayName: user.display_name,
  email: user.user_email,
  roleName: user.role_name,
  userAccess: user.user_access,
});

/**
 * The users of the account (all pages): those matching `search` (Zoom's `search_key`: a name or email) and, with
 * `active`, only active (true) or inactive (false) ones.
 */
export async function getUsers(args: { search?: string; active?: boolean } = {}): Promise<UserInfo[]> {
  return lookup('getUsers', async () => {
    const query = { search_key: args.search, user_access: args.active === undefined ? undefined : args.active ? ('active' as const) : ('inactive' as const) };
    return (await client().listUsers(query)).map(toUser);
  });
}

/**
 * Email lookups of one program run, memoized. The first few search (one call each); beyond that the program looks
 * up many users (an exported center names every member by email), and one listing of all users answers them all.
 */
const SEARCHES_BEFORE_LISTING = 5;
const usersByEmail = new Map<string, Promise<ZccUser | undefined>>();
let everyUser: Promise<Map<string, ZccUser>> | undefined;

function userByEmail(email: string): Promise<ZccUser | undefined> {
  const wanted = email.toLowerCase();
  let found = usersByEmail.get(wanted);
  if (!found) {
    if (usersByEmail.size < SEARCHES_BEFORE_LISTING) {
      found = client()
        .listUsers({ search_key: email })
        .then((users) => users.find((user) => user.user_email.toLowerCase() === wanted));
    } else {
      everyUser ??= client()
        .listUsers()
        .then((users) => new Map(users.map((user) => [user.user_email.toLowerCase(), user])));
      found = everyUser.then((users) => users.get(wanted));
    }
    usersByEmail.set(wanted, found);
  }
  return found;
}

/** One user, by email (case-insensitive) or by id. Fails naming what was looked for when there is none. */
export async function getUser(args: { email: string } | { userId: string }): Promise<UserInfo> {
  return lookup('getUser', async () => {
    if ('userId' in args) return toUser(await client().getUser(args.userId));
    const match = await userByEmail(args.email);
    if (!match) throw new Error(`getUser: no Zoom Contact Center user has the email ${JSON.stringify(args.email)}.`);
    return toUser(match);
  });
}

/** A skill category as lookups return it. */
export interface SkillCategoryInfo {
  skillCategoryId: string;
  name: string;
  description: string;
  skillType: string;
  maxProficiencyLevel?: number;
}

/** A skill category by its exact name. */
export async function getSkillCategory(args: { name: string }): Promise<SkillCategoryInfo> {
  return lookup('getSkillCategory', async () => {
    const match = (await client().listSkillCategories()).find((category: ZccSkillCategory) => category.skill_category_name === args.name);
    if (!match) throw new Error(`getSkillCategory: no skill category is named ${JSON.stringify(args.name)}.`);
    return {
      skillCategoryId: match.skill_category_id,
      name: match.skill_category_name,
      description: match.skill_category_description,
      skillType: match.skill_type,
      maxProficiencyLevel: match.max_proficiency_level,
    };
  });
}

/** A skill as lookups return it. */
export interface SkillInfo {
  skillId: string;
  name: string;
  skillCategoryId: string;
  skillCategoryName?: string;
  skillType?: string;
  maxProficiencyLevel?: number;
}

/**
 * A skill by its exact name, within one category when `skillCategoryId` is given (names are unique only within a
 * category); fails listing the candidates when several skills share the name.
 */
export async function getSkill(args: { name: string; skillCategoryId?: string }): Promise<SkillInfo> {
  return lookup('getSkill', async () => {
    const skills = await client().listSkills(args.skillCategoryId ? { skill_category_id: args.skillCategoryId } : {});
    const matches = skills.filter((skill: ZccSkill) => skill.skill_name === args.name);
    if (matches.length === 0)
      throw new Error(`getSkill: no skill is named ${JSON.stringify(args.name)}${args.skillCategoryId ? ` in category ${args.skillCategoryId}` : ''}.`);
    if (matches.length > 1)
      throw new Error(
        `getSkill: ${matches.length} skills are named ${JSON.stringify(args.name)} (${matches.map((s) => `${s.skill_id} in ${s.skill_category_name ?? s.skill_category_id}`).join(', ')}); give skillCategoryId.`,
      );
    const [skill] = matches;
    return {
      skillId: skill.skill_id,
      name: skill.skill_name,
      skillCategoryId: skill.skill_category_id,
      skillCategoryName: skill.skill_category_name,
      skillType: skill.skill_type,
      maxProficiencyLevel: skill.max_proficiency_level,
    };
  });
}

/** A queue as lookups return it (what the queue list carries). */
export interface QueueInfo {
  queueId: string;
  ccQueueId?: string;
  name: string;
  channel?: string;
  agentsCount?: number;
  supervisorsCount?: number;
}

/** A queue by its exact name; fails listing the ids when several queues share it. */
export async function getQueue(args: { name: string }): Promise<QueueInfo> {
  return lookup('getQueue', async () => {
    const matches = (await client().listQueues()).filter((queue: ZccQueue) => queue.queue_name === args.name);
    if (matches.length === 0) throw new Error(`getQueue: no queue is named ${JSON.stringify(args.name)}.`);
    if (matches.length > 1)
      throw new Error(
        `getQueue: ${matches.length} queues are named ${JSON.stringify(args.name)} (${matches.map((q) => q.queue_id).join(', ')}); look one up by id instead.`,
      );
    const [queue] = matches;
    return {
      queueId: queue.queue_id,
      ccQueueId: queue.cc_queue_id,
      name: queue.queue_name,
      channel: queue.channel,
      agentsCount: queue.agents_count,
      supervisorsCount: queue.supervisors_count,
    };
  });
}

/** A flow as lookups return it. */
export interface FlowInfo {
  flowId: string;
  name: string;
  channel?: string;
  status?: string;
  publishedVersion?: number;
  latestVersion?: number;
}

/** A flow by its exact name (names are unique in an account). */
export async function getFlow(args: { name: string }): Promise<FlowInfo> {
  return lookup('getFlow', async () => {
    const match = (await client().listFlows()).find((flow) => flow.flow_name === args.name);
    if (!match) throw new Error(`getFlow: no flow is named ${JSON.stringify(args.name)}.`);
    return {
      flowId: match.flow_id,
      name: match.flow_name,
      channel: match.channel,
      status: match.status,
      publishedVersion: publishedVersion(match),
      latestVersion: latestVersion(match) || undefined,
    };
  });
}

/** An agent routing profile as lookups return it. */
export interface AgentRoutingProfileInfo {
  agentRoutingProfileId: string;
  name: string;
  description?: string;
}

/** An agent routing profile by its exact name. */
export async function getAgentRoutingProfile(args: { name: string }): Promise<AgentRoutingProfileInfo> {
  return lookup('getAgentRoutingProfile', async () => {
    const match = (await client().listAgentRoutingProfiles()).find((profile) => profile.agent_routing_profile_name === args.name);
    if (!match) throw new Error(`getAgentRoutingProfile: no agent routing profile is named ${JSON.stringify(args.name)}.`);
    return {
      agentRoutingProfileId: match.agent_routing_profile_id,
      name: match.agent_routing_profile_name,
      description: match.agent_routing_profile_description,
    };
  });
}
