import { z } from 'zod';
import { ZccHttp, type HttpMethod } from './http';
import type { RateCategory, ZccClientConfig } from './config';
import * as s from './schemas';
import { apiPath } from './paths';

export interface DateRange {
  from?: string;
  to?: string;
}

/** POST /contact_center/queues. */
export interface QueueCreateBody {
  queue_name?: string;
  queue_description?: string;
  channel_types?: string[];
  channel?: 'voice' | 'video' | 'messaging' | 'email' | 'work_item';
}
/** PATCH /contact_center/queues/{queueId}: the documented fields the resources set (the API takes more). */
export interface QueueUpdateBody extends QueueCreateBody {
  max_wait_time?: number;
  wrap_up_time?: number;
  max_engagement_in_queue?: number;
  short_abandon?: { enable?: boolean; threshold?: number };
  distribution_type?: number;
  distribution_duration_in_seconds?: number;
  message_accept?: 'manual' | 'auto';
  overflow_to_goodbye_message?: boolean;
  overflow_to_goodbye_message_asset_id?: string;
  overflow_to_queue_id?: string;
  overflow_to_cc_queue_id?: string;
  overflow_to_flow_id?: string;
  overflow_to_inbox_id?: string;
  auto_close_message?: string;
  auto_close_message_enabled?: boolean;
  auto_close_timeout?: number;
  auto_close_alert_message?: string;
  auto_close_alert_message_enabled?: boolean;
  auto_close_alert_message_time?: number;
  service_level_threshold_in_seconds?: number;
  service_level_exclude_short_abandoned_calls?: boolean;
  service_level_exclude_long_abandoned_calls?: boolean;
  service_level_exclude_abandoned_quit_engagements?: boolean;
  service_level_target_in_percentage?: number;
  agent_routing_profile_id?: string;
  consumer_routing_profile_id?: string;
}
/** POST body; PATCH takes the same fields but `skill_type`. */
export interface SkillCategoryBody {
  max_proficiency_level?: number;
  skill_category_name?: string;
  skill_category_description?: string;
  skill_type?: 'text' | 'proficiency';
}
/** POST body; PATCH takes `skill_name` only. */
export interface SkillBody {
  skill_category_id?: string;
  skill_name?: string;
}
/** The text fields of a flow import (POST /contact_center/flows, multipart with the file as `flow_file`). */
export interface FlowImportFields {
  flow_name: string;
  flow_description?: string;
  flow_version_description?: string;
  import_mode: 'new' | 'version';
}
/** PATCH /contact_center/flows/{flowId}: `flow_version` is required. */
export interface FlowUpdateBody {
  flow_name?: string;
  flow_description?: string;
  flow_version_description?: string;
  flow_version: number;
}
/** POST/PATCH /contact_center/agent_routing_profiles (PATCH takes the same fields, all optional). */
export interface AgentRoutingProfileBody {
  agent_routing_profile_name?: string;
  agent_routing_profile_description?: string;
  wait_time_agent_in_seconds?: number;
  priorities?: Array<{
    category_type: 'skill' | 'intent';
    skill_category_id?: string;
    intent_group_id?: string;
    minimum_proficiency_level?: number;
    skill_category_required?: boolean;
    intent_group_required?: boolean;
    default_skill_id?: string;
    time_step?: number;
    backup_skills?: Array<{ backup_skill_id: string; minimum_proficiency_level?: number }>;
  }>;
  time_steps?: number[];
  ignore_transferring_skills?: boolean;
}
/** POST/PATCH /contact_center/consumer_routing_profiles. */
export interface ConsumerRoutingProfileBody {
  consumer_routing_profile_name?: string;
  consumer_routing_profile_description?: string;
  top_priorities?: Array<{ attribute_type: string; parameter?: Record<string, unknown> }>;
  accumulated_priorities?: Array<{ attribute_type: string; incremental_rate: number; parameter?: Record<string, unknown> }>;
}


/** A typed method for every ZCC endpoint, on top of ZccHttp's auth, limits, retries and error handling. */
export class ZccClient {
  readonly http: ZccHttp;

  constructor(readonly config: ZccClientConfig) {
    this.http = new ZccHttp(config);
  }

