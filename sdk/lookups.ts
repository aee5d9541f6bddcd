import * as pulumi from '@pulumi/pulumi';
import { configureFromStack, getClient } from '../provider/runtime';
import type { ZccAgent, ZccQueue, ZccSkill, ZccSkillCategory } from '../provider/client/schemas';

/**
 * Lookups run in the program, at deployment time, with the same credentials as the resources (stack config
 * `zcc:*`, then ZOOM_* / ZCC_BASE_URL). They page through the API, so they see every object.
 */
function client() {
  configureFromStack((key) => pulumi.runtime.getConfig(key));
  return getClient();
}

/** An agent as lookups return it. */
export interface AgentInfo {
  /** The agent's user id, as queue membership takes it. */
  agentId: string;
  displayName: string;
  email: string;
  roleName?: string;
}

const toAgent = (agent: ZccAgent): AgentInfo => ({ agentId: agent.user_id, displayName: agent.display_name, email: agent.email, roleName: agent.role_name });

/** Every agent of the account. */
export async function getAgents(): Promise<AgentInfo[]> {
  return (await client().listAgents()).map(toAgent);
}

/** One agent, by email (case-insensitive) or by id. Fails naming what was looked for when there is none. */
export async function getAgent(args: { email: string } | { agentId: string }): Promise<AgentInfo> {
  if ('agentId' in args) return toAgent(await client().getAgent(args.agentId));
  const wanted = args.email.toLowerCase();
  const match = (await client().listAgents()).find((agent) => agent.email.toLowerCase() === wanted);
  if (!match) throw new Error(`getAgent: no Zoom Contact Center agent has the email "${args.email}".`);
  return toAgent(match);
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
  const match = (await client().listSkillCategories()).find((category: ZccSkillCategory) => category.skill_category_name === args.name);
  if (!match) throw new Error(`getSkillCategory: no skill category is named ${JSON.stringify(args.name)}.`);
  return {
    skillCategoryId: match.skill_category_id,
    name: match.skill_category_name,
    description: match.skill_category_description,
    skillType: match.skill_type,
    maxProficiencyLevel: match.max_proficiency_level,
  };
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
  const skills = await client().listSkills(args.skillCategoryId ? { skill_category_id: args.skillCategoryId } : {});
  const matches = skills.filter((skill: ZccSkill) => skill.skill_name === args.name);
  if (matches.length === 0) throw new Error(`getSkill: no skill is named ${JSON.stringify(args.name)}${args.skillCategoryId ? ` in category ${args.skillCategoryId}` : ''}.`);
  if (matches.length > 1) throw new Error(`getSkill: ${matches.length} skills are named ${JSON.stringify(args.name)} (${matches.map((s) => `${s.skill_id} in ${s.skill_category_name ?? s.skill_category_id}`).join(', ')}); give skillCategoryId.`);
  const [skill] = matches;
  return { skillId: skill.skill_id, name: skill.skill_name, skillCategoryId: skill.skill_category_id, skillCategoryName: skill.skill_category_name, skillType: skill.skill_type, maxProficiencyLevel: skill.max_proficiency_level };
}

/** A queue as lookups return it. */
export interface QueueInfo {
  queueId: string;
  name: string;
  description: string;
  channels: string[];
  routingMethod: string;
  maxWaitTime: number;
}

/** A queue by its exact name; fails listing the ids when several queues share it. */
export async function getQueue(args: { name: string }): Promise<QueueInfo> {
  const matches = (await client().listQueues()).filter((queue: ZccQueue) => queue.name === args.name);
  if (matches.length === 0) throw new Error(`getQueue: no queue is named "${args.name}".`);
  if (matches.length > 1) throw new Error(`getQueue: ${matches.length} queues are named "${args.name}" (${matches.map((q) => q.queue_id).join(', ')}); look one up by id instead.`);
  const [queue] = matches;
  return { queueId: queue.queue_id, name: queue.name, description: queue.description, channels: queue.channels, routingMethod: queue.routing_method, maxWaitTime: queue.max_wait_time };
}
