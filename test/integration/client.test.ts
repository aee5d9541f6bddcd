import type { RequestLog } from '../../emulator/control';
import { startEmulator, type Emulator } from '../../emulator/server';
import { ZccClient } from '../../provider/client/client';
import { ZccApiError } from '../../provider/client/errors';
import { queueSchema } from '../../provider/specs/queueSpec';
import { control as callControl } from './emulatorEnv';
import { endpoints } from '../../provider/client/endpoints';
import { consoleCalls } from '../support/consoleCalls';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { agentRoutingProfilesEndpoint, consumerRoutingProfilesEndpoint } from '../../provider/specs/routingProfileSpecs';
import { skillCategoriesEndpoint, skillsEndpoint } from '../../provider/specs/skillSpecs';

jest.setTimeout(60_000);

let emulator: Emulator;
let client: ZccClient;

const control = (method: string, route: string, body?: unknown) => callControl(emulator, method, route, body);

const log = () => control('GET', '/requests') as Promise<RequestLog>;

function newClient(overrides: Partial<ConstructorParameters<typeof ZccClient>[0]> = {}) {
  return new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'business', backoffMs: { min: 5, max: 20 }, ...overrides });
}

beforeAll(async () => {
  emulator = await startEmulator({ plan: 'business' });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control('POST', '/reset');
  client = newClient();
});

async function expectApiError(promise: Promise<unknown>, status: number): Promise<ZccApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZccApiError);
  expect((error as ZccApiError).status).toBe(status);
  return error as ZccApiError;
}

