import { z } from 'zod';

/** Response shapes of the ZCC API. Unknown fields are dropped so new server fields never break parsing. */
export const CHANNELS = ['voice', 'video', 'chat', 'sms', 'email'] as const;
export const SKILL_TYPES = ['text', 'proficiency'] as const;

/** `channel` of a queue (official); `channel_types` is the legacy, finer list. */
export const QUEUE_CHANNELS = ['voice', 'video', 'messaging', 'email', 'work_item'] as const;

/**
 * A queue as GET /contact_center/queues/{queueId} answers (every field the resources read), also used for the
 * create answer and list items, which carry fewer fields: all but the ids and name are optional.
 */
export const queueSchema = z.object({
  queue_id: z.string(),
  cc_queue_id: z.string().optional(),
  queue_name: z.string(),
  queue_description: z.string().optional(),
  channel: z.enum(QUEUE_CHANNELS).optional(),
  channel_types: z.array(z.string()).optional(),
  agents_count: z.number().optional(),
  supervisors_count: z.number().optional(),
  max_wait_time: z.number().optional(),
  wrap_up_time: z.number().optional(),
  max_engagement_in_queue: z.number().optional(),
  short_abandon: z.object({ enable: z.boolean().optional(), threshold: z.number().optional() }).optional(),
  distribution_type: z.number().optional(),
  distribution_duration_in_seconds: z.number().optional(),
  message_accept: z.enum(['manual', 'auto']).optional(),
  overflow_type: z.number().optional(),
  overflow_to_goodbye_message: z.boolean().optional(),
  overflow_to_goodbye_message_asset_id: z.string().optional(),
  overflow_to_queue_id: z.string().optional(),
  overflow_to_cc_queue_id: z.string().optional(),
  overflow_to_flow_id: z.string().optional(),
  overflow_to_inbox_id: z.string().optional(),
  auto_close_message: z.string().optional(),
  auto_close_message_enabled: z.boolean().optional(),
  auto_close_timeout: z.number().optional(),
  auto_close_alert_message: z.string().optional(),
  auto_close_alert_message_enabled: z.boolean().optional(),
  auto_close_alert_message_time: z.number().optional(),
  service_level_threshold_in_seconds: z.number().optional(),
  service_level_exclude_short_abandoned_calls: z.boolean().optional(),
  service_level_exclude_long_abandoned_calls: z.boolean().optional(),
  service_level_exclude_abandoned_quit_engagements: z.boolean().optional(),
  service_level_target_in_percentage: z.number().optional(),
  agent_routing_profile_id: z.string().optional(),
  agent_routing_profile_name: z.string().optional(),
  consumer_routing_profile_id: z.string().optional(),
  consumer_routing_profile_name: z.string().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccQueue = z.infer<typeof queueSchema>;

/** A member of a queue: GET /contact_center/queues/{queueId}/agents and …/supervisors (official shapes). */
export const queueMemberSchema = z.object({
  user_id: z.string(),
  cc_user_id: z.string().optional(),
  display_name: z.string().optional(),
  user_email: z.string().optional(),
  role_id: z.string().optional(),
  role_name: z.string().optional(),
  status_name: z.string().optional(),
  user_access: z.enum(['active', 'inactive']).optional(),
  opt_in_out_status: z.number().optional(),
});
export type ZccQueueMember = z.infer<typeof queueMemberSchema>;

/** The answer to POST …/agents or …/supervisors: the members now assigned. */
export const queueMembersAddedSchema = (role: 'agents' | 'supervisors') => z.object({ [role]: z.array(queueMemberSchema).optional() });

/** A user of a skill: GET /contact_center/skills/{skillId}/users. */
export const skillUserSchema = z.object({ user_id: z.string(), cc_user_id: z.string().optional(), display_name: z.string().optional(), user_email: z.string().optional() });

/** A Contact Center user (agents are users): GET /contact_center/users and /users/{userId}. */
export const userSchema = z.object({
  user_id: z.string(),
  cc_user_id: z.string().optional(),
  display_name: z.string().optional(),
  user_email: z.string(),
  role_id: z.string().optional(),
  role_name: z.string().optional(),
  status_id: z.string().optional(),
  status_name: z.string().optional(),
  user_access: z.enum(['active', 'inactive']).optional(),
  country_iso_code: z.string().optional(),
  region_id: z.string().optional(),
  region_name: z.string().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccUser = z.infer<typeof userSchema>;

/** A skill a user holds: GET /contact_center/users/{userId}/skills. */
export const userSkillSchema = z.object({
  skill_id: z.string(),
  skill_name: z.string().optional(),
  skill_type: z.string().optional(),
  max_proficiency_level: z.number().optional(),
  user_proficiency_level: z.number().optional(),
  skill_category_id: z.string().optional(),
  skill_category_name: z.string().optional(),
});
export type ZccUserSkill = z.infer<typeof userSkillSchema>;

/** A queue of a user: GET /contact_center/users/{userId}/queues. */
export const userQueueSchema = z.object({
  queue_id: z.string(),
  cc_queue_id: z.string().optional(),
  queue_name: z.string().optional(),
  channel: z.string().optional(),
  user_assignment_type: z.enum(['agent', 'supervisor', 'both']).optional(),
});

// Skill categories and skills: GET/POST /contact_center/skills/categories, /contact_center/skills (official shapes).
export const skillCategorySchema = z.object({
  skill_category_id: z.string(),
  skill_category_name: z.string(),
  skill_category_description: z.string().optional().default(''),
  skill_type: z.enum(SKILL_TYPES),
  max_proficiency_level: z.number().optional(),
  total_agent_routing_profiles: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccSkillCategory = z.infer<typeof skillCategorySchema>;

export const skillSchema = z.object({
  skill_id: z.string(),
  skill_name: z.string(),
  skill_type: z.enum(SKILL_TYPES).optional(),
  max_proficiency_level: z.number().optional(),
  skill_category_name: z.string().optional(),
  skill_category_id: z.string(),
  total_users: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccSkill = z.infer<typeof skillSchema>;

export const flowSchema = z.object({
  flow_id: z.string(),
  name: z.string(),
  description: z.string().optional().default(''),
  channel: z.string(),
  definition: z.record(z.string(), z.unknown()).optional().default({}),
  status: z.string().optional(),
  version: z.number().optional(),
  published_at: z.string().nullable().optional(),
});
export type ZccFlow = z.infer<typeof flowSchema>;

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
  backup_skills: z.array(z.object({ backup_skill_id: z.string(), backup_skill_name: z.string().optional(), minimum_proficiency_level: z.number().optional() })).optional(),
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

const CONSUMER_ATTRIBUTES = ['address_book_contacts', 'entrance_to_queue', 'new_customer', 'returning_customer', 'release_to_queue', 'skills', 'address_book_variable', 'global_variable'] as const;
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
  accumulated_priorities: z.array(z.object({ attribute_type: z.enum(CONSUMER_ATTRIBUTES), incremental_rate: z.number(), parameter: consumerParameter.optional() })).optional(),
});
export type ZccConsumerRoutingProfile = z.infer<typeof consumerRoutingProfileSchema>;

export const engagementSchema = z.object({
  engagement_id: z.string(),
  channel: z.string(),
  direction: z.string().optional(),
  queue_id: z.string().optional(),
  agent_id: z.string().optional(),
  start_time: z.string(),
  end_time: z.string().optional(),
  duration: z.number().optional(),
  disposition: z.string().optional(),
});
export type ZccEngagement = z.infer<typeof engagementSchema>;

export const engagementEventSchema = z.object({ event_id: z.string(), event_type: z.string(), time: z.string(), detail: z.string().optional() });
export type ZccEngagementEvent = z.infer<typeof engagementEventSchema>;

const party = z.object({ user_id: z.string().optional(), display_name: z.string().optional() });
export const voiceCallSchema = z.object({
  engagement_id: z.string(),
  call_id: z.string().optional(),
  call_type: z.string().optional(),
  direction: z.string().optional(),
  start_time: z.string(),
  end_time: z.string().optional(),
  duration: z.number().optional(),
  agent: party.optional(),
  consumer: z.object({ phone_number: z.string().optional() }).optional(),
  queue: z.object({ queue_id: z.string().optional(), queue_name: z.string().optional() }).optional(),
  disposition: z.string().optional(),
});
export type ZccVoiceCall = z.infer<typeof voiceCallSchema>;

export const recordingSchema = z.object({ call_id: z.string(), recording_id: z.string(), download_url: z.string(), duration: z.number().optional(), file_type: z.string().optional() });
export type ZccRecording = z.infer<typeof recordingSchema>;

export const smsLogSchema = z.object({
  engagement_id: z.string(),
  direction: z.string().optional(),
  start_time: z.string(),
  end_time: z.string().optional(),
  agent: party.optional(),
  consumer: z.object({ phone_number: z.string().optional() }).optional(),
  message_count: z.number().optional(),
});
export type ZccSmsLog = z.infer<typeof smsLogSchema>;

export const smsDetailSchema = smsLogSchema.extend({
  messages: z.array(z.object({ message_id: z.string(), direction: z.string(), body: z.string(), sent_time: z.string() })),
});
export type ZccSmsDetail = z.infer<typeof smsDetailSchema>;

export const agentPerformanceSchema = z.object({ user_id: z.string(), display_name: z.string().optional(), engagements_handled: z.number(), total_handle_time: z.number(), average_handle_time: z.number() });
export const queuePerformanceSchema = z.object({ queue_id: z.string(), queue_name: z.string().optional(), engagements: z.number(), abandoned: z.number(), average_wait_time: z.number() });
export const historicalSchema = z.object({ date: z.string(), engagements: z.number(), total_duration: z.number() });

/** One page of a Zoom list: the items under `key`, plus `next_page_token` ("" or absent on the last page). */
export function pageSchema<T extends z.ZodType>(key: string, item: T) {
  return z.object({
    next_page_token: z.string().optional().default(''),
    page_size: z.number().optional(),
    total_records: z.number().optional(),
    [key]: z.array(item).optional().default([]),
  }) as unknown as z.ZodType<{ next_page_token: string; total_records?: number } & Record<string, z.infer<T>[]>>;
}
