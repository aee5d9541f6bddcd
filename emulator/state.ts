import { Table } from './store';

export const CHANNELS = ['voice', 'video', 'chat', 'sms', 'email'] as const;
export const ROUTING_METHODS = ['round_robin', 'skills_based', 'longest_idle', 'priority'] as const;
export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline', 'break'] as const;
export const SKILL_TYPES = ['text', 'proficiency'] as const;

export interface QueueRow {
  queue_id: string;
  name: string;
  description: string;
  channels: string[];
  routing_method: string;
  max_wait_time: number;
  created_at: string;
  updated_at: string;
}
export interface AgentRow {
  user_id: string;
  display_name: string;
  email: string;
  role_name: string;
  max_engagements: number;
  status: string;
  status_since: string;
}
export interface SkillCategoryRow {
  skill_category_id: string;
  skill_category_name: string;
  skill_category_description: string;
  skill_type: string;
  max_proficiency_level?: number;
  modified_by: string;
  last_modified_time: string;
}
export interface SkillRow {
  skill_id: string;
  skill_name: string;
  skill_category_id: string;
  modified_by: string;
  last_modified_time: string;
}
/** One skill a user holds, with the user's level in proficiency categories. */
export interface UserSkillRow {
  skill_id: string;
  user_proficiency_level?: number;
}
export interface FlowRow {
  flow_id: string;
  name: string;
  description: string;
  channel: string;
  definition: Record<string, unknown>;
  status: 'draft' | 'published';
  version: number;
  published_at: string | null;
  updated_at: string;
}
export interface RoutingProfileRow {
  routing_profile_id: string;
  name: string;
  description: string;
  queue_ids: string[];
}
export interface EngagementRow {
  engagement_id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  queue_id: string;
  queue_name: string;
  agent_id: string;
  agent_name: string;
  start_time: string;
  end_time: string;
  duration: number;
  wait_time: number;
  disposition: string;
  consumer_phone: string;
  has_recording: boolean;
}
export interface EngagementEventRow {
  engagement_id: string;
  event_id: string;
  event_type: string;
  time: string;
  detail: string;
}

/** Everything the emulator holds; reset replaces it wholesale. */
export class EmulatorState {
  readonly queues = new Table<QueueRow>('queues', 'queue_id');
  readonly agents = new Table<AgentRow>('agents', 'user_id');
  /** queue id → agent ids, in the order they were assigned. */
  readonly queueAgents = new Map<string, string[]>();
  readonly skillCategories = new Table<SkillCategoryRow>('skill_categories', 'skill_category_id');
  readonly skills = new Table<SkillRow>('skills', 'skill_id');
  /** user id → the skills the user holds. */
  readonly userSkills = new Map<string, UserSkillRow[]>();
  readonly flows = new Table<FlowRow>('flows', 'flow_id');
  readonly routingProfiles = new Table<RoutingProfileRow>('routing_profiles', 'routing_profile_id');
  readonly engagements = new Table<EngagementRow>('engagements', 'engagement_id');
  readonly engagementEvents = new Map<string, EngagementEventRow[]>();

  /** The collections the control surface may read and change behind the provider's back. */
  tables(): Record<string, Table<object>> {
    return {
      queues: this.queues,
      agents: this.agents,
      skill_categories: this.skillCategories,
      skills: this.skills,
      flows: this.flows,
      routing_profiles: this.routingProfiles,
      engagements: this.engagements,
    } as Record<string, Table<object>>;
  }
}
