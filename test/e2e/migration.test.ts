import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

/**
 * The README's migration: a stack of dynamic resources moves to the provider plugin (`zcc-pulumi/native`, each
 * resource with `aliases: [{ type: 'pulumi-nodejs:dynamic/zcc:<Kind>' }]`). The preview plans no create, delete or
 * replace; the up sends no write to ZCC; every id stays; the state then holds only `zcc:index:` types.
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

    await stack.destroy({ onOutput: outputCollector().onOutput });
    expect(await control('GET', '/objects/queues')).toEqual([]);
  });
});
