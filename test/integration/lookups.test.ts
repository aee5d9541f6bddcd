import { getUser, getUsers } from '../../sdk/lookups';
import { getAgentRoutingProfile, getFlow, getQueue, getSkill, getSkillCategory } from '../../sdk/generated/lookups';
import * as pulumi from '@pulumi/pulumi';
import { resetRuntime } from '../../provider/runtime';
import { control, useEmulatorEnv } from './emulatorEnv';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { agentRoutingProfilesEndpoint } from '../../provider/specs/routingProfileSpecs';
import { skillsEndpoint } from '../../provider/specs/skillSpecs';

jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'business' });

describe('lookups through the client against the emulator', () => {
  it('finds users by email (any case) and id, and lists them all, by search and access', async () => {
    const all = await getUsers();
    expect(all).toHaveLength(60);
    expect(await getUser({ email: all[7].email.toUpperCase() })).toEqual(all[7]);
    expect(await getUser({ userId: 'agent_002' })).toMatchObject({ userId: 'agent_002', roleName: 'Supervisor', userAccess: 'active' });
    expect((await getUsers({ active: false })).map((u) => u.userId)).toEqual(['agent_020', 'agent_040', 'agent_060']);
    expect((await getUsers({ search: 'lovelace' })).length).toBeGreaterThan(1);
    await expect(getUser({ email: 'nobody@example.com' })).rejects.toThrow('no Zoom Contact Center user has the email "nobody@example.com"');
  });

  it('finds a skill by name, within a category when names repeat', async () => {
    const { getClient } = await import('../../provider/runtime');
    const spanish = await getClient().createIn(skillsEndpoint, { skill_name: 'Spanish', skill_category_id: 'cat_language' });
    expect(await getSkill({ name: 'Spanish' })).toMatchObject({
      skillId: spanish.skill_id,
      skillCategoryName: 'Languages',
      skillType: 'proficiency',
      maxProficiencyLevel: 5,
    });
    const other = await getClient().createIn(skillsEndpoint, { skill_name: 'Spanish', skill_category_id: 'cat_product' });
    await expect(getSkill({ name: 'Spanish' })).rejects.toThrow(/2 skills are named "Spanish".*give skillCategoryId/);
    expect((await getSkill({ name: 'Spanish', skillCategoryId: 'cat_product' })).skillId).toBe(other.skill_id);
    await expect(getSkill({ name: 'Klingon' })).rejects.toThrow('getSkill: no skill is named "Klingon".');
  });

  it('finds a skill category and a queue by name, refusing ambiguous queue names', async () => {
    expect(await getSkillCategory({ name: 'Languages' })).toEqual({
      skillCategoryId: 'cat_language',
      name: 'Languages',
      description: 'Spoken languages',
      skillType: 'proficiency',
      maxProficiencyLevel: 5,
    });
    await expect(getQueue({ name: 'Help' })).rejects.toThrow('no queue is named "Help"');
    await control(emulator(), 'PUT', '/settings', { behaviour: { uniqueQueueNames: false } });
    const { getClient } = await import('../../provider/runtime');
    const first = await getClient().createIn(queuesEndpoint, { queue_name: 'Help', channel: 'messaging' });
    expect(await getQueue({ name: 'Help' })).toMatchObject({ queueId: first.queue_id, ccQueueId: first.cc_queue_id, channel: 'messaging', agentsCount: 0 });
    const second = await getClient().createIn(queuesEndpoint, { queue_name: 'Help', channel: 'voice' });
    await expect(getQueue({ name: 'Help' })).rejects.toThrow(`2 queues are named "Help" (${first.queue_id}, ${second.queue_id})`);
  });

  it('finds a flow and an agent routing profile by name, naming what is missing', async () => {
    const { getClient } = await import('../../provider/runtime');
    const flow = await getClient().importFlow({ flow_name: 'Front door', import_mode: 'new' }, '{"studioType":0}');
    await getClient().publishFlow(flow.flow_id, 1);
    await getClient().importFlow({ flow_name: 'Front door', import_mode: 'version' }, '{"studioType":0,"v":2}');
    expect(await getFlow({ name: 'Front door' })).toEqual({
      flowId: flow.flow_id,
      name: 'Front door',
      channel: 'voice',
      status: 'published',
      publishedVersion: 1,
      latestVersion: 2,
    });
    await expect(getFlow({ name: 'Back door' })).rejects.toThrow('getFlow: no flow is named "Back door".');
    const profile = await getClient().createIn(agentRoutingProfilesEndpoint, { agent_routing_profile_name: 'Tiered' });
    expect(await getAgentRoutingProfile({ name: 'Tiered' })).toEqual({
      agentRoutingProfileId: profile.agent_routing_profile_id,
      name: 'Tiered',
      description: '',
    });
    await expect(getAgentRoutingProfile({ name: 'Flat' })).rejects.toThrow('no agent routing profile is named "Flat"');
  });

  it('fails the program with one line (a RunError, no stack) on no match, bad credentials (one error for all lookups) and an unreachable base URL', async () => {
    const failure = async (run: () => Promise<unknown>) => {
      const error = await run().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(pulumi.RunError.isInstance(error)).toBe(true);
      return (error as Error).message;
    };
    expect(await failure(() => getQueue({ name: 'Nowhere' }))).toBe('getQueue: no queue is named "Nowhere".');
    const saved = { ...process.env };
    try {
      process.env.ZOOM_CLIENT_SECRET = 'wrong-secret-value';
      resetRuntime();
      const message = await failure(() => getUsers());
      // One cause for every lookup: the same error object each time, which Pulumi's runtime reports once.
      expect(message).toMatch(/^Zoom refused the Server-to-Server OAuth credentials/);
      const [first, second] = await Promise.all([getUsers().catch((error: unknown) => error), getQueue({ name: 'Support' }).catch((error: unknown) => error)]);
      expect(second).toBe(first);
      expect(message).not.toContain('wrong-secret-value');
      expect(message.split('\n')).toHaveLength(1);
      process.env = { ...saved, ZCC_BASE_URL: 'http://127.0.0.1:9/v2' };
      resetRuntime();
      expect(await failure(() => getSkillCategory({ name: 'Languages' }))).toMatch(/^getSkillCategory: /);
    } finally {
      process.env = saved;
      resetRuntime();
    }
  });
});
