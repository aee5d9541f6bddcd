// The SDK: resource classes generated from the specs (sdk/generated), lookups, and the provider factory.
export * from './generated';
export type { AdoptableArgs } from './adoptable';
export { readFlowFile } from './flowFile';
export { assetFile, type AssetFile } from './assetFile';
export { kindProvider } from './providers/kindProvider';
export { getEntryPoint, getUser, getUsers, type EntryPointInfo, type UserInfo } from './lookups';
