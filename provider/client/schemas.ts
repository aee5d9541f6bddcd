import { z } from 'zod';

/** Response shapes of the ZCC API. Unknown fields are dropped so new server fields never break parsing. */
export const CHANNELS = ['voice', 'video', 'chat', 'sms', 'email'] as const;
export const ROUTING_METHODS = ['round_robin', 'skills_based', 'longest_idle', 'priority'] as const;
export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline', 'break'] as const;
export const SKILL_TYPES = ['text', 'proficiency'] as const;

export const queueSchema = z.object({
  queue_id: z.string(),
  name: z.string(),
  description: z.string().optional().default(''),
  channels: z.array(z.string()),
  routing_method: z.string(),
  max_wait_time: z.number(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type ZccQueue = z.infer<typeof queueSchema>;

export const queueAgentSchema = z.object({ user_id: z.string(), display_name: z.string().optional(), email: z.string().optional() });
export type ZccQueueAgent = z.infer<typeof queueAgentSchema>;

export const agentSchema = z.object({
  user_id: z.string(),
  display_name: z.string(),
  email: z.string(),
  role_name: z.string().optional(),
  max_engagements: z.number().optional(),
});
export type ZccAgent = z.infer<typeof agentSchema>;

export const agentStatusSchema = z.object({
  agent_id: z.string(),
  status: z.string(),
  status_since: z.string().optional(),
  channels: z.record(z.string(), z.string()).optional(),
  current_engagements: z.number().optional(),
  max_engagements: z.number().optional(),
});
export type ZccAgentStatus = z.infer<typeof agentStatusSchema>;

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

export const routingProfileSchema = z.object({
  routing_profile_id: z.string(),
  name: z.string(),
  description: z.string().optional().default(''),
  queue_ids: z.array(z.string()).optional().default([]),
});
export type ZccRoutingProfile = z.infer<typeof routingProfileSchema>;

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
