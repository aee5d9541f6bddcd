import { SKILL_TYPES } from './skillSpecs';
import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { defineSpec } from '../engine/spec';
import { integer, oneOf, text, zoomId } from './fields';

const agentPriorityAnswer = z.object({
  priority_id: z.string().optional(),
  priority_order: z.number().optional(),
  category_type: z.enum(['skill', 'intent']),
  skill_category_id: z.string().optional(),
  intent_group_id: z.string().optional(),
  skill_category_name: z.string().optional(),
  intent_group_name: z.string().optional(),
  skill_type: z.enum(SKILL_TYPES).optional(),
  minimum_proficiency_level: z.number().optional(),
  skill_category_required: z.boolean().optional(),
  intent_group_required: z.boolean().optional(),
  default_skill_id: z.string().optional(),
  default_skill_name: z.string().optional(),
  time_step: z.number().optional(),
  backup_skills: z
    .array(z.object({ backup_skill_id: z.string(), backup_skill_name: z.string().optional(), minimum_proficiency_level: z.number().optional() }))
    .optional(),
});

/** GET/POST /contact_center/agent_routing_profiles (official shapes). */
export const agentRoutingProfileSchema = z.object({
  agent_routing_profile_id: z.string(),
  agent_routing_profile_name: z.string(),
  agent_routing_profile_description: z.string().optional(),
  wait_time_agent_in_seconds: z.number().optional(),
  priorities: z.array(agentPriorityAnswer).optional(),
  time_steps: z.array(z.number()).optional(),
  ignore_transferring_skills: z.boolean().optional(),
});
export type ZccAgentRoutingProfile = z.infer<typeof agentRoutingProfileSchema>;

/** The consumer attributes a consumer routing profile's priorities may name. */
export const CONSUMER_ATTRIBUTES = [
  'address_book_contacts',
  'entrance_to_queue',
  'new_customer',
  'returning_customer',
  'release_to_queue',
  'skills',
  'address_book_variable',
  'global_variable',
] as const;
const consumerParameter = z.object({
  ids: z.array(z.string()).optional(),
  enter_queue_start_time: z.string().optional(),
  enter_queue_end_time: z.string().optional(),
  enter_queue_timezone: z.string().optional(),
  max_returning_minutes: z.number().optional(),
  variable_id: z.string().optional(),
  variable_values: z.array(z.string()).optional(),
  operator: z.enum(['equal_to', 'greater_than', 'less_than', 'contains']).optional(),
  compared_value: z.string().optional(),
});

/** GET/POST /contact_center/consumer_routing_profiles (official shapes). */
export const consumerRoutingProfileSchema = z.object({
  consumer_routing_profile_id: z.string(),
  consumer_routing_profile_name: z.string(),
  consumer_routing_profile_description: z.string().optional(),
  top_priorities: z.array(z.object({ attribute_type: z.enum(CONSUMER_ATTRIBUTES), parameter: consumerParameter.optional() })).optional(),
  accumulated_priorities: z
    .array(z.object({ attribute_type: z.enum(CONSUMER_ATTRIBUTES), incremental_rate: z.number(), parameter: consumerParameter.optional() }))
    .optional(),
});
export type ZccConsumerRoutingProfile = z.infer<typeof consumerRoutingProfileSchema>;

export const agentRoutingProfilesEndpoint: Collection<z.infer<typeof agentRoutingProfileSchema>> = {
  path: '/contact_center/agent_routing_profiles',
  objectId: 'agentRoutingProfileId',
  listKey: 'agent_routing_profiles',
  item: agentRoutingProfileSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};
