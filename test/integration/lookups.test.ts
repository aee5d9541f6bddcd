import { startEmulator, type Emulator } from '../../emulator/server';
import { getAgent, getAgents, getQueue, getSkillCategory } from '../../sdk/lookups';
import { resetRuntime } from '../../provider/runtime';

jest.setTimeout(60_000);

let emulator: Emulator;
const saved = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ plan: 'business' });
  // Outside a Pulumi program there is no stack config: the lookups fall back to the environment.
  Object.assign(process.env, {
    ZOOM_ACCOUNT_ID: emulator.options.accountId,
    ZOOM_CLIENT_ID: emulator.options.clientId,
    ZOOM_CLIENT_SECRET: emulator.options.clientSecret,
    ZCC_BASE_URL: emulator.baseUrl,
  });
  resetRuntime();
});
afterAll(async () => {
  process.env = saved;
  resetRuntime();
  await emulator.close();
});

describe('lookups through the client against the emulator', () => {
  it('finds agents by email (any case) and id, and lists them all', async () => {
    const all = await getAgents();
    expect(all).toHaveLength(30);
    expect(await getAgent({ email: all[7].email.toUpperCase() })).toEqual(all[7]);
    expect(await getAgent({ agentId: 'agent_002' })).toMatchObject({ agentId: 'agent_002', roleName: 'Supervisor' });
    await expect(getAgent({ email: 'nobody@example.com' })).rejects.toThrow('no Zoom Contact Center agent has the email "nobody@example.com"');
  });

  it('finds a skill category and a queue by name, refusing ambiguous queue names', async () => {
    expect(await getSkillCategory({ name: 'Languages' })).toEqual({ skillCategoryId: 'cat_language', name: 'Languages', description: 'Spoken languages', skillType: 'proficiency', maxProficiencyLevel: 5 });
    await expect(getQueue({ name: 'Help' })).rejects.toThrow('no queue is named "Help"');
    const headers = { 'content-type': 'application/json' };
    await fetch(`${emulator.origin}/__emulator/settings`, { method: 'PUT', headers, body: JSON.stringify({ behaviour: { uniqueQueueNames: false } }) });
    const { getClient } = await import('../../provider/runtime');
    const first = await getClient().createQueue({ name: 'Help', channels: ['chat'] });
    expect(await getQueue({ name: 'Help' })).toMatchObject({ queueId: first.queue_id, channels: ['chat'], routingMethod: 'round_robin', maxWaitTime: 300 });
    const second = await getClient().createQueue({ name: 'Help', channels: ['voice'] });
    await expect(getQueue({ name: 'Help' })).rejects.toThrow(`2 queues are named "Help" (${first.queue_id}, ${second.queue_id})`);
  });
});
