import { getAgent, getAgents, getQueue, getSkillCategory } from '../../sdk/lookups';
import { control, useEmulatorEnv } from './emulatorEnv';

jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'business' });

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
    await control(emulator(), 'PUT', '/settings', { behaviour: { uniqueQueueNames: false } });
    const { getClient } = await import('../../provider/runtime');
    const first = await getClient().createQueue({ name: 'Help', channels: ['chat'] });
    expect(await getQueue({ name: 'Help' })).toMatchObject({ queueId: first.queue_id, channels: ['chat'], routingMethod: 'round_robin', maxWaitTime: 300 });
    const second = await getClient().createQueue({ name: 'Help', channels: ['voice'] });
    await expect(getQueue({ name: 'Help' })).rejects.toThrow(`2 queues are named "Help" (${first.queue_id}, ${second.queue_id})`);
  });
});