describe('every endpoint of the ZCC API document', () => {
  it('queues and queue agents', async () => {
    const queue = await client.createIn(queuesEndpoint, { queue_name: 'Sales', channel: 'voice' });
    expect(queue).toMatchObject({ queue_name: 'Sales', channel: 'voice', queue_description: '' });
    expect(queue.cc_queue_id).toBeDefined();
    // Settings are PATCH-only; the path takes either id, or the name with queue_identifier_type=name.
    await client.updateOne(queuesEndpoint, [queue.cc_queue_id!], {
      queue_description: 'Inbound sales',
      max_wait_time: 240,
      short_abandon: { enable: true, threshold: 8 },
    });
    expect(await client.getOne(queuesEndpoint, [queue.queue_id])).toMatchObject({
      queue_id: queue.queue_id,
      queue_description: 'Inbound sales',
      max_wait_time: 240,
      short_abandon: { enable: true, threshold: 8 },
    });
    const byName = await client.http.request('GET', '/contact_center/queues/Sales', {
      category: 'light',
      query: { queue_identifier_type: 'name' },
      schema: queueSchema,
    });
    expect(byName.queue_id).toBe(queue.queue_id);
    expect((await client.listOf(queuesEndpoint)).map((q) => [q.queue_name, q.agents_count])).toEqual([['Sales', 0]]);
    await client.addQueueAgents(queue.queue_id, ['agent_001', 'agent_002']);
    expect((await client.listQueueAgents(queue.queue_id)).map((a) => a.user_id)).toEqual(['agent_001', 'agent_002']);
    await client.removeQueueAgent(queue.queue_id, 'agent_001');
    expect((await client.listQueueAgents(queue.queue_id)).map((a) => a.user_id)).toEqual(['agent_002']);
    await client.deleteOne(queuesEndpoint, [queue.queue_id]);
    const error = await expectApiError(client.getOne(queuesEndpoint, [queue.queue_id]), 404);
    expect(error.details).toMatchObject({ method: 'GET', path: `/contact_center/queues/${queue.queue_id}`, code: 1001 });
  });

  it('users (agents are users), their queues and skills; queue agents and supervisors', async () => {
    const users = await client.listUsers();
    expect(users).toHaveLength(60);
    expect(await client.getUser('agent_003')).toMatchObject({ user_id: 'agent_003', role_name: 'Supervisor', user_access: 'active' });
    expect(await client.listUsers({ search_key: users[4].user_email })).toEqual([users[4]]);
    expect((await client.listUsers({ user_access: 'inactive' })).map((u) => u.user_id)).toEqual(['agent_020', 'agent_040', 'agent_060']);
    const queue = await client.createIn(queuesEndpoint, { queue_name: 'Members', channel: 'voice' });
    await client.addQueueAgents(queue.queue_id, ['agent_004', 'agent_005']);
    await client.addQueueSupervisors(queue.queue_id, ['agent_001']);
    await consoleCalls(client).setQueueAgentOptInOut(queue.queue_id, 'agent_005', 1);
    expect((await client.listQueueAgents(queue.queue_id)).map((a) => [a.user_id, a.opt_in_out_status])).toEqual([
      ['agent_004', 0],
      ['agent_005', 1],
    ]);
    expect((await client.listQueueSupervisors(queue.queue_id)).map((a) => a.user_email)).toEqual([users[0].user_email]);
    expect(await consoleCalls(client).listUserQueues('agent_001')).toEqual([
      expect.objectContaining({ queue_id: queue.queue_id, user_assignment_type: 'supervisor' }),
    ]);
    const tooMany = Array.from({ length: 31 }, (_, i) => `agent_${String(i + 1).padStart(3, '0')}`);
    const over = await client.http.request('POST', `/contact_center/queues/${queue.queue_id}/agents`, { category: 'medium', body: { user_ids: tooMany } }).then(
      () => undefined,
      (e: ZccApiError) => e,
    );
    expect(over?.message).toMatch(/Invalid field: user_ids\. At most 30 user ids per request; got 31/);
    await client.assignUserSkills('agent_004', [
      { skill_id: (await client.createIn(skillsEndpoint, { skill_name: 'Spanish', skill_category_id: 'cat_language' })).skill_id, max_proficiency_level: 4 },
    ]);
    const [held] = await client.listUserSkills('agent_004');
    expect(held).toMatchObject({ skill_name: 'Spanish', skill_type: 'proficiency', user_proficiency_level: 4, max_proficiency_level: 5 });
    expect((await consoleCalls(client).listSkillUsers(held.skill_id)).map((u) => u.user_id)).toEqual(['agent_004']);
    await client.removeUserSkill('agent_004', held.skill_id);
    expect(await client.listUserSkills('agent_004')).toEqual([]);
    await client.deleteOne(queuesEndpoint, [queue.queue_id]);
  });

  it('engagements, events, recordings and SMS (the operational endpoints of the document)', async () => {
    const engagements = await consoleCalls(client).listEngagements();
    expect(engagements).toHaveLength(60);
    expect(await consoleCalls(client).getEngagement(engagements[0].engagement_id)).toMatchObject({ engagement_id: engagements[0].engagement_id });
    expect((await consoleCalls(client).listEngagementEvents(engagements[0].engagement_id)).map((e) => e.event_name)).toEqual([
      'created',
      'queued',
      'assigned',
      'ended',
    ]);
    expect((await consoleCalls(client).listEngagements({ channel: 'messaging' })).every((e) => e.channels?.[0]?.channel === 'messaging')).toBe(true);
    const recordings = await consoleCalls(client).listRecordings({ from: '2024-01-01', to: '2024-01-31' });
    expect(recordings.length).toBeGreaterThan(0);
    expect(recordings[0]).toMatchObject({ queue_name: 'Support Queue', download_url: expect.stringMatching(/^https:/), recording_type: 'automatic' });
    const sms = await consoleCalls(client).listSms({ from: '2024-01-01', to: '2024-01-31' });
    expect(sms.length).toBeGreaterThan(0);
    expect(sms[0].total_sent_messages).toBeGreaterThan(0);
    expect(await consoleCalls(client).listEngagements({ from: '2030-01-01' })).toEqual([]);
    // The summary's invented paths do not exist in Zoom's API.
    await expectApiError(client.http.request('GET', '/accounts/emulator-account/contact_center/voice_calls', { category: 'heavy' }), 404);
  });

  it('skills and skill categories', async () => {
    expect((await client.listOf(skillCategoriesEndpoint)).map((c) => c.skill_category_name)).toEqual(['Languages', 'Products']);
    const category = await client.createIn(skillCategoriesEndpoint, { skill_category_name: 'Regions', skill_type: 'proficiency', max_proficiency_level: 3 });
    await client.updateOne(skillCategoriesEndpoint, [category.skill_category_id], { skill_category_description: 'Where customers are' });
    expect(await client.getOne(skillCategoriesEndpoint, [category.skill_category_id])).toMatchObject({
      skill_category_description: 'Where customers are',
      max_proficiency_level: 3,
    });
    const skill = await client.createIn(skillsEndpoint, { skill_name: 'EMEA', skill_category_id: category.skill_category_id });
    // A skill carries its category's name, type and level.
    expect(skill).toMatchObject({ skill_name: 'EMEA', skill_type: 'proficiency', max_proficiency_level: 3, skill_category_name: 'Regions', total_users: 0 });
    await client.updateOne(skillsEndpoint, [skill.skill_id], { skill_name: 'Europe' });
    expect(await client.getOne(skillsEndpoint, [skill.skill_id])).toMatchObject({ skill_name: 'Europe' });
    expect(await client.listOf(skillsEndpoint, [], { skill_type: 'text' })).toEqual([]);
    expect(await client.listOf(skillsEndpoint, [], { skill_category_id: category.skill_category_id })).toHaveLength(1);
    const inUse = await expectApiError(client.deleteOne(skillCategoriesEndpoint, [category.skill_category_id]), 409);
    expect(inUse.message).toContain('Europe');
    await client.deleteOne(skillsEndpoint, [skill.skill_id]);
    await client.deleteOne(skillCategoriesEndpoint, [category.skill_category_id]);
    expect(await client.listOf(skillsEndpoint)).toEqual([]);
  });

  it('flows with publishing', async () => {
    // The file is imported as multipart/form-data and exported byte for byte, version by version.
    const v1 = '{"studioType":0,"studioScope":1,"nodes":[{"id":"start","type":"Start","transitions":[]}]}';
    const v2 = '{ "studioType": 0, "nodes": [{"id": "start", "type": "RouteTo", "properties": {"queueId": "q1"}}] }';
    const flow = await client.importFlow({ flow_name: 'Main IVR', flow_description: 'Front door', import_mode: 'new' }, v1);
    expect(flow).toMatchObject({
      flow_name: 'Main IVR',
      channel: 'voice',
      status: 'draft',
      flow_versions: [expect.objectContaining({ flow_version: 1, flow_version_status: 'draft' })],
    });
    await client.publishFlow(flow.flow_id, 1);
    expect((await client.getOne(endpoints.flows, [flow.flow_id])).status).toBe('published');
    await client.importFlow({ flow_name: 'Main IVR', import_mode: 'version' }, v2);
    await client.updateOne(endpoints.flows, [flow.flow_id], { flow_description: 'Front door, v2', flow_version: 2 });
    await client.publishFlow(flow.flow_id, 2);
    const versions = (await client.getOne(endpoints.flows, [flow.flow_id])).flow_versions!.map((v) => [v.flow_version, v.flow_version_status]);
    expect(versions).toEqual([
      [1, 'archived'],
      [2, 'published'],
    ]);
    const token = await client.http.tokens.get();
    const raw = async (version: number) =>
      (
        await fetch(`${emulator.baseUrl}/contact_center/flows/${flow.flow_id}/export?flow_version=${version}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).text();
    expect([await raw(1), await raw(2)]).toEqual([v1, v2]);
    expect(await client.exportFlow(flow.flow_id, 2)).toEqual(JSON.parse(v2));
    // Another channel is another flow: import_mode=version finds none of that name on it.
    await expectApiError(client.importFlow({ flow_name: 'Main IVR', import_mode: 'version' }, '{"studioType":1}'), 404);
    await expectApiError(client.importFlow({ flow_name: 'Bad', import_mode: 'new' }, '{"nodes":[]}'), 400);
    // The account's five sample flows (one per channel) and this one.
    expect((await client.listOf(endpoints.flows)).map((f) => f.flow_id).filter((id) => !id.startsWith('flow_seed_'))).toEqual([flow.flow_id]);
    await client.deleteOne(endpoints.flows, [flow.flow_id]);
    await expectApiError(client.getOne(endpoints.flows, [flow.flow_id]), 404);
  });

  it('the seeded account has one published sample flow per channel, whose file names that channel', async () => {
    const samples = (await client.listOf(endpoints.flows)).filter((f) => f.flow_id.startsWith('flow_seed_'));
    expect(samples.map((f) => [f.channel, f.status]).sort()).toEqual(
      ['email', 'messaging', 'video', 'voice', 'work_item'].map((channel) => [channel, 'published']),
    );
    const studioTypes = await Promise.all(
      samples.map(async (f) => [f.channel, ((await client.exportFlow(f.flow_id, 1)) as { studioType: number }).studioType]),
    );
    expect(Object.fromEntries(studioTypes)).toEqual({ voice: 0, messaging: 1, video: 2, email: 3, work_item: 4 });
  });

  it('agent and consumer routing profiles, linked from the queue', async () => {
    const profile = await client.createIn(agentRoutingProfilesEndpoint, {
      agent_routing_profile_name: 'Default',
      wait_time_agent_in_seconds: 30,
      priorities: [{ category_type: 'skill', skill_category_id: 'cat_language', minimum_proficiency_level: 2, time_step: 20 }],
    });
    // Zoom fills in ids, order and names of a priority: the answer carries more than was sent.
    expect(profile.priorities).toEqual([
      expect.objectContaining({ priority_order: 1, skill_category_name: 'Languages', skill_type: 'proficiency', minimum_proficiency_level: 2 }),
    ]);
    await client.updateOne(agentRoutingProfilesEndpoint, [profile.agent_routing_profile_id], { agent_routing_profile_description: 'All agents' });
    expect(await client.getOne(agentRoutingProfilesEndpoint, [profile.agent_routing_profile_id])).toMatchObject({
      agent_routing_profile_description: 'All agents',
      wait_time_agent_in_seconds: 30,
    });
    const consumer = await client.createIn(consumerRoutingProfilesEndpoint, {
      consumer_routing_profile_name: 'Returning first',
      top_priorities: [{ attribute_type: 'returning_customer', parameter: { max_returning_minutes: 60 } }],
    });
    const queue = await client.createIn(queuesEndpoint, { queue_name: 'Q', channel: 'voice' });
    await client.updateOne(queuesEndpoint, [queue.queue_id], {
      agent_routing_profile_id: profile.agent_routing_profile_id,
      consumer_routing_profile_id: consumer.consumer_routing_profile_id,
    });
    expect(await client.getOne(queuesEndpoint, [queue.queue_id])).toMatchObject({
      agent_routing_profile_id: profile.agent_routing_profile_id,
      consumer_routing_profile_id: consumer.consumer_routing_profile_id,
    });
    const inUse = await expectApiError(client.deleteOne(agentRoutingProfilesEndpoint, [profile.agent_routing_profile_id]), 409);
    expect(inUse.message).toContain('used by queues: Q');
    await client.deleteOne(queuesEndpoint, [queue.queue_id]);
    await client.deleteOne(agentRoutingProfilesEndpoint, [profile.agent_routing_profile_id]);
    await client.deleteOne(consumerRoutingProfilesEndpoint, [consumer.consumer_routing_profile_id]);
    expect(await client.listOf(agentRoutingProfilesEndpoint)).toEqual([]);
    expect(await client.listOf(consumerRoutingProfilesEndpoint)).toEqual([]);
    // The summary's /routing_profiles does not exist in Zoom's API.
    await expectApiError(client.http.request('GET', '/contact_center/routing_profiles', { category: 'medium' }), 404);
  });

  it('historical analytics datasets', async () => {
    const range = { from: '2024-01-01', to: '2024-01-31' };
    const agents = await consoleCalls(client).agentPerformanceDataset(range);
    expect(agents).toHaveLength(60);
    expect(new Set(agents.map((row) => row.user_id)).size).toBe(30);
    const queues = await consoleCalls(client).queuePerformanceDataset(range);
    expect(queues).toHaveLength(60);
    expect(new Set(queues.map((row) => row.queue_id))).toEqual(new Set(['q_seed_support']));
    await expectApiError(client.http.request('GET', '/contact_center/reports/agent_performance', { category: 'heavy' }), 404);
  });
});

describe('transport behaviour', () => {
  it('follows next_page_token across pages', async () => {
    const paged = newClient({ pageSize: 7 });
    const users = await paged.listUsers();
    expect(users.map((a) => a.user_id)).toEqual(Array.from({ length: 60 }, (_, i) => `agent_${String(i + 1).padStart(3, '0')}`));
    expect((await log()).byRoute['GET /v2/contact_center/users']).toBe(9);
  });

  it('rejects a bad page token, and a page size over the documented cap (stricter than Zoom, which may clamp)', async () => {
    const token = await client.http.tokens.get();
    const over = async (path: string, size: number) =>
      (await fetch(`${emulator.baseUrl}${path}?page_size=${size}`, { headers: { Authorization: `Bearer ${token}` } })).status;
    expect(await over('/contact_center/skills/categories', 300)).toBe(200);
    expect(await over('/contact_center/skills/categories', 301)).toBe(400);
    expect(await over('/contact_center/flows', 100)).toBe(200);
    expect(await over('/contact_center/flows', 101)).toBe(400);
    await expectApiError(client.http.request('GET', '/contact_center/users', { category: 'medium', query: { next_page_token: 'bogus' } }), 400);
    // The summary's invented paths do not exist in Zoom's API, so the emulator answers 404 as Zoom does.
    await expectApiError(client.http.request('GET', '/contact_center/agents', { category: 'medium' }), 404);
  });

  it("pages at each endpoint's documented cap", async () => {
    await client.listOf(endpoints.flows);
    await client.listOf(skillCategoriesEndpoint);
    const pageSizes = (await log()).entries.filter((e) => e.method === 'GET').map((e) => `${e.path} ${new URLSearchParams(e.query ?? '').get('page_size')}`);
    expect(pageSizes).toEqual(expect.arrayContaining(['/v2/contact_center/flows 100', '/v2/contact_center/skills/categories 300']));
  });

  it('waits out 429 (with and without Retry-After) and then succeeds', async () => {
    await control('POST', '/faults', {
      method: 'GET',
      path: '/queues$',
      action: 'respond',
      status: 429,
      message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
      headers: { 'retry-after': '0' },
      times: 2,
    });
    await control('POST', '/faults', { method: 'GET', path: '/queues$', action: 'respond', status: 429, times: 1 });
    expect(await client.listOf(queuesEndpoint)).toEqual([]);
    expect(client.http.stats.throttled).toBe(3);
    const entries = (await log()).entries.filter((e) => e.route.startsWith('GET /v2/contact_center/queues'));
    expect(entries.map((e) => e.status)).toEqual([429, 429, 429, 200]);
  });

  it('re-mints the token once after a 401 and carries on', async () => {
    await client.listOf(queuesEndpoint);
    await control('POST', '/tokens/expire');
    expect(await client.listOf(queuesEndpoint)).toEqual([]);
    expect((await log()).tokensMinted).toBe(2);
    expect(client.http.stats.tokenRefreshes).toBe(1);
  });

  it('mints one token for many concurrent first requests', async () => {
    await Promise.all(Array.from({ length: 10 }, () => client.listOf(queuesEndpoint)));
    expect((await log()).tokensMinted).toBe(1);
  });

  it('fails clearly on wrong credentials without echoing the secret', async () => {
    const bad = newClient({ clientSecret: 'definitely-wrong-secret' });
    const error = await bad.listOf(queuesEndpoint).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/refused the Server-to-Server OAuth credentials.*zcc:clientSecret/);
    expect(JSON.stringify(error) + String(error?.message) + String(error?.stack)).not.toContain('definitely-wrong-secret');
  });

  it('in read-only mode (ZCC_READ_ONLY) reads, and refuses every write before it is sent', async () => {
    await control('DELETE', '/requests');
    const reader = newClient({ readOnly: true });
    expect(await reader.listOf(queuesEndpoint)).toEqual(expect.any(Array));
    const refused = await reader.createIn(queuesEndpoint, { queue_name: 'never', channel: 'voice' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(refused?.message).toBe('POST /contact_center/queues was not sent: this run may only read (ZCC_READ_ONLY or ZCC_REFUSE_WRITES is set).');
    expect((await log()).writes).toBe(0);
  });

  it('retries reads on 5xx and connection resets', async () => {
    await control('POST', '/faults', { method: 'GET', path: '/queues$', action: 'respond', status: 503, times: 2 });
    await control('POST', '/faults', { method: 'GET', path: '/queues$', action: 'reset', times: 1 });
    expect(await client.listOf(queuesEndpoint)).toEqual([]);
    expect(client.http.stats.retries).toBe(3);
  });

  it('never re-sends a create after an ambiguous failure: it reports it as ambiguous', async () => {
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'drop-after-commit', times: 1 });
    const error = await client.createIn(queuesEndpoint, { queue_name: 'Once', channel: 'voice' }).then(
      () => undefined,
      (e: ZccApiError) => e,
    );
    expect(error?.details.ambiguous).toBe(true);
    expect((await log()).byRoute['POST /v2/contact_center/queues']).toBe(1);
    expect(await control('GET', '/objects/queues')).toHaveLength(1);
  });

  it('re-sends a create after a 429, since the server did not act', async () => {
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'respond', status: 429, headers: { 'retry-after': '0' }, times: 1 });
    await client.createIn(queuesEndpoint, { queue_name: 'After429', channel: 'voice' });
    expect(await control('GET', '/objects/queues')).toHaveLength(1);
  });

  it('enforces per-category budgets and the client stays under them', async () => {
    await control('PUT', '/settings', { rateLimits: { perSecond: 4 } });
    const limited = newClient({ plan: 'pro' });
    await Promise.all(Array.from({ length: 12 }, () => limited.getUser('agent_001')));
    const statuses = (await log()).entries.filter((e) => e.route.startsWith('GET /v2/contact_center/users/')).map((e) => e.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
  });

  it('stops fast on a daily limit with the reset time', async () => {
    await control('PUT', '/settings', { rateLimits: { dailyLimit: 0, dailyCategories: ['light', 'medium', 'heavy'] } });
    const started = Date.now();
    const error = await expectApiError(client.getUser('agent_001'), 429);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toMatch(/daily API limit.*resets at \d{4}-\d{2}-\d{2}T/);
  });

  it('answers invalid bodies with 400 naming the field', async () => {
    const error = await expectApiError(client.createIn(queuesEndpoint, { queue_name: 'x', channel: 'fax' as never }), 400);
    expect(error.message).toMatch(/Invalid field: channel/);
    // Settings are not create fields: stricter than Zoom, an unknown or misplaced field is a 400 naming it.
    const misplaced = await expectApiError(client.createIn(queuesEndpoint, { queue_name: 'x', channel: 'voice', max_wait_time: 30 } as never), 400);
    expect(misplaced.message).toMatch(/Invalid field: max_wait_time\. Unknown field/);
    const duplicate = await client
      .createIn(queuesEndpoint, { queue_name: 'Dup', channel: 'voice' })
      .then(() => client.createIn(queuesEndpoint, { queue_name: 'Dup', channel: 'voice' }))
      .then(
        () => undefined,
        (e: ZccApiError) => e,
      );
    expect(duplicate?.status).toBe(409);
  });
});

describe('concurrent writes to one object', () => {
  it('the emulator answers 429 to overlapping writes, and the client never overlaps its own', async () => {
    const queue = await client.createIn(queuesEndpoint, { queue_name: 'Busy', channel: 'voice' });
    await control('POST', '/faults', { method: 'PATCH', path: '/queues/[^/]+$', action: 'delay', delayMs: 300, times: 2 });
    const token = await client.http.tokens.get();
    const patch = (maxWait: number) =>
      fetch(`${emulator.baseUrl}/contact_center/queues/${queue.queue_id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ max_wait_time: maxWait }),
      }).then((r) => r.status);
    expect((await Promise.all([patch(10), patch(20)])).sort()).toEqual([204, 429]);

    await control('POST', '/faults', { method: 'PATCH', path: '/queues/[^/]+$', action: 'delay', delayMs: 300, times: 2 });
    await control('DELETE', '/requests');
    await Promise.all([
      client.updateOne(queuesEndpoint, [queue.queue_id], { max_wait_time: 30 }),
      client.updateOne(queuesEndpoint, [queue.queue_id], { max_wait_time: 40 }),
    ]);
    const statuses = (await log()).entries.filter((e) => e.route === 'PATCH /v2/contact_center/queues/:queueId').map((e) => e.status);
    expect(statuses).toEqual([204, 204]);
    expect((await client.getOne(queuesEndpoint, [queue.queue_id])).max_wait_time).toBe(40);
  });
});
