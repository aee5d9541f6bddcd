export { Queue, type QueueArgs, type QueueChannel, type RoutingMethod } from './queue';
export { SkillCategory, type SkillCategoryArgs, Skill, type SkillArgs } from './skills';
export { Flow, type FlowArgs } from './flow';
export { RoutingProfile, type RoutingProfileArgs } from './routingProfile';
export { QueueMembers, type QueueMembersArgs, QueueAgent, type QueueAgentArgs } from './membership';
export type { AdoptableArgs } from './adoptable';
export { kindProvider } from './providers/kindProvider';
export { getAgent, getAgents, getSkillCategory, getQueue, type AgentInfo, type SkillCategoryInfo, type QueueInfo } from './lookups';