  /**
   * Iterates over every item of a paginated list, following next_page_token, with pages of the endpoint's
   * documented maximum size (`maxPageSize`: 300 unless the document says less).
   */
  async *paginate<T extends z.ZodType>(path: string, key: string, item: T, category: RateCategory, query: Record<string, string | number | undefined> = {}, maxPageSize = 300): AsyncGenerator<z.infer<T>> {
    const schema = s.pageSchema(key, item);
    const pageSize = Math.min(this.config.pageSize ?? maxPageSize, maxPageSize);
    let token = '';
    do {
      const page = await this.http.request('GET', path, { category, schema, query: { ...query, page_size: pageSize, next_page_token: token || undefined } });
      for (const entry of page[key] ?? []) yield entry;
      token = page.next_page_token ?? '';
    } while (token !== '');
  }

  async listAll<T extends z.ZodType>(path: string, key: string, item: T, category: RateCategory, query?: Record<string, string | number | undefined>, maxPageSize?: number): Promise<z.infer<T>[]> {
    const out: z.infer<T>[] = [];
    for await (const entry of this.paginate(path, key, item, category, query, maxPageSize)) out.push(entry);
    return out;
  }

  private call<T>(method: HttpMethod, path: string, category: RateCategory, schema?: z.ZodType<T>, body?: unknown, objectKey?: string): Promise<T> {
    return this.http.request(method, path, { category, schema, body, objectKey: objectKey ?? (method === 'POST' ? undefined : path) });
  }

