import { z } from 'zod';

/**
 * The response shapes the client's own typed calls use (queue members, users, user skills, flows) and the page
 * wrapper. Every other kind's API shape is defined beside its spec (provider/specs). Unknown fields are dropped so
 * new server fields never break parsing.
 */

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

/** One page of a Zoom list: the items under `key`, plus `next_page_token` ("" or absent on the last page). */
export function pageSchema<T extends z.ZodType>(key: string, item: T) {
  return z.object({
    next_page_token: z.string().optional().default(''),
    page_size: z.number().optional(),
    total_records: z.number().optional(),
    [key]: z.array(item).optional().default([]),
  }) as unknown as z.ZodType<{ next_page_token: string; total_records?: number } & Record<string, z.infer<T>[]>>;
}
