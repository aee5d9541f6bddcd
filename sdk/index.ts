// The SDK: resource classes generated from the specs (sdk/generated), lookups, and the provider factory.
export * from './generated';
export type { AdoptableArgs } from './adoptable';
export { kindProvider } from './providers/kindProvider';
export { getAgent, getAgents, getSkillCategory, getQueue, type AgentInfo, type SkillCategoryInfo, type QueueInfo } from './lookups';