  // Queues
  listQueues() {
    return this.listAll('/contact_center/queues', 'queues', s.queueSchema, 'medium');
  }
  createQueue(body: QueueCreateBody) {
    return this.call('POST', '/contact_center/queues', 'light', s.queueSchema, body);
  }
  getQueue(queueId: string) {
    return this.call('GET', apiPath`/contact_center/queues/${queueId}`, 'light', s.queueSchema);
  }
  updateQueue(queueId: string, body: QueueUpdateBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/queues/${queueId}`, 'light', undefined, body);
  }
  deleteQueue(queueId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/queues/${queueId}`, 'light');
  }
  // Queue agents and supervisors (at most 30 user ids per add; listed 100 per page)
  listQueueAgents(queueId: string) {
    return this.listAll(apiPath`/contact_center/queues/${queueId}/agents`, 'agents', s.queueMemberSchema, 'medium', {}, 100);
  }
  /** Adding is idempotent in effect: retrying after a lost answer yields a 409 the caller can treat as done. */
  addQueueAgents(queueId: string, userIds: string[]) {
    return this.addQueueMembers(queueId, 'agents', userIds);
  }
  removeQueueAgent(queueId: string, userId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/queues/${queueId}/agents/${userId}`, 'medium', undefined, undefined, apiPath`/contact_center/queues/${queueId}/agents`);
  }
  /** 0, 1 or 2, as Zoom's `opt_in_out_status` (the document does not name the values). */
  setQueueAgentOptInOut(queueId: string, userId: string, optInOutStatus: 0 | 1 | 2) {
    return this.call<void>('PATCH', apiPath`/contact_center/queues/${queueId}/agents/${userId}`, 'medium', undefined, { opt_in_out_status: optInOutStatus });
  }
  listQueueSupervisors(queueId: string) {
    return this.listAll(apiPath`/contact_center/queues/${queueId}/supervisors`, 'supervisors', s.queueMemberSchema, 'medium', {}, 100);
  }
  addQueueSupervisors(queueId: string, userIds: string[]) {
    return this.addQueueMembers(queueId, 'supervisors', userIds);
  }
  removeQueueSupervisor(queueId: string, userId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/queues/${queueId}/supervisors/${userId}`, 'medium', undefined, undefined, apiPath`/contact_center/queues/${queueId}/supervisors`);
  }
  private addQueueMembers(queueId: string, role: 'agents' | 'supervisors', userIds: string[]) {
    if (userIds.length > 30) throw new RangeError(`Zoom takes at most 30 user ids per call; got ${userIds.length}.`);
    const path = role === 'agents' ? apiPath`/contact_center/queues/${queueId}/agents` : apiPath`/contact_center/queues/${queueId}/supervisors`;
    return this.http.request('POST', path, { category: 'medium', body: { user_ids: userIds }, schema: s.queueMembersAddedSchema(role), idempotent: true, objectKey: path });
  }

  // Users (agents are users)
  listUsers(query: { search_key?: string; user_access?: 'active' | 'inactive'; region_id?: string } = {}) {
    return this.listAll('/contact_center/users', 'users', s.userSchema, 'medium', { ...query });
  }
  getUser(userId: string) {
    return this.call('GET', apiPath`/contact_center/users/${userId}`, 'light', s.userSchema);
  }
  listUserQueues(userId: string, query: { user_assignment_type?: 'agent' | 'supervisor' | 'any' | 'both'; channel?: string } = {}) {
    return this.listAll(apiPath`/contact_center/users/${userId}/queues`, 'queues', s.userQueueSchema, 'medium', { ...query });
  }
  listUserSkills(userId: string, query: { skill_category_id?: string; skill_type?: 'text' | 'proficiency' } = {}) {
    return this.listAll(apiPath`/contact_center/users/${userId}/skills`, 'skills', s.userSkillSchema, 'medium', { ...query });
  }
  /** Assigns skills; for proficiency skills `max_proficiency_level` is the user's level (the document's name). */
  assignUserSkills(userId: string, skills: Array<{ skill_id: string; max_proficiency_level?: number }>) {
    const path = apiPath`/contact_center/users/${userId}/skills`;
    return this.http.request<void>('POST', path, { category: 'light', body: { skills }, idempotent: true, objectKey: path });
  }
  removeUserSkill(userId: string, skillId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/users/${userId}/skills/${skillId}`, 'light', undefined, undefined, apiPath`/contact_center/users/${userId}/skills`);
  }
  listSkillUsers(skillId: string) {
    return this.listAll(apiPath`/contact_center/skills/${skillId}/users`, 'users', s.skillUserSchema, 'medium');
  }

  // Operational endpoints (Part 2): engagements, events, recordings, SMS
  listEngagements(query: DateRange & { queue_id?: string; channel?: 'voice' | 'video' | 'messaging' | 'email'; direction?: 'inbound' | 'outbound'; user_id?: string } = {}) {
    return this.listAll('/contact_center/engagements', 'engagements', s.engagementSchema, 'medium', { ...query });
  }
  getEngagement(engagementId: string) {
    return this.call('GET', apiPath`/contact_center/engagements/${engagementId}`, 'light', s.engagementSchema);
  }
  async listEngagementEvents(engagementId: string) {
    return (await this.call('GET', apiPath`/contact_center/engagements/${engagementId}/events`, 'medium', s.engagementEventsSchema)).events ?? [];
  }
  listRecordings(query: DateRange & { channel?: 'voice' | 'video'; owner_type?: 'user' | 'queue'; recording_type?: 'on_demand' | 'automatic' } = {}) {
    return this.listAll('/contact_center/recordings', 'recordings', s.recordingSchema, 'heavy', { ...query });
  }
  listSms(query: DateRange & { direction?: 'inbound' | 'outbound'; user_id?: string; engagement_id?: string; consumer_number?: string } = {}) {
    return this.listAll('/contact_center/sms', 'sms', s.smsSchema, 'heavy', { ...query });
  }

  // Skills and skill categories
  listSkillCategories() {
    return this.listAll('/contact_center/skills/categories', 'skill_categories', s.skillCategorySchema, 'medium');
  }
  createSkillCategory(body: SkillCategoryBody) {
    return this.call('POST', '/contact_center/skills/categories', 'light', s.skillCategorySchema, body);
  }
  getSkillCategory(categoryId: string) {
    return this.call('GET', apiPath`/contact_center/skills/categories/${categoryId}`, 'light', s.skillCategorySchema);
  }
  updateSkillCategory(categoryId: string, body: SkillCategoryBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/skills/categories/${categoryId}`, 'light', undefined, body);
  }
  deleteSkillCategory(categoryId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/skills/categories/${categoryId}`, 'light');
  }
  listSkills(query: { skill_category_id?: string; skill_type?: 'text' | 'proficiency' } = {}) {
    return this.listAll('/contact_center/skills', 'skills', s.skillSchema, 'medium', { ...query });
  }
  createSkill(body: SkillBody) {
    return this.call('POST', '/contact_center/skills', 'light', s.skillSchema, body);
  }
  getSkill(skillId: string) {
    return this.call('GET', apiPath`/contact_center/skills/${skillId}`, 'light', s.skillSchema);
  }
  updateSkill(skillId: string, body: SkillBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/skills/${skillId}`, 'light', undefined, body);
  }
  deleteSkill(skillId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/skills/${skillId}`, 'light');
  }

  // Flows
  listFlows() {
    return this.listAll('/contact_center/flows', 'flows', s.flowSchema, 'medium', {}, 100);
  }
  /**
   * Imports a flow file (Zoom Studio's JSON): `import_mode` `new` makes a flow, `version` adds a version to the
   * flow of the same name and channel. Not idempotent: after an ambiguous failure the caller looks it up.
   */
  importFlow(fields: FlowImportFields, file: string) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, String(value));
    form.append('flow_file', new Blob([file], { type: 'application/json' }), 'flow.json');
    return this.http.request('POST', '/contact_center/flows', { category: 'medium', schema: s.flowSchema, body: form, idempotent: false });
  }
  /** One version's file, as exported (the definition is nowhere else). Flow files may be up to 10 MB. */
  exportFlow(flowId: string, flowVersion: number) {
    return this.http.request('GET', apiPath`/contact_center/flows/${flowId}/export`, { category: 'light', query: { flow_version: flowVersion }, schema: z.unknown(), maxResponseBytes: 12 * 1024 * 1024 });
  }
  getFlow(flowId: string) {
    return this.call('GET', apiPath`/contact_center/flows/${flowId}`, 'light', s.flowSchema);
  }
  updateFlow(flowId: string, body: FlowUpdateBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/flows/${flowId}`, 'light', undefined, body);
  }
  /** Publishes one version, replacing the published one. */
  publishFlow(flowId: string, flowVersion: number) {
    return this.http.request<void>('PUT', apiPath`/contact_center/flows/${flowId}/publish`, { category: 'light', query: { flow_version: flowVersion }, objectKey: apiPath`/contact_center/flows/${flowId}` });
  }
  deleteFlow(flowId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/flows/${flowId}`, 'light');
  }

  // Agent and consumer routing profiles (agent profiles listed 100 per page)
  listAgentRoutingProfiles() {
    return this.listAll('/contact_center/agent_routing_profiles', 'agent_routing_profiles', s.agentRoutingProfileSchema, 'medium', {}, 100);
  }
  createAgentRoutingProfile(body: AgentRoutingProfileBody) {
    return this.call('POST', '/contact_center/agent_routing_profiles', 'light', s.agentRoutingProfileSchema, body);
  }
  getAgentRoutingProfile(profileId: string) {
    return this.call('GET', apiPath`/contact_center/agent_routing_profiles/${profileId}`, 'light', s.agentRoutingProfileSchema);
  }
  updateAgentRoutingProfile(profileId: string, body: AgentRoutingProfileBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/agent_routing_profiles/${profileId}`, 'light', undefined, body);
  }
  deleteAgentRoutingProfile(profileId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/agent_routing_profiles/${profileId}`, 'light');
  }
  listConsumerRoutingProfiles() {
    return this.listAll('/contact_center/consumer_routing_profiles', 'consumer_routing_profiles', s.consumerRoutingProfileSchema, 'medium');
  }
  createConsumerRoutingProfile(body: ConsumerRoutingProfileBody) {
    return this.call('POST', '/contact_center/consumer_routing_profiles', 'light', s.consumerRoutingProfileSchema, body);
  }
  getConsumerRoutingProfile(profileId: string) {
    return this.call('GET', apiPath`/contact_center/consumer_routing_profiles/${profileId}`, 'light', s.consumerRoutingProfileSchema);
  }
  updateConsumerRoutingProfile(profileId: string, body: ConsumerRoutingProfileBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/consumer_routing_profiles/${profileId}`, 'light', undefined, body);
  }
  deleteConsumerRoutingProfile(profileId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/consumer_routing_profiles/${profileId}`, 'light');
  }

  // Historical analytics datasets (Part 2)
  agentPerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.listAll('/contact_center/analytics/dataset/historical/agent_performance', 'users', s.agentPerformanceSchema, 'heavy', { ...query });
  }
  queuePerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.listAll('/contact_center/analytics/dataset/historical/queue_performance', 'queues', s.queuePerformanceSchema, 'heavy', { ...query });
  }
}
