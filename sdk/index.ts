// The SDK: resource classes generated from the specs (sdk/generated), lookups, and the provider factory.
export * from './generated';
export type { AdoptableArgs } from './adoptable';
export { kindProvider } from './providers/kindProvider';
export { getAgent, getAgents, getSkillCategory, getSkill, getQueue, type AgentInfo, type SkillCategoryInfo, type SkillInfo, type QueueInfo } from './lookups';
