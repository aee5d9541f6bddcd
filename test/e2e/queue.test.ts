import { expectNoChanges, outputCollector, readStateFiles, useProject } from './harness';

jest.setTimeout(10 * 60_000);

describe('Queue on the real Pulumi CLI against the emulator', () => {
  const current = useProject('program');

  const queues = () => current().control('GET', '/objects/queues') as Promise<Array<Record<string, any>>>;

  it('creates, previews empty, updates in place, detects drift, and destroys', async () => {
    const { stack, control } = current();
    const settings = { shortAbandon: { threshold: 8, enable: true }, serviceLevelThresholdInSeconds: 20, serviceLevelTargetInPercentage: 80 };
    await current().declare([{ kind: 'Queue', name: 'support', args: { name: 'Support Queue', channel: 'voice', maxWaitTime: 120, ...settings } }]);

    const up = await stack.up({ onOutput: outputCollector().onOutput });
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    let server = await queues();
    expect(server).toHaveLength(1);
    // Created with name and channel, then the PATCH-only settings; nested objects compare by value, not key order.
    expect(server[0]).toMatchObject({
      queue_name: 'Support Queue',
      channel: 'voice',
      max_wait_time: 120,
      queue_description: '',
      short_abandon: { enable: true, threshold: 8 },
      service_level_target_in_percentage: 80,
    });
    const calls = (await control('GET', '/requests')) as { byRoute: Record<string, number> };
    expect(calls.byRoute).toMatchObject({ 'POST /v2/contact_center/queues': 1, 'PATCH /v2/contact_center/queues/:queueId': 1 });
    expect(up.outputs.ids.value.support).toBe(server[0].queue_id);
    await expectNoChanges(current().stack);

    // Update in place.
    await current().declare([
      { kind: 'Queue', name: 'support', args: { name: 'Support Queue', description: 'Tier 1', channel: 'voice', maxWaitTime: 240, ...settings } },
    ]);
    const update = await stack.up({ onOutput: outputCollector().onOutput });
    expect(update.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    server = await queues();
    expect(server).toHaveLength(1);
    expect(server[0]).toMatchObject({ queue_description: 'Tier 1', max_wait_time: 240 });
    await expectNoChanges(current().stack);

    // Behind Pulumi's back: refresh reports it, and a preview that expects no changes fails.
    await control('PATCH', `/objects/queues/${server[0].queue_id}`, { max_wait_time: 999, queue_description: 'edited in the console' });
    const refreshOut = outputCollector();
    const refresh = await stack.refresh({ onOutput: refreshOut.onOutput });
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const drift = outputCollector();
    await expect(stack.preview({ expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('maxWaitTime');
    expect(drift.text()).toContain('support');

    // up restores the declared values.
    await stack.up({ onOutput: outputCollector().onOutput });
    server = await queues();
    expect(server[0]).toMatchObject({ queue_description: 'Tier 1', max_wait_time: 240 });
    await expectNoChanges(current().stack);

    // The serialized provider is a small stub without config or secrets.
    // (exportStack runs with --show-secrets, so grep what Pulumi persisted instead.)
    expect(readStateFiles(current().dir)).not.toContain(current().emulator.options.clientSecret);
    const deployment = (await stack.exportStack()).deployment as { resources: Array<{ type: string; outputs?: Record<string, unknown> }> };
    const queue = deployment.resources.find((r) => r.type === 'pulumi-nodejs:dynamic/zcc:Queue')!;
    const provider = String(queue.outputs!.__provider);
    expect(provider.length).toBeLessThanOrEqual(1024);
    expect(provider).not.toContain('axios');
    expect(provider).toContain('require("zcc-pulumi/dist/sdk/providers/queue.js")');

    // Deleted behind Pulumi's back: refresh drops it from state, up creates it again.
    await control('DELETE', `/objects/queues/${server[0].queue_id}`);
    const afterDelete = await stack.refresh({ onOutput: outputCollector().onOutput });
    expect(afterDelete.summary.resourceChanges).toMatchObject({ delete: 1 });
    const recreate = await stack.up({ onOutput: outputCollector().onOutput });
    expect(recreate.summary.resourceChanges).toMatchObject({ create: 1 });
    server = await queues();
    expect(server).toHaveLength(1);
    expect(server[0]).toMatchObject({ queue_name: 'Support Queue', queue_description: 'Tier 1', max_wait_time: 240 });
    await expectNoChanges(current().stack);

    await stack.destroy({ onOutput: outputCollector().onOutput });
    expect(await queues()).toEqual([]);
  });

  it('a queue update previews exactly one update, and preview, preview --refresh and refresh only read', async () => {
    const { stack, control } = current();
    const declaration = (maxWaitTime: number) => [
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice', maxWaitTime } },
      { kind: 'QueueMembers', name: 'support-members', args: { queueId: { $ref: 'support.queueId' }, userIds: ['agent_004', 'agent_005'] } },
      { kind: 'QueueSupervisor', name: 'support-lead', args: { queueId: { $ref: 'support.queueId' }, userId: 'agent_001' } },
      { kind: 'Queue', name: 'overflow', args: { name: 'Overflow', channel: 'voice', overflowToQueueId: { $ref: 'support.queueId' } } },
    ];
    await current().declare(declaration(120));
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
    await current().declare(declaration(240));
    const writes = async () =>
      ((await control('GET', '/requests')) as { entries: Array<{ method: string; path: string }> }).entries.filter(
        (e) => e.method !== 'GET' && e.path !== '/oauth/token',
      );
    await control('DELETE', '/requests');
    // The dependents reference queue.queueId, a getter over the resource id: known during the preview, so they stay "same".
    const preview = await stack.preview({ onOutput: outputCollector().onOutput });
    expect(preview.changeSummary).toEqual({ same: 4, update: 1 });
    await stack.preview({ refresh: true, onOutput: outputCollector().onOutput });
    await stack.refresh({ onOutput: outputCollector().onOutput });
    expect(await writes()).toEqual([]);
    await stack.up({ onOutput: outputCollector().onOutput });
    expect((await writes()).map((e) => `${e.method} ${e.path.replace(/\/[^/]+$/, '/:id')}`)).toEqual(['PATCH /v2/contact_center/queues/:id']);
    await expectNoChanges(stack);
    await current().declare([]);
    await stack.up({ onOutput: outputCollector().onOutput });
  });
});
