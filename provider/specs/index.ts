import type { ResourceSpec } from '../engine/spec';
import { queueSpec } from './queueSpec';
import { skillCategorySpec, skillSpec } from './skillSpecs';
import { flowSpec } from './flowSpec';
import { agentRoutingProfileSpec, consumerRoutingProfileSpec } from './routingProfileSpecs';
import { userSkillsSpec } from './userSkillsSpec';
import { businessHoursSpec } from './businessHoursSpec';
import { dispositionSetSpec, dispositionSpec } from './dispositionSpecs';
import { variableGroupSpec } from './variableGroupSpec';
import { variableSpec } from './variableSpec';
import { inboxQueuesSpec, inboxSpec, inboxUsersSpec } from './inboxSpecs';
import { queueTeamsSpec, teamMembersSpec, teamSpec, teamSupervisorsSpec } from './teamSpecs';
import { flowEntryPointsSpec } from './flowEntryPointsSpec';
import { closureSetSpec } from './closureSetSpec';
import { queueOperatingHoursSpec } from './queueOperatingHoursSpec';
import { queueDispositionsSpec } from './queueDispositionsSpec';
import { queueAgentSpec, queueMembersSpec, queueSupervisorSpec, queueSupervisorsSpec } from './membershipSpecs';
import { roleSpec, roleUsersSpec } from './roleSpecs';
import { regionSpec } from './regionSpec';
import { agentStatusSpec } from './agentStatusSpec';
import { assetCategorySpec } from './assetCategorySpec';
import { ipBlockListRuleSpec, phoneBlockListRuleSpec } from './blockListSpecs';
import { addressBookCustomFieldSpec, addressBookSpec, addressBookUnitSpec } from './addressBookSpecs';
import { userSpec } from './userSpec';
import { queueTemplateSpec } from './queueTemplateSpec';
import { queueInterruptsSpec } from './queueInterruptsSpec';
import { assetSpec } from './assetSpec';
import { userTemplateSpec } from './userTemplateSpec';
import { campaignContactListSpec, contactListCustomFieldSpec, dncListPhonesSpec } from './contactListSpecs';
import { outboundCampaignSpec } from './outboundCampaignSpec';
import { queueInterruptMenuSpec } from './queueInterruptMenuSpec';

/**
 * Every kind this package manages, in the order of the generated reference. Adding a kind is one spec file plus
 * one line here (and the emulator's route: ARCHITECTURE.md, "Adding a kind"); the engine receives this list (provider/handlers.ts) and names no kind itself.
 */
export const allSpecs: readonly ResourceSpec[] = [
  queueSpec,
  skillCategorySpec,
  skillSpec,
  flowSpec,
  flowEntryPointsSpec,
  agentRoutingProfileSpec,
  consumerRoutingProfileSpec,
  businessHoursSpec,
  closureSetSpec,
  queueOperatingHoursSpec,
  dispositionSpec,
  dispositionSetSpec,
  queueDispositionsSpec,
  variableGroupSpec,
  variableSpec,
  inboxSpec,
  inboxQueuesSpec,
  inboxUsersSpec,
  teamSpec,
  teamMembersSpec,
  teamSupervisorsSpec,
  queueTeamsSpec,
  queueMembersSpec,
  queueAgentSpec,
  queueSupervisorsSpec,
  queueSupervisorSpec,
  userSkillsSpec,
  roleSpec,
  roleUsersSpec,
  regionSpec,
  agentStatusSpec,
  assetCategorySpec,
  assetSpec,
  phoneBlockListRuleSpec,
  ipBlockListRuleSpec,
  addressBookUnitSpec,
  addressBookSpec,
  addressBookCustomFieldSpec,
  userSpec,
  userTemplateSpec,
  queueTemplateSpec,
  queueInterruptsSpec,
  queueInterruptMenuSpec,
  campaignContactListSpec,
  contactListCustomFieldSpec,
  dncListPhonesSpec,
  outboundCampaignSpec,
];
