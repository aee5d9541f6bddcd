// The SDK: resource classes generated from the specs (sdk/generated), lookups, and the provider factory.
export * from './generated';
export type { AdoptableArgs } from './adoptable';
export { kindProvider } from './providers/kindProvider';
export { getUser, getUsers, getSkillCategory, getSkill, getQueue, type UserInfo, type SkillCategoryInfo, type SkillInfo, type QueueInfo } from './lookups';
