import type { z } from 'zod';
import { ZccHttp, type HttpMethod } from './http';
import type { RateCategory, ZccClientConfig } from './config';
import * as s from './schemas';
import { apiPath } from './paths';

export interface DateRange {
  from?: string;
  to?: string;
}

export interface QueueBody {
  name?: string;
  description?: string;
  channels?: string[];
  routing_method?: string;
  max_wait_time?: number;
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
export interface FlowBody {
  name?: string;
  description?: string;
  channel?: string;
  definition?: Record<string, unknown>;
}
export interface RoutingProfileBody {
  name?: string;
  description?: string;
  queue_ids?: string[];
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
  createQueue(body: QueueBody) {
    return this.call('POST', '/contact_center/queues', 'light', s.queueSchema, body);
  }
  getQueue(queueId: string) {
    return this.call('GET', apiPath`/contact_center/queues/${queueId}`, 'light', s.queueSchema);
  }
  updateQueue(queueId: string, body: QueueBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/queues/${queueId}`, 'light', undefined, body);
  }
  deleteQueue(queueId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/queues/${queueId}`, 'light');
  }
  listQueueAgents(queueId: string) {
    return this.listAll(apiPath`/contact_center/queues/${queueId}/agents`, 'agents', s.queueAgentSchema, 'medium', {}, 100);
  }
  /** Adding is idempotent in effect: retrying after a lost answer yields a 409 the caller can treat as done. */
  addQueueAgents(queueId: string, userIds: string[]) {
    return this.http.request<void>('POST', apiPath`/contact_center/queues/${queueId}/agents`, {
      category: 'medium',
      body: { user_ids: userIds },
      idempotent: true,
      objectKey: apiPath`/contact_center/queues/${queueId}/agents`,
    });
  }
  removeQueueAgent(queueId: string, userId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/queues/${queueId}/agents/${userId}`, 'medium', undefined, undefined, apiPath`/contact_center/queues/${queueId}/agents`);
  }

  // Agents
  listAgents(query: { search_key?: string } = {}) {
    return this.listAll('/contact_center/agents', 'agents', s.agentSchema, 'medium', { ...query });
  }
  getAgent(agentId: string) {
    return this.call('GET', apiPath`/contact_center/agents/${agentId}`, 'light', s.agentSchema);
  }
  updateAgent(agentId: string, body: { display_name?: string; role_name?: string; max_engagements?: number }) {
    return this.call<void>('PATCH', apiPath`/contact_center/agents/${agentId}`, 'light', undefined, body);
  }
  getAgentStatus(agentId: string) {
    return this.call('GET', apiPath`/contact_center/agents/${agentId}/status`, 'light', s.agentStatusSchema);
  }
  updateAgentStatus(agentId: string, status: (typeof s.AGENT_STATUSES)[number]) {
    return this.call<void>('PATCH', apiPath`/contact_center/agents/${agentId}/status`, 'light', undefined, { status });
  }

  // Engagements
  listEngagements(query: DateRange & { channel?: string } = {}) {
    return this.listAll('/contact_center/engagements', 'engagements', s.engagementSchema, 'medium', { ...query });
  }
  getEngagement(engagementId: string) {
    return this.call('GET', apiPath`/contact_center/engagements/${engagementId}`, 'light', s.engagementSchema);
  }
  listEngagementEvents(engagementId: string) {
    return this.listAll(apiPath`/contact_center/engagements/${engagementId}/events`, 'events', s.engagementEventSchema, 'medium');
  }

  // Voice calls and SMS (the list calls are account-scoped)
  listVoiceCalls(query: DateRange = {}) {
    return this.listAll(apiPath`/accounts/${this.config.accountId}/contact_center/voice_calls`, 'voice_calls', s.voiceCallSchema, 'heavy', { ...query });
  }
  getVoiceCall(callId: string) {
    return this.call('GET', apiPath`/contact_center/voice_calls/${callId}`, 'light', s.voiceCallSchema);
  }
  getVoiceCallRecording(callId: string) {
    return this.call('GET', apiPath`/contact_center/voice_calls/${callId}/recording`, 'light', s.recordingSchema);
  }
  listSms(query: DateRange = {}) {
    return this.listAll(apiPath`/accounts/${this.config.accountId}/contact_center/sms`, 'sms', s.smsLogSchema, 'heavy', { ...query });
  }
  getSms(engagementId: string) {
    return this.call('GET', apiPath`/contact_center/sms/${engagementId}`, 'light', s.smsDetailSchema);
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
  createFlow(body: FlowBody) {
    return this.call('POST', '/contact_center/flows', 'medium', s.flowSchema, body);
  }
  getFlow(flowId: string) {
    return this.call('GET', apiPath`/contact_center/flows/${flowId}`, 'light', s.flowSchema);
  }
  updateFlow(flowId: string, body: FlowBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/flows/${flowId}`, 'light', undefined, body);
  }
  publishFlow(flowId: string) {
    return this.call<void>('PUT', apiPath`/contact_center/flows/${flowId}/publish`, 'light', undefined, undefined, apiPath`/contact_center/flows/${flowId}`);
  }
  deleteFlow(flowId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/flows/${flowId}`, 'light');
  }

  // Routing profiles (update and delete are not in the document; servers without them answer 405)
  listRoutingProfiles() {
    return this.listAll('/contact_center/routing_profiles', 'routing_profiles', s.routingProfileSchema, 'medium');
  }
  createRoutingProfile(body: RoutingProfileBody) {
    return this.call('POST', '/contact_center/routing_profiles', 'light', s.routingProfileSchema, body);
  }
  getRoutingProfile(profileId: string) {
    return this.call('GET', apiPath`/contact_center/routing_profiles/${profileId}`, 'light', s.routingProfileSchema);
  }
  updateRoutingProfile(profileId: string, body: RoutingProfileBody) {
    return this.call<void>('PATCH', apiPath`/contact_center/routing_profiles/${profileId}`, 'light', undefined, body);
  }
  deleteRoutingProfile(profileId: string) {
    return this.call<void>('DELETE', apiPath`/contact_center/routing_profiles/${profileId}`, 'light');
  }

  // Reports
  agentPerformanceReport(query: DateRange = {}) {
    return this.listAll('/contact_center/reports/agent_performance', 'agents', s.agentPerformanceSchema, 'heavy', { ...query });
  }
  queuePerformanceReport(query: DateRange = {}) {
    return this.listAll('/contact_center/reports/queue_performance', 'queues', s.queuePerformanceSchema, 'heavy', { ...query });
  }
  engagementLogsReport(query: DateRange = {}) {
    return this.listAll('/contact_center/reports/engagement_logs', 'engagements', s.engagementSchema, 'heavy', { ...query });
  }
  historicalReport(query: DateRange = {}) {
    return this.listAll('/contact_center/reports/historical', 'data', s.historicalSchema, 'heavy', { ...query });
  }
}
