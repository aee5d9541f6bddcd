import { ZccClient } from '../../provider/client/client';
import { expectNoChanges, outputCollector, ownFlows, useProject } from './harness';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { skillCategoriesEndpoint } from '../../provider/specs/skillSpecs';

jest.setTimeout(10 * 60_000);

describe('adopting existing objects and retainOnDelete', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const requests = () => current().control('GET', '/requests') as Promise<{ writes: number; byRoute: Record<string, number> }>;
  const client = () => new ZccClient({ ...current().emulator.options, baseUrl: current().emulator.baseUrl, plan: 'business' });

  it('takes over matching objects with zero writes, and destroy deletes only what is not retained', async () => {
    const { stack, control } = current();
    const zcc = client();
    const queue = await zcc.createIn(queuesEndpoint, { queue_name: 'Existing support', channel: 'voice' });
    await zcc.updateOne(queuesEndpoint, [queue.queue_id], { max_wait_time: 200, distribution_type: 2 });
    const category = await zcc.createIn(skillCategoriesEndpoint, { skill_category_name: 'Existing tiers', skill_type: 'text' });
    const flow = await zcc.importFlow(
      { flow_name: 'Existing IVR', import_mode: 'new' },
      JSON.stringify({ studioType: 0, nodes: [{ id: 'start', type: 'Start' }] }),
    );
    await zcc.publishFlow(flow.flow_id, 1);
    await zcc.addQueueAgents(queue.queue_id, ['agent_001', 'agent_002']);

    // The objects as they already are, each adopted by id; only the queue's maxWaitTime varies between runs.
    const declareAdopted = (maxWaitTime: number) =>
      current().declare([
        {
          kind: 'Queue',
          name: 'support',
          args: { adoptId: queue.queue_id, name: 'Existing support', channel: 'voice', distributionType: 2, maxWaitTime },
          options: { retainOnDelete: true },
        },
        { kind: 'SkillCategory', name: 'tiers', args: { adoptId: category.skill_category_id, name: 'Existing tiers', skillType: 'text' } },
        {
          kind: 'Flow',
          name: 'ivr',
          args: { adoptId: flow.flow_id, name: 'Existing IVR', definition: { nodes: [{ type: 'Start', id: 'start' }], studioType: 0 }, publish: true },
          options: { retainOnDelete: true },
        },
        {
          kind: 'QueueMembers',
          name: 'members',
          args: { adoptId: queue.queue_id, queueId: queue.queue_id, userIds: ['agent_002', 'agent_001'] },
          options: { retainOnDelete: true },
        },
      ]);
    await declareAdopted(200);
    await control('DELETE', '/requests');
    const up = await stack.up(quiet());
    expect(up.summary.resourceChanges).toEqual({ create: 5 });
    const log = await requests();
    expect({ writes: log.writes, byRoute: log.byRoute }).toEqual({ writes: 0, byRoute: expect.any(Object) });
    expect(up.outputs.ids.value).toMatchObject({ support: queue.queue_id, tiers: category.skill_category_id, ivr: flow.flow_id });
    await expectNoChanges(stack);

    // A declared change to an adopted object is one PATCH, in place.
    await declareAdopted(250);
    await control('DELETE', '/requests');
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect((await requests()).byRoute).toMatchObject({ 'PATCH /v2/contact_center/queues/:queueId': 1 });
    expect((await requests()).writes).toBe(1);
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect(await control('GET', '/objects/queues')).toEqual([expect.objectContaining({ queue_id: queue.queue_id, max_wait_time: 250 })]);
    expect(ownFlows(await control('GET', '/objects/flows'))).toHaveLength(1);
    expect((await control('GET', '/objects/queue_agents'))[queue.queue_id]).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/skill_categories')).map((c: { skill_category_name: string }) => c.skill_category_name)).toEqual([
      'Languages',
      'Products',
    ]);
  });

  it('takes the import resource option as adoptId (Pulumi cannot import dynamic resources)', async () => {
    const { stack, control } = current();
    const zcc = client();
    const category = await zcc.createIn(skillCategoriesEndpoint, {
      skill_category_name: 'Imported tiers',
      skill_type: 'text',
      skill_category_description: 'From the console',
    });
    await current().declare([
      {
        kind: 'SkillCategory',
        name: 'imported',
        args: { name: 'Imported tiers', skillType: 'text', description: 'From the console' },
        options: { import: category.skill_category_id, retainOnDelete: true },
      },
    ]);
    await control('DELETE', '/requests');
    const up = await stack.up(quiet());
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(up.outputs.ids.value).toMatchObject({ imported: category.skill_category_id });
    expect((await requests()).writes).toBe(0);
    await expectNoChanges(stack);
    await current().declare([]);
    await stack.up(quiet());
    expect((await control('GET', '/objects/skill_categories')).map((c: { skill_category_name: string }) => c.skill_category_name)).toContain('Imported tiers');
  });

  it('fails clearly when the object to adopt does not exist', async () => {
    await current().declare([{ kind: 'Queue', name: 'ghost', args: { adoptId: 'no-such-queue', name: 'Ghost', channel: 'voice' } }]);
    const out = outputCollector();
    await current().control('DELETE', '/requests');
    await expect(current().stack.preview({ onOutput: out.onOutput })).rejects.toThrow();
    expect(out.text()).toContain('Queue.adoptId names no object: ZCC has no Queue with id "no-such-queue"');
    expect((await requests()).writes).toBe(0);
    await current().declare([]);
    await current().stack.up(quiet());
  });
});
