import { z } from 'zod';

/** Response shapes of the ZCC API. Unknown fields are dropped so new server fields never break parsing. */
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
export const skillUserSchema = z.object({
  user_id: z.string(),
  cc_user_id: z.string().optional(),
  display_name: z.string().optional(),
  user_email: z.string().optional(),
});

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

export const DISPOSITION_STATUSES = ['active', 'inactive'] as const;

/** A disposition (wrap-up code): the list item, or GET, which adds `sub_dispositions`. */
export const dispositionSchema = z.object({
  disposition_id: z.string(),
  disposition_name: z.string(),
  disposition_description: z.string().optional(),
  status: z.enum(DISPOSITION_STATUSES).optional(),
  disposition_type: z.enum(['single', 'multi_level']).optional(),
  sub_dispositions: z
    .array(z.object({ sub_disposition_id: z.string().optional(), sub_disposition_name: z.string(), current_index: z.number(), parent_index: z.number() }))
    .optional(),
  queue_count: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccDisposition = z.infer<typeof dispositionSchema>;

/** A disposition set: the list item counts its dispositions; GET and create list them. */
export const dispositionSetSchema = z.object({
  disposition_set_id: z.string(),
  disposition_set_name: z.string(),
  disposition_set_description: z.string().optional(),
  status: z.enum(DISPOSITION_STATUSES).optional(),
  dispositions: z.array(z.object({ disposition_id: z.string(), disposition_name: z.string().optional() })).optional(),
  dispositions_count: z.number().optional(),
  queues_count: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccDispositionSet = z.infer<typeof dispositionSetSchema>;

export const variableGroupSchema = z.object({
  variable_group_id: z.string(),
  variable_group_name: z.string(),
  variable_group_description: z.string().optional(),
  variable_group_type: z.enum(['system', 'custom']).optional(),
  variable_group_variables_count: z.number().optional(),
});
export type ZccVariableGroup = z.infer<typeof variableGroupSchema>;

/** Business hours: the list item carries every field of the GET but the description. */
export const businessHoursSchema = z.object({
  business_hour_id: z.string(),
  business_hour_name: z.string(),
  business_hour_description: z.string().optional(),
  timezone: z.string().optional(),
  account_default: z.boolean().optional(),
  queues_count: z.number().optional(),
  flows_count: z.number().optional(),
  hours: z
    .object({
      hour_type: z.number().optional(),
      custom_hours: z
        .array(
          z.object({
            day_of_week: z.number().optional(),
            custom_hour_type: z.number().optional(),
            custom_hour_ranges: z.array(z.object({ start_time: z.string().optional(), end_time: z.string().optional() })).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type ZccBusinessHours = z.infer<typeof businessHoursSchema>;

/** A closure set; the list item and the GET carry its closures (the list leaves out the description). */
export const closureSetSchema = z.object({
  closure_set_id: z.string(),
  closure_set_name: z.string(),
  closure_set_description: z.string().optional(),
  timezone: z.string().optional(),
  account_default: z.boolean().optional(),
  queues_count: z.number().optional(),
  flows_count: z.number().optional(),
  closures: z
    .array(
      z.object({
        closure_id: z.string().optional(),
        closure_name: z.string(),
        closure_hour_type: z.number(),
        start_time: z.string(),
        end_time: z.string(),
        recurring_frequency: z.number(),
        recurring_frequency_type: z.number().optional(),
        recurring_month: z.number().optional(),
        recurring_week_interval: z.number().optional(),
        recurring_days_of_week: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
export type ZccClosureSet = z.infer<typeof closureSetSchema>;

/** GET /business_hours/{businessHourId}/queues and /closures/{closureSetId}/queues: the queues that use them. */
export const usingQueueSchema = z.object({ queue_id: z.string(), cc_queue_id: z.string().optional(), queue_name: z.string() });

/** GET /queues/{queueId}/operating_hours. */
export const queueOperatingHoursSchema = z.object({
  business_hour_id: z.string(),
  business_hour_name: z.string(),
  closure_set_id: z.string().optional(),
  closure_set_name: z.string().optional(),
  account_default_business_hour: z.boolean(),
  account_default_closure_set: z.boolean().optional(),
  operating_hours_overflow_enabled: z.boolean().optional(),
});
export type ZccQueueOperatingHours = z.infer<typeof queueOperatingHoursSchema>;

/** A disposition or set a queue offers, as `/queues/{queueId}/dispositions(/sets)` list them. */
export const queueDispositionSchema = z.object({
  disposition_id: z.string(),
  disposition_name: z.string().optional(),
  assign_type: z.enum(['inbound', 'outbound']).optional(),
});
export const queueDispositionSetSchema = z.object({
  disposition_set_id: z.string(),
  disposition_set_name: z.string().optional(),
  assign_type: z.enum(['inbound', 'outbound']).optional(),
});

export const VARIABLE_DATA_TYPES = ['string', 'number', 'boolean', 'date_time', 'currency', 'percentage', 'email', 'url', 'phone', 'json', 'array'] as const;

/** A variable: the list item (listed per group), or the GET, which adds the settings and the address books. */
export const variableSchema = z.object({
  variable_id: z.string(),
  variable_group_id: z.string(),
  variable_name: z.string(),
  variable_description: z.string().optional(),
  variable_type: z.enum(['global_variable', 'address_book_variable']).optional(),
  data_type: z.enum(VARIABLE_DATA_TYPES).optional(),
  default_value: z.string().optional(),
  values: z.array(z.string()).optional(),
  value_category: z.string().optional(),
  mask_variable_data: z.boolean().optional(),
  use_in_reporting: z.boolean().optional(),
  use_as_routing_profile_parameters: z.boolean().optional(),
  linked_value_lock: z.boolean().optional(),
  use_in_external_url_parameters: z.boolean().optional(),
  client_show_in_client_profile_section: z.boolean().optional(),
  client_show_in_client_engagement_section: z.boolean().optional(),
  client_show_in_inbound_call_notifications: z.boolean().optional(),
  address_books: z.array(z.object({ address_book_id: z.string().optional() })).optional(),
  used_in_address_book_count: z.number().optional(),
});
export type ZccVariable = z.infer<typeof variableSchema>;

export const INBOX_LOCATIONS = ['US', 'AU', 'BR', 'CA', 'DE', 'JP', 'SG'] as const;

/** A voicemail inbox: the list item (counts and time), or the GET with its voicemail settings. */
export const inboxSchema = z.object({
  inbox_id: z.string(),
  inbox_name: z.string(),
  inbox_description: z.string().optional(),
  inbox_type: z.literal('voicemail').optional(),
  inbox_content_storage_location: z.enum(INBOX_LOCATIONS).optional(),
  access_user_count: z.number().optional(),
  access_queue_count: z.number().optional(),
  voicemail: z.record(z.string(), z.unknown()).optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccInbox = z.infer<typeof inboxSchema>;

/** A team: the list item carries every field of the GET. */
export const teamSchema = z.object({
  team_id: z.string(),
  team_name: z.string(),
  team_description: z.string().optional(),
  parent_team_id: z.string().optional(),
  parent_team_name: z.string().optional(),
  created_time: z.string().optional(),
  modify_time: z.string().optional(),
});
export type ZccTeam = z.infer<typeof teamSchema>;

export const teamMemberSchema = z.object({
  user_id: z.string(),
  user_display_name: z.string().optional(),
  user_email: z.string().optional(),
  cc_user_id: z.string().optional(),
});

/** An entry point as a flow lists it (GET /flows/{flowId}/entry_points) or the account lists them (per channel). */
export const entryPointSchema = z.object({
  entry_id: z.string(),
  entry_number: z.string().optional(),
  entry_email: z.string().optional(),
  entry_name: z.string().optional(),
  entry_number_type: z.number().optional(),
  entry_number_country_code: z.string().optional(),
  entry_number_area_code: z.string().optional(),
  entry_language: z.string().optional(),
  customer_identity_source: z.enum(['from', 'reply_to']).optional(),
  channel: z.string().optional(),
  channel_source: z.string().optional(),
});
export type ZccEntryPoint = z.infer<typeof entryPointSchema>;

/** GET /flows/{flowId}/entry_points: one answer, not paged. */
export const flowEntryPointsSchema = z.object({
  entry_points: z.array(entryPointSchema).optional(),
  enable_detect_language: z.boolean().optional(),
  channel: z.string().optional(),
  channel_source: z.string().optional(),
});

/** A flow as GET/POST /contact_center/flows answer (official shapes); its definition is only in the export. */
export const flowSchema = z.object({
  /** The entry points that reach the flow (in the list and the GET). */
  entry_points: z.array(z.object({ entry_id: z.string().optional(), entry_name: z.string().optional(), entry_number: z.string().optional() })).optional(),
  flow_id: z.string(),
  flow_name: z.string(),
  flow_description: z.string().optional(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  channel_source: z.string().optional(),
  status: z.string().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
  flow_versions: z
    .array(
      z.object({
        flow_version_id: z.string().optional(),
        flow_version_description: z.string().optional(),
        flow_version_status: z.string().optional(),
        flow_version: z.number(),
        flow_version_modified_by: z.string().optional(),
        flow_version_last_modified_time: z.string().optional(),
      }),
    )
    .optional(),
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

/** One page of a Zoom list: the items under `key`, plus `next_page_token` ("" or absent on the last page). */
export function pageSchema<T extends z.ZodType>(key: string, item: T) {
  return z.object({
    next_page_token: z.string().optional().default(''),
    page_size: z.number().optional(),
    total_records: z.number().optional(),
    [key]: z.array(item).optional().default([]),
  }) as unknown as z.ZodType<{ next_page_token: string; total_records?: number } & Record<string, z.infer<T>[]>>;
}