export const consumerRoutingProfilesEndpoint: Collection<z.infer<typeof consumerRoutingProfileSchema>> = {
  path: '/contact_center/consumer_routing_profiles',
  objectId: 'consumerRoutingProfileId',
  listKey: 'consumer_routing_profiles',
  item: consumerRoutingProfileSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Agent and consumer routing profiles (`/agent_routing_profiles`, `/consumer_routing_profiles`), with every
 * documented field. A queue links to them (`Queue.agentRoutingProfileId`, `Queue.consumerRoutingProfileId`);
 * the profiles themselves name no queue. Priorities are ordered lists: order is meaning, so it is compared.
 */
const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();

const backupSkill = z.strictObject({
  backupSkillId: zoomId('Id of the backup skill.'),
  minimumProficiencyLevel: integer('Lowest proficiency level of the backup skill (1-5).', 1, 5).optional(),
});

const agentPriority = z.strictObject({
  categoryType: oneOf(['skill', 'intent'], 'What this priority routes on: a skill category or an intent group.'),
  skillCategoryId: zoomId('Skill category of this priority (categoryType `skill`).').optional(),
  intentGroupId: zoomId('Intent group of this priority (categoryType `intent`).').optional(),
  minimumProficiencyLevel: integer('Lowest proficiency level an agent needs (1-5), for proficiency categories.', 1, 5).optional(),
  skillCategoryRequired: flag('Whether agents must have a skill of the category.'),
  intentGroupRequired: flag('Whether agents must match the intent group.'),
  defaultSkillId: zoomId('Skill used when the engagement names none.').optional(),
  timeStep: integer('Seconds before this priority relaxes to the next (0-86400).', 0, 86_400).optional(),
  backupSkills: z
    .array(backupSkill, { error: 'expected a list of backup skills' })
    .max(50, { error: 'must list at most 50 backup skills' })
    .describe('Backup skills, in order.')
    .optional(),
});

export const agentRoutingProfileSpec = defineSpec<ZccAgentRoutingProfile>()({
  kind: 'AgentRoutingProfile',
  description:
    'An agent routing profile: which agents an engagement may go to, by skill category or intent priorities. Queues link to it with `agentRoutingProfileId`.',
  endpoint: agentRoutingProfilesEndpoint,
  idField: 'agent_routing_profile_id',
  listHasEveryField: true,
  idOutput: 'agentRoutingProfileId',
  inputSchema: z.strictObject({
    name: text('Profile name, unique in the account (1-128 characters). Renaming updates in place.', { min: 1, max: 128 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    waitTimeAgentInSeconds: integer('Seconds to wait for a matching agent (0-86400).', 0, 86_400).optional(),
    priorities: z
      .array(agentPriority, { error: 'expected a list of priorities' })
      .max(20, { error: 'must list at most 20 priorities' })
      .describe('Routing priorities, in order: the first is tried first. Order matters, so reordering is a change.')
      .optional(),
    timeSteps: z
      .array(integer('Seconds.', 0, 86_400), { error: 'expected a list of seconds' })
      .describe('Time steps, in seconds, in order.')
      .optional(),
    ignoreTransferringSkills: flag('Ignore the skills of a transferred engagement.'),
  }),
  apiFields: {
    name: 'agent_routing_profile_name',
    description: 'agent_routing_profile_description',
    waitTimeAgentInSeconds: 'wait_time_agent_in_seconds',
    priorities: 'priorities',
    timeSteps: 'time_steps',
    ignoreTransferringSkills: 'ignore_transferring_skills',
  },
  serverDefaults: { description: '' },
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      agentRoutingProfileId: { from: 'agent_routing_profile_id', type: 'string', required: true, description: 'The agent routing profile id.' },
      name: { from: 'agent_routing_profile_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'agent_routing_profile_description', type: 'string', description: 'The description.' },
    },
  },
  references: {
    'priorities[].skillCategoryId': 'SkillCategory',
    'priorities[].intentGroupId': 'IntentGroup',
    'priorities[].defaultSkillId': 'Skill',
    'priorities[].backupSkills[].backupSkillId': 'Skill',
  },
  uniqueName: true,
  naturalKey: ['name'],
  crossFieldCheck: (inputs) => {
    const failures: Array<[string, string]> = [];
    (inputs.priorities as Array<Record<string, unknown>> | undefined)?.forEach((priority, index) => {
      if (priority.categoryType === 'skill' && priority.skillCategoryId === undefined)
        failures.push(['priorities', `item ${index}: categoryType "skill" needs skillCategoryId.`]);
      if (priority.categoryType === 'intent' && priority.intentGroupId === undefined)
        failures.push(['priorities', `item ${index}: categoryType "intent" needs intentGroupId.`]);
    });
    return failures;
  },
  outputs: { agentRoutingProfileId: { description: 'The agent routing profile id ZCC assigned.' } },
  example: `const languages = zcc.getSkillCategory({ name: 'Languages' });
const frontline = new zcc.AgentRoutingProfile('frontline', {
  name: 'Frontline',
  waitTimeAgentInSeconds: 60,
  priorities: [{ categoryType: 'skill', skillCategoryId: languages.then((c) => c.skillCategoryId), minimumProficiencyLevel: 2, timeStep: 30 }],
});
new zcc.Queue('support', { name: 'Support', channel: 'voice', agentRoutingProfileId: frontline.agentRoutingProfileId });`,
});

const parameter = z
  .strictObject({
    ids: z.array(zoomId('An id.'), { error: 'expected a list of ids' }).describe('Ids the attribute matches (contacts, skills, …).').optional(),
    enterQueueStartTime: text('Start of the queue-entry window (as Zoom takes it, e.g. 09:00).', { max: 32 }).optional(),
    enterQueueEndTime: text('End of the queue-entry window.', { max: 32 }).optional(),
    enterQueueTimezone: text('Time zone of the window (e.g. America/New_York).', { max: 64 }).optional(),
    maxReturningMinutes: integer('Minutes within which a customer counts as returning (0-525600).', 0, 525_600).optional(),
    variableId: zoomId('Variable compared (address book or global variable).').optional(),
    variableValues: z
      .array(text('A value.', { max: 256 }), { error: 'expected a list of values' })
      .describe('Values the variable is compared with.')
      .optional(),
    operator: oneOf(['equal_to', 'greater_than', 'less_than', 'contains'], 'How the variable is compared.').optional(),
    comparedValue: text('Value the variable is compared with.', { max: 256 }).optional(),
  })
  .describe('Parameters of the attribute.');
const topPriority = z.strictObject({ attributeType: oneOf(CONSUMER_ATTRIBUTES, 'The consumer attribute.'), parameter: parameter.optional() });
const accumulatedPriority = z.strictObject({
  attributeType: oneOf(CONSUMER_ATTRIBUTES, 'The consumer attribute.'),
  incrementalRate: z.number({ error: 'expected a number' }).min(0, { error: 'must be 0 or more' }).describe('How fast the priority grows.'),
  parameter: parameter.optional(),
});

export const consumerRoutingProfileSpec = defineSpec<ZccConsumerRoutingProfile>()({
  kind: 'ConsumerRoutingProfile',
  description: 'A consumer routing profile: which waiting engagements go first, by consumer attributes. Queues link to it with `consumerRoutingProfileId`.',
  endpoint: consumerRoutingProfilesEndpoint,
  idField: 'consumer_routing_profile_id',
  listHasEveryField: true,
  idOutput: 'consumerRoutingProfileId',
  inputSchema: z.strictObject({
    name: text('Profile name, unique in the account (1-128 characters). Renaming updates in place.', { min: 1, max: 128 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    topPriorities: z
      .array(topPriority, { error: 'expected a list' })
      .max(20, { error: 'must list at most 20' })
      .describe('Attributes that put an engagement first, in order.')
      .optional(),
    accumulatedPriorities: z
      .array(accumulatedPriority, { error: 'expected a list' })
      .max(20, { error: 'must list at most 20' })
      .describe('Attributes that raise an engagement gradually, in order.')
      .optional(),
  }),
  apiFields: {
    name: 'consumer_routing_profile_name',
    description: 'consumer_routing_profile_description',
    topPriorities: 'top_priorities',
    accumulatedPriorities: 'accumulated_priorities',
  },
  serverDefaults: { description: '' },
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      consumerRoutingProfileId: { from: 'consumer_routing_profile_id', type: 'string', required: true, description: 'The consumer routing profile id.' },
      name: { from: 'consumer_routing_profile_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'consumer_routing_profile_description', type: 'string', description: 'The description.' },
    },
  },
  references: {
    'topPriorities[].parameter.ids[]': 'AttributeValue',
    'topPriorities[].parameter.variableId': 'Variable',
    'accumulatedPriorities[].parameter.ids[]': 'AttributeValue',
    'accumulatedPriorities[].parameter.variableId': 'Variable',
  },
  uniqueName: true,
  naturalKey: ['name'],
  outputs: { consumerRoutingProfileId: { description: 'The consumer routing profile id ZCC assigned.' } },
  example: `const vipFirst = new zcc.ConsumerRoutingProfile('vip-first', {
  name: 'VIP first',
  topPriorities: [{ attributeType: 'returning_customer', parameter: { maxReturningMinutes: 1440 } }],
  accumulatedPriorities: [{ attributeType: 'entrance_to_queue', incrementalRate: 1 }],
});
new zcc.Queue('vip', { name: 'VIP', channel: 'voice', consumerRoutingProfileId: vipFirst.consumerRoutingProfileId });`,
});
