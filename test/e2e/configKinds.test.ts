import { expectNoChanges, outputCollector, ownFlows, useProject } from './harness';
import { ZccClient } from '../../provider/client/client';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

describe('SkillCategory, Skill, Flow and the routing profiles linked from a queue on the real Pulumi CLI', () => {
  const current = useProject('program');

  const objects = async (collection: string) => ownFlows((await current().control('GET', `/objects/${collection}`)) as Row[]);
  const quiet = () => ({ onOutput: outputCollector().onOutput });

  function declaration(overrides: { skillName?: string; skillCategory?: string; definition?: object; studioType?: number; profileDescription?: string } = {}) {
    return [
      { kind: 'SkillCategory', name: 'languages', args: { name: 'Spoken', skillType: 'proficiency', maxProficiencyLevel: 3 } },
      { kind: 'SkillCategory', name: 'products', args: { name: 'Product lines', skillType: 'text', description: 'What we sell' } },
      {
        kind: 'Skill',
        name: 'german',
        args: { name: overrides.skillName ?? 'German', skillCategoryId: { $ref: `${overrides.skillCategory ?? 'languages'}.skillCategoryId` } },
      },
      {
        kind: 'AgentRoutingProfile',
        name: 'default',
        args: {
          name: 'Default profile',
          description: overrides.profileDescription,
          priorities: [{ categoryType: 'skill', skillCategoryId: { $ref: 'languages.skillCategoryId' }, minimumProficiencyLevel: 2 }],
        },
      },
      { kind: 'Queue', name: 'billing', args: { name: 'Billing', channel: 'voice', agentRoutingProfileId: { $ref: 'default.agentRoutingProfileId' } } },
      {
        kind: 'Flow',
        name: 'ivr',
        args: {
          name: 'Main IVR',
          publish: true,
          definition: { studioType: overrides.studioType ?? 0, ...(overrides.definition ?? { start: { type: 'menu', options: [1, 2] }, version: 1 }) },
        },
      },
    ];
  }

  it('creates, updates in place, replaces, detects drift and deletion, and destroys', async () => {
    const { stack, control } = current();
    await current().declare(declaration());
    const up = await stack.up(quiet());
    expect(up.summary.resourceChanges).toEqual({ create: 7 });
    const [flow] = await objects('flows');
    expect(flow).toMatchObject({
      flow_name: 'Main IVR',
      channel: 'voice',
      status: 'published',
      flow_versions: [expect.objectContaining({ flow_version: 1, flow_version_status: 'published' })],
    });
    const skills = await objects('skills');
    const categories = await objects('skill_categories');
    expect(skills).toEqual([
      expect.objectContaining({ skill_name: 'German', skill_category_id: categories.find((c) => c.skill_category_name === 'Spoken')!.skill_category_id }),
    ]);
    const [profile] = await objects('agent_routing_profiles');
    expect((await objects('queues'))[0].agent_routing_profile_id).toBe(profile.agent_routing_profile_id);
    expect(profile.priorities).toEqual([expect.objectContaining({ skill_category_name: 'Spoken', minimum_proficiency_level: 2, priority_order: 1 })]);
    await expectNoChanges(current().stack);

    // The same definition with other key order never shows a diff.
    await current().declare(declaration({ definition: { version: 1, start: { options: [1, 2], type: 'menu' } } }));
    await expectNoChanges(current().stack);

    // In place: rename the skill, change the definition (republished), describe the profile.
    await current().declare(declaration({ skillName: 'Deutsch', definition: { start: { type: 'queue' }, version: 2 }, profileDescription: 'Everyone' }));
    const update = await stack.up(quiet());
    expect(update.summary.resourceChanges).toMatchObject({ update: 3 });
    // A new definition is a new version, published in place of the first.
    expect((await objects('flows'))[0].flow_versions.map((v: Row) => [v.flow_version, v.flow_version_status])).toEqual([
      [1, 'archived'],
      [2, 'published'],
    ]);
    expect((await objects('skills'))[0]).toMatchObject({ skill_id: skills[0].skill_id, skill_name: 'Deutsch' });
    await expectNoChanges(current().stack);

    // Replacement: a skill moved to another category, a flow moved to another channel (same name: delete first).
    await current().declare(
      declaration({
        skillName: 'Deutsch',
        skillCategory: 'products',
        studioType: 1,
        definition: { start: { type: 'queue' }, version: 2 },
        profileDescription: 'Everyone',
      }),
    );
    const replace = await stack.up(quiet());
    expect(replace.summary.resourceChanges).toMatchObject({ replace: 2 });
    const [newSkill] = await objects('skills');
    expect(newSkill.skill_id).not.toBe(skills[0].skill_id);
    const [newFlow] = await objects('flows');
    expect(newFlow).toMatchObject({ channel: 'messaging', status: 'published' });
    expect(newFlow.flow_id).not.toBe(flow.flow_id);
    await expectNoChanges(current().stack);

    // Behind Pulumi's back: another version of the flow imported and published in the console, the skill deleted.
    const console = new ZccClient({ ...current().emulator.options, baseUrl: current().emulator.baseUrl, plan: 'business' });
    await console.importFlow({ flow_name: 'Main IVR', import_mode: 'version' }, JSON.stringify({ studioType: 1, start: { type: 'edited in the console' } }));
    await console.publishFlow(newFlow.flow_id, 2);
    await control('DELETE', `/objects/skills/${newSkill.skill_id}`);
    const refresh = await stack.refresh(quiet());
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1, delete: 1 });
    const drift = outputCollector();
    await expect(stack.preview({ expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('definition');
    const restore = await stack.up(quiet());
    expect(restore.summary.resourceChanges).toMatchObject({ create: 1, update: 1 });
    // The declared definition is back as version 3, published.
    const restored = (await objects('flows'))[0];
    expect(restored.flow_versions.map((v: Row) => [v.flow_version, v.flow_version_status])).toEqual([
      [1, 'archived'],
      [2, 'archived'],
      [3, 'published'],
    ]);
    expect(JSON.parse(restored.versions[2].file)).toEqual({ studioType: 1, start: { type: 'queue' }, version: 2 });
    expect(await objects('skills')).toHaveLength(1);
    await expectNoChanges(current().stack);

    await stack.destroy(quiet());
    expect(await objects('skills')).toEqual([]);
    expect(await objects('flows')).toEqual([]);
    expect(await objects('agent_routing_profiles')).toEqual([]);
    expect(await objects('queues')).toEqual([]);
    expect((await objects('skill_categories')).map((c) => c.skill_category_name)).toEqual(['Languages', 'Products']);
  });
});
