import { ZccClient } from '../../provider/client/client';
import { expectNoChanges, outputCollector, readStateFiles, useProject } from './harness';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

/**
 * The native provider plugin (`pulumi-resource-zcc`, `zcc:index:<Kind>` tokens) on the real CLI, found through
 * `plugins.providers[].path` in Pulumi.yaml: its config through Configure (the client secret a Pulumi secret),
 * create, an empty preview, update in place, a console edit caught by refresh and put back, `pulumi import` of a
 * queue made outside Pulumi, a lookup as an invoke, reads only in preview and refresh, destroy.
 */
describe('the native provider plugin on the real Pulumi CLI', () => {
  const current = useProject('native');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const queues = async () => (await current().control('GET', '/objects/queues')) as Row[];

  it('up → empty preview → update → console edit restored → import → destroy', async () => {
    const { stack, control } = current();
    const declaration = (maxWaitTime: number) => [
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice', maxWaitTime } },
      { kind: 'QueueMembers', name: 'support-agents', args: { queueId: { $ref: 'support.queueId' }, userIds: ['agent_001', 'agent_002'] } },
    ];
    await current().declare(declaration(120));
    await stack.up(quiet());
    const [queue] = await queues();
    expect(queue).toMatchObject({ queue_name: 'Support', max_wait_time: 120 });
    expect((await control('GET', '/objects/queue_agents'))[queue.queue_id]).toEqual(['agent_001', 'agent_002']);
    expect((await stack.outputs()).ids.value).toEqual({ support: queue.queue_id, 'support-agents': queue.queue_id });
    // The client secret reached the plugin as config and stays encrypted in state.
    const state = readStateFiles(current().dir);
    expect(state).toContain('pulumi:providers:zcc');
    expect(state).not.toContain(current().emulator.options.clientSecret);
    await expectNoChanges(stack);

    await current().declare(declaration(300));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect((await queues())[0].max_wait_time).toBe(300);
    await expectNoChanges(stack);

    // A console edit: found by refresh (reads only), put back by up --refresh.
    await control('PATCH', `/objects/queues/${queue.queue_id}`, { max_wait_time: 999 });
    await control('DELETE', '/requests');
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toMatch(/maxWaitTime\s*:\s*999 => 300/);
    expect((await control('GET', '/requests')).writes).toBe(0);
    await stack.up({ refresh: true, ...quiet() });
    expect((await queues())[0].max_wait_time).toBe(300);
    await expectNoChanges(stack);

    // A queue made outside Pulumi, taken over with `pulumi import`: the program then declares it as imported.
    const emulator = current().emulator;
    const client = new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'business' });
    const made = await client.createIn(queuesEndpoint, { queue_name: 'Console queue', channel: 'voice' });
    await control('DELETE', '/requests');
    // Taken into state with reads only. No code is generated: the Node.js language host this machine builds
    // (v3.68.0) has no GenerateProgram; the program below declares the queue as the import read it.
    const imported = await stack.import({
      resources: [{ type: 'zcc:index:Queue', name: 'console', id: made.queue_id }],
      protect: false,
      generateCode: false,
      ...quiet(),
    });
    expect(imported.stdout).toMatch(/1 imported/);
    const deployment = (await stack.exportStack()).deployment as { resources: Array<{ urn: string; inputs: Record<string, unknown> }> };
    const recorded = deployment.resources.find((resource) => resource.urn.endsWith('zcc:index:Queue::console'))!;
    // What the import read is every setting of the queue, as `zcc-pulumi export` declares it.
    expect(recorded.inputs).toMatchObject({ name: 'Console queue', channel: 'voice', maxWaitTime: expect.any(Number) });
    expect((await control('GET', '/requests')).writes).toBe(0);
    await current().declare([...declaration(300), { kind: 'Queue', name: 'console', args: recorded.inputs }]);
    await expectNoChanges(stack);

    // Lookups are the plugin's functions (invokes): by name, and the account's numbers.
    await stack.setConfig('fixture:invokes', {
      value: JSON.stringify({
        support: { token: 'zcc:index:getQueue', args: { name: 'Support' } },
        line: { token: 'zcc:index:getEntryPoint', args: { channel: 'voice', number: '+16505550100' } },
      }),
    });
    await stack.up(quiet());
    const lookups = (await stack.outputs()).lookups.value;
    expect(lookups.support).toMatchObject({ queueId: queue.queue_id, name: 'Support', channel: 'voice' });
    expect(lookups.line).toMatchObject({ entryId: 'ep_phone_1', number: '+16505550100' });
    // A lookup that finds nothing fails the program, naming what it looked for.
    await stack.setConfig('fixture:invokes', { value: JSON.stringify({ none: { token: 'zcc:index:getQueue', args: { name: 'Nowhere' } } }) });
    const missing = outputCollector();
    await expect(stack.preview({ onOutput: missing.onOutput })).rejects.toThrow(/getQueue: no queue is named "Nowhere"/);
    await stack.removeConfig('fixture:invokes');

    await stack.destroy(quiet());
    expect(await queues()).toEqual([]);
  });
});
