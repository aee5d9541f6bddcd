import { z } from 'zod';
import { ZccHttp } from './http';
import type { RateCategory, ZccClientConfig } from './config';
import * as schemas from './schemas';
import { endpoints, fillPath, lockKeyOf, objectPath, objectTemplate, type Collection } from './endpoints';
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
  async *paginate<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query: Record<string, string | number | undefined> = {},
    maxPageSize = 300,
  ): AsyncGenerator<z.infer<T>> {
    for await (const page of this.pages(path, key, item, category, query, maxPageSize)) yield* page;
  }

  /**
   * The pages of a paginated list, one request per page and only when the caller asks for the next one, so a
   * caller that found what it looks for stops without reading the rest.
   */
  async *pages<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query: Record<string, string | number | undefined> = {},
    maxPageSize = 300,
  ): AsyncGenerator<Array<z.infer<T>>> {
    const schema = schemas.pageSchema(key, item);
    const pageSize = Math.min(this.config.pageSize ?? maxPageSize, maxPageSize);
    let token = '';
    do {
      const page = await this.http.request('GET', path, { category, schema, query: { ...query, page_size: pageSize, next_page_token: token || undefined } });
      yield page[key] ?? [];
      token = page.next_page_token ?? '';
    } while (token !== '');
  }

  async listAll<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query?: Record<string, string | number | undefined>,
    maxPageSize?: number,
  ): Promise<z.infer<T>[]> {
    const out: z.infer<T>[] = [];
    for await (const entry of this.paginate(path, key, item, category, query, maxPageSize)) out.push(entry);
    return out;
  }

  /** Every item of a collection; `ids` fill the placeholders of its path. */
  listOf<T>(collection: Collection<T>, ids: readonly string[] = [], query: Record<string, string | number | undefined> = {}): Promise<T[]> {
    return this.listAll(fillPath(collection.path, ids), collection.listKey, collection.item, collection.categories.list, query, collection.maxPageSize);
  }
  /** The pages of a collection's list (see `pages`). */
  pagesOf<T>(collection: Collection<T>, ids: readonly string[] = []): AsyncGenerator<T[]> {
    return this.pages(fillPath(collection.path, ids), collection.listKey, collection.item, collection.categories.list, {}, collection.maxPageSize);
  }
  /** POST to a collection. Not idempotent: after an ambiguous failure the caller looks the object up. */
  createIn<T>(collection: Collection<T>, body: unknown, ids: readonly string[] = []): Promise<T> {
    return this.http.request('POST', fillPath(collection.path, ids), {
      category: collection.categories.create,
      schema: collection.item,
      body,
      idempotent: false,
    });
  }
  /** GET one object; `ids` end with the object's own. */
  getOne<T>(collection: Collection<T>, ids: readonly string[]): Promise<T> {
    return this.http.request('GET', objectPath(collection, ids), { category: collection.categories.get, schema: collection.item });
  }
  updateOne(collection: Collection, ids: readonly string[], body: unknown): Promise<void> {
    return this.write('PATCH', collection, ids, collection.categories.update, body);
  }
  deleteOne(collection: Collection, ids: readonly string[]): Promise<void> {
    return this.write('DELETE', collection, ids, collection.categories.delete);
  }
  private write(method: 'PATCH' | 'DELETE', collection: Collection, ids: readonly string[], category: RateCategory, body?: unknown): Promise<void> {
    const template = objectTemplate(collection);
    return this.http.request<void>(method, fillPath(template, ids), { category, body, objectKey: lockKeyOf(template, ids) });
  }

  // Queues
  listQueues() {
    return this.listOf(endpoints.queues);
  }
  createQueue(body: QueueCreateBody) {
    return this.createIn(endpoints.queues, body);
  }
  getQueue(queueId: string) {
    return this.getOne(endpoints.queues, [queueId]);
  }
  updateQueue(queueId: string, body: QueueUpdateBody) {
    return this.updateOne(endpoints.queues, [queueId], body);
  }
  deleteQueue(queueId: string) {
    return this.deleteOne(endpoints.queues, [queueId]);
  }
  // Queue agents and supervisors (at most 30 user ids per add)
  listQueueAgents(queueId: string) {
    return this.listOf(endpoints.queueAgents, [queueId]);
  }
  /** Adding is idempotent in effect: retrying after a lost answer yields a 409 the caller can treat as done. */
  addQueueAgents(queueId: string, userIds: string[]) {
    return this.addQueueMembers(endpoints.queueAgents, 'agents', queueId, userIds);
  }
  removeQueueAgent(queueId: string, userId: string) {
    return this.deleteOne(endpoints.queueAgents, [queueId, userId]);
  }
  /** 0, 1 or 2, as Zoom's `opt_in_out_status` (the document does not name the values). */
  setQueueAgentOptInOut(queueId: string, userId: string, optInOutStatus: 0 | 1 | 2) {
    return this.updateOne(endpoints.queueAgents, [queueId, userId], { opt_in_out_status: optInOutStatus });
  }
  listQueueSupervisors(queueId: string) {
    return this.listOf(endpoints.queueSupervisors, [queueId]);
  }
  addQueueSupervisors(queueId: string, userIds: string[]) {
    return this.addQueueMembers(endpoints.queueSupervisors, 'supervisors', queueId, userIds);
  }
  removeQueueSupervisor(queueId: string, userId: string) {
    return this.deleteOne(endpoints.queueSupervisors, [queueId, userId]);
  }
  private addQueueMembers(collection: Collection, role: 'agents' | 'supervisors', queueId: string, userIds: string[]) {
    if (userIds.length > 30) throw new RangeError(`Zoom takes at most 30 user ids per call; got ${userIds.length}.`);
    return this.addTo(collection, [queueId], { user_ids: userIds }, schemas.queueMembersAddedSchema(role));
  }
  /**
   * POST that adds to a set (members, skills): idempotent in effect (adding what is there is a 409 the caller
   * takes as done), so it may be retried, and it holds the parent object's write lock.
   */
  private addTo<T>(collection: Collection, ids: readonly string[], body: unknown, schema?: z.ZodType<T>): Promise<T> {
    return this.http.request('POST', fillPath(collection.path, ids), {
      category: collection.categories.create,
      body,
      schema,
      idempotent: true,
      objectKey: lockKeyOf(collection.path, ids),
    });
  }

  // Users (agents are users)
  listUsers(query: { search_key?: string; user_access?: 'active' | 'inactive'; region_id?: string } = {}) {
    return this.listOf(endpoints.users, [], { ...query });
  }
  getUser(userId: string) {
    return this.getOne(endpoints.users, [userId]);
  }
  listUserQueues(userId: string, query: { user_assignment_type?: 'agent' | 'supervisor' | 'any' | 'both'; channel?: string } = {}) {
    return this.listOf(endpoints.userQueues, [userId], { ...query });
  }
  listUserSkills(userId: string, query: { skill_category_id?: string; skill_type?: 'text' | 'proficiency' } = {}) {
    return this.listOf(endpoints.userSkills, [userId], { ...query });
  }
  /** Assigns skills; for proficiency skills `max_proficiency_level` is the user's level (the document's name). */
  assignUserSkills(userId: string, skills: Array<{ skill_id: string; max_proficiency_level?: number }>) {
    return this.addTo<void>(endpoints.userSkills, [userId], { skills });
  }
  removeUserSkill(userId: string, skillId: string) {
    return this.deleteOne(endpoints.userSkills, [userId, skillId]);
  }
  listSkillUsers(skillId: string) {
    return this.listOf(endpoints.skillUsers, [skillId]);
  }

  // Operational endpoints (Part 2): engagements, events, recordings, SMS (read only, used nowhere else)
  listEngagements(
    query: DateRange & { queue_id?: string; channel?: 'voice' | 'video' | 'messaging' | 'email'; direction?: 'inbound' | 'outbound'; user_id?: string } = {},
  ) {
    return this.listAll('/contact_center/engagements', 'engagements', schemas.engagementSchema, 'medium', { ...query });
  }
  getEngagement(engagementId: string) {
    return this.http.request('GET', apiPath`/contact_center/engagements/${engagementId}`, { category: 'light', schema: schemas.engagementSchema });
  }
  async listEngagementEvents(engagementId: string) {
    const answer = await this.http.request('GET', apiPath`/contact_center/engagements/${engagementId}/events`, {
      category: 'medium',
      schema: schemas.engagementEventsSchema,
    });
    return answer.events ?? [];
  }
  listRecordings(query: DateRange & { channel?: 'voice' | 'video'; owner_type?: 'user' | 'queue'; recording_type?: 'on_demand' | 'automatic' } = {}) {
    return this.listAll('/contact_center/recordings', 'recordings', schemas.recordingSchema, 'heavy', { ...query });
  }
  listSms(query: DateRange & { direction?: 'inbound' | 'outbound'; user_id?: string; engagement_id?: string; consumer_number?: string } = {}) {
    return this.listAll('/contact_center/sms', 'sms', schemas.smsSchema, 'heavy', { ...query });
  }

  // Skills and skill categories
  listSkillCategories() {
    return this.listOf(endpoints.skillCategories);
  }
  createSkillCategory(body: SkillCategoryBody) {
    return this.createIn(endpoints.skillCategories, body);
  }
  getSkillCategory(categoryId: string) {
    return this.getOne(endpoints.skillCategories, [categoryId]);
  }
  updateSkillCategory(categoryId: string, body: SkillCategoryBody) {
    return this.updateOne(endpoints.skillCategories, [categoryId], body);
  }
  deleteSkillCategory(categoryId: string) {
    return this.deleteOne(endpoints.skillCategories, [categoryId]);
  }
  listSkills(query: { skill_category_id?: string; skill_type?: 'text' | 'proficiency' } = {}) {
    return this.listOf(endpoints.skills, [], { ...query });
  }
  createSkill(body: SkillBody) {
    return this.createIn(endpoints.skills, body);
  }
  getSkill(skillId: string) {
    return this.getOne(endpoints.skills, [skillId]);
  }
  updateSkill(skillId: string, body: SkillBody) {
    return this.updateOne(endpoints.skills, [skillId], body);
  }
  deleteSkill(skillId: string) {
    return this.deleteOne(endpoints.skills, [skillId]);
  }

  // Flows
  listFlows() {
    return this.listOf(endpoints.flows);
  }
  /**
   * Imports a flow file (Zoom Studio's JSON): `import_mode` `new` makes a flow, `version` adds a version to the
   * flow of the same name and channel. Not idempotent: after an ambiguous failure the caller looks it up.
   */
  importFlow(fields: FlowImportFields, file: string) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, String(value));
    form.append('flow_file', new Blob([file], { type: 'application/json' }), 'flow.json');
    return this.createIn(endpoints.flows, form);
  }
  /** One version's file, as exported (the definition is nowhere else). Flow files may be up to 10 MB. */
  exportFlow(flowId: string, flowVersion: number) {
    const path = `${objectPath(endpoints.flows, [flowId])}/export`;
    return this.http.request('GET', path, {
      category: endpoints.flows.categories.get,
      query: { flow_version: flowVersion },
      schema: z.unknown(),
      maxResponseBytes: 12 * 1024 * 1024,
    });
  }
  getFlow(flowId: string) {
    return this.getOne(endpoints.flows, [flowId]);
  }
  updateFlow(flowId: string, body: FlowUpdateBody) {
    return this.updateOne(endpoints.flows, [flowId], body);
  }
  /** Publishes one version, replacing the published one. */
  publishFlow(flowId: string, flowVersion: number) {
    const flow = objectPath(endpoints.flows, [flowId]);
    return this.http.request<void>('PUT', `${flow}/publish`, {
      category: endpoints.flows.categories.update,
      query: { flow_version: flowVersion },
      objectKey: flow,
    });
  }
  deleteFlow(flowId: string) {
    return this.deleteOne(endpoints.flows, [flowId]);
  }

  // Agent and consumer routing profiles
  listAgentRoutingProfiles() {
    return this.listOf(endpoints.agentRoutingProfiles);
  }
  createAgentRoutingProfile(body: AgentRoutingProfileBody) {
    return this.createIn(endpoints.agentRoutingProfiles, body);
  }
  getAgentRoutingProfile(profileId: string) {
    return this.getOne(endpoints.agentRoutingProfiles, [profileId]);
  }
  updateAgentRoutingProfile(profileId: string, body: AgentRoutingProfileBody) {
    return this.updateOne(endpoints.agentRoutingProfiles, [profileId], body);
  }
  deleteAgentRoutingProfile(profileId: string) {
    return this.deleteOne(endpoints.agentRoutingProfiles, [profileId]);
  }
  listConsumerRoutingProfiles() {
    return this.listOf(endpoints.consumerRoutingProfiles);
  }
  createConsumerRoutingProfile(body: ConsumerRoutingProfileBody) {
    return this.createIn(endpoints.consumerRoutingProfiles, body);
  }
  getConsumerRoutingProfile(profileId: string) {
    return this.getOne(endpoints.consumerRoutingProfiles, [profileId]);
  }
  updateConsumerRoutingProfile(profileId: string, body: ConsumerRoutingProfileBody) {
    return this.updateOne(endpoints.consumerRoutingProfiles, [profileId], body);
  }
  deleteConsumerRoutingProfile(profileId: string) {
    return this.deleteOne(endpoints.consumerRoutingProfiles, [profileId]);
  }

  // Historical analytics datasets (Part 2)
  agentPerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.listAll('/contact_center/analytics/dataset/historical/agent_performance', 'users', schemas.agentPerformanceSchema, 'heavy', { ...query });
  }
  queuePerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.listAll('/contact_center/analytics/dataset/historical/queue_performance', 'queues', schemas.queuePerformanceSchema, 'heavy', { ...query });
  }
}
