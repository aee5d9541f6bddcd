// The SDK: resource classes generated from the specs (sdk/generated), lookups, and the provider factory.
export * from './generated';
export type { AdoptableArgs } from './adoptable';
export { readFlowFile } from './flowFile';
export { kindProvider } from './providers/kindProvider';
export {
  getUser,
  getUsers,
  getSkillCategory,
  getSkill,
  getQueue,
  getFlow,
  getAgentRoutingProfile,
  type UserInfo,
  type SkillCategoryInfo,
  type SkillInfo,
  type QueueInfo,
  type FlowInfo,
  type AgentRoutingProfileInfo,
} from './lookups';
