import type { ZccClient } from '../../provider/client/client';
import * as schemas from './consoleSchemas';
import { endpoints } from '../../provider/client/endpoints';
import { apiPath } from '../../provider/client/paths';
import { userQueuesEndpoint } from '../../provider/specs/membershipSpecs';
import { skillUsersEndpoint } from '../../provider/specs/skillSpecs';

interface DateRange {
  from?: string;
  to?: string;
}

/**
 * Calls the provider never makes (operational data, reverse listings, opt-in status), which tests make to check the
 * emulator against Zoom's document and to act as a console user would; built on the client's generic requests.
 */
export class ConsoleCalls {
  constructor(private readonly client: ZccClient) {}

  listEngagements(
    query: DateRange & { queue_id?: string; channel?: 'voice' | 'video' | 'messaging' | 'email'; direction?: 'inbound' | 'outbound'; user_id?: string } = {},
  ) {
    return this.client.listAll('/contact_center/engagements', 'engagements', schemas.engagementSchema, 'medium', { ...query });
  }
  getEngagement(engagementId: string) {
    return this.client.http.request('GET', apiPath`/contact_center/engagements/${engagementId}`, { category: 'light', schema: schemas.engagementSchema });
  }
  async listEngagementEvents(engagementId: string) {
    const answer = await this.client.http.request('GET', apiPath`/contact_center/engagements/${engagementId}/events`, {
      category: 'medium',
      schema: schemas.engagementEventsSchema,
    });
    return answer.events ?? [];
  }
  listRecordings(query: DateRange & { channel?: 'voice' | 'video'; owner_type?: 'user' | 'queue'; recording_type?: 'on_demand' | 'automatic' } = {}) {
    return this.client.listAll('/contact_center/recordings', 'recordings', schemas.recordingSchema, 'heavy', { ...query });
  }
  listSms(query: DateRange & { direction?: 'inbound' | 'outbound'; user_id?: string; engagement_id?: string; consumer_number?: string } = {}) {
    return this.client.listAll('/contact_center/sms', 'sms', schemas.smsSchema, 'heavy', { ...query });
  }
  agentPerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.client.listAll('/contact_center/analytics/dataset/historical/agent_performance', 'users', schemas.agentPerformanceSchema, 'heavy', {
      ...query,
    });
  }
  queuePerformanceDataset(query: DateRange & { direction?: 'inbound' | 'outbound'; channel?: string } = {}) {
    return this.client.listAll('/contact_center/analytics/dataset/historical/queue_performance', 'queues', schemas.queuePerformanceSchema, 'heavy', {
      ...query,
    });
  }
  listUserQueues(userId: string, query: { user_assignment_type?: 'agent' | 'supervisor' | 'any' | 'both'; channel?: string } = {}) {
    return this.client.listOf(userQueuesEndpoint, [userId], { ...query });
  }
  listSkillUsers(skillId: string) {
    return this.client.listOf(skillUsersEndpoint, [skillId]);
  }
  /** 0, 1 or 2, as Zoom's `opt_in_out_status` (the document does not name the values). */
  setQueueAgentOptInOut(queueId: string, userId: string, optInOutStatus: 0 | 1 | 2) {
    return this.client.updateOne(endpoints.queueAgents, [queueId, userId], { opt_in_out_status: optInOutStatus });
  }
}

export const consoleCalls = (client: ZccClient) => new ConsoleCalls(client);
