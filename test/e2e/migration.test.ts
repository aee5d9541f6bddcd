import { expectNoChanges, outputCollector, readStateFiles, useProject } from './harness';

jest.setTimeout(10 * 60_000);

/**
 * The README's migration: a stack of dynamic resources moves to the provider plugin (`zcc-pulumi/native`, each
 * resource with `aliases: [{ type: 'pulumi-nodejs:dynamic/zcc:<Kind>' }]`). The preview plans no create, delete or
 * replace; the up sends no write to ZCC; every id stays; the state then holds only `zcc:index:` types. Then, on the
 * plugin: the secret stays encrypted in state, an update in place, lookups as invokes (and one that finds nothing).
 */
describe('migrating a dynamic stack to the native provider', () => {
  const current = useProject('migration');

  it('moves every resource in state with aliases: same ids, no replacement, no write', async () => {
    const { stack, control } = current();
    const dynamicUp = await stack.up({ onOutput: outputCollector().onOutput });
    expect(dynamicUp.summary.resourceChanges).toEqual({ create: 7 });
    const ids = dynamicUp.outputs.ids.value as Record<string, string>;
    await expectNoChanges(stack);

    await stack.setConfig('fixture:flavour', { value: 'native' });
    await control('DELETE', '/requests');
    const plan = outputCollector();
    const preview = await stack.preview({ diff: true, onOutput: plan.onOutput });
    const ops = Object.keys(preview.changeSummary).filter((op) => op !== 'same');
    expect({ ops, output: ops.length ? plan.text() : '' }).toEqual({ ops: [], output: '' });
    const nativeUp = await stack.up({ onOutput: outputCollector().onOutput });
    expect(nativeUp.outputs.ids.value).toEqual(ids);
    expect(Object.keys(nativeUp.summary.resourceChanges ?? {}).filter((op) => op !== 'same')).toEqual([]);
    expect((await control('GET', '/requests')).writes).toBe(0);
    const deployment = (await stack.exportStack()).deployment as { resources: Array<{ type: string }> };
    const types = deployment.resources.map((resource) => resource.type).filter((type) => !type.startsWith('pulumi:'));
    expect(types.sort()).toEqual(
      [
        'zcc:index:Disposition',
        'zcc:index:Queue',
        'zcc:index:QueueDispositions',
        'zcc:index:QueueMembers',
        'zcc:index:Skill',
        'zcc:index:SkillCategory',
      ].sort(),
    );
    await expectNoChanges(stack);

    // On the plugin: the client secret reached it as config and stays encrypted in state.
    const state = readStateFiles(current().dir);
    expect(state).toContain('pulumi:providers:zcc');
    expect(state).not.toContain(current().emulator.options.clientSecret);
    // An update in place.
    await stack.setConfig('fixture:maxWaitTime', { value: '120' });
    expect((await stack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(
      ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; max_wait_time: number }>).find((queue) => queue.queue_id === ids.support),
    ).toMatchObject({
      max_wait_time: 120,
    });
    await expectNoChanges(stack);
    // Lookups are the plugin's functions (invokes): by name, and the account's numbers; one that finds nothing fails
    // the program, naming what it looked for.
    await stack.setConfig('fixture:invokes', {
      value: JSON.stringify({
        support: { token: 'zcc:index:getQueue', args: { name: 'Support' } },
        line: { token: 'zcc:index:getEntryPoint', args: { channel: 'voice', number: '+16505550100' } },
      }),
    });
    const lookups = (await stack.up({ onOutput: outputCollector().onOutput })).outputs.lookups.value;
    expect(lookups.support).toMatchObject({ queueId: ids.support, name: 'Support', channel: 'voice' });
    expect(lookups.line).toMatchObject({ entryId: 'ep_phone_1', number: '+16505550100' });
    await stack.setConfig('fixture:invokes', { value: JSON.stringify({ none: { token: 'zcc:index:getQueue', args: { name: 'Nowhere' } } }) });
    await expect(stack.preview({ onOutput: outputCollector().onOutput })).rejects.toThrow(/getQueue: no queue is named "Nowhere"/);
    await stack.removeConfig('fixture:invokes');

    await stack.destroy({ onOutput: outputCollector().onOutput });
    expect(await control('GET', '/objects/queues')).toEqual([]);
  });
});
