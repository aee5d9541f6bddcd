import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Held = Record<string, Array<{ skill_id: string; user_proficiency_level?: number }>>;

/** QueueSupervisors, QueueSupervisor and UserSkills through their lifecycle on the real CLI. */
describe('supervisors and user skills on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });

  const declaration = (opts: { supervisors: string[]; germanLevel: number; lead?: string; skilledUser?: string }) => [
    { kind: 'SkillCategory', name: 'languages', args: { name: 'Spoken', skillType: 'proficiency', maxProficiencyLevel: 5 } },
    { kind: 'Skill', name: 'german', args: { name: 'German', skillCategoryId: { $ref: 'languages.skillCategoryId' } } },
    { kind: 'Skill', name: 'billing', args: { name: 'Billing', skillCategoryId: 'cat_product' } },
    { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice' } },
    { kind: 'Queue', name: 'sales', args: { name: 'Sales', channel: 'voice' } },
    { kind: 'QueueSupervisors', name: 'support-supervisors', args: { queueId: { $ref: 'support.queueId' }, userIds: opts.supervisors } },
    // One supervisor on another queue: a single membership must not share a queue with an exclusive set.
    { kind: 'QueueSupervisor', name: 'sales-lead', args: { queueId: { $ref: 'sales.queueId' }, userId: opts.lead ?? 'agent_003' } },
    {
      kind: 'UserSkills',
      name: 'agent-20-skills',
      args: {
        userId: opts.skilledUser ?? 'agent_020',
        skills: [{ skillId: { $ref: 'german.skillId' }, proficiencyLevel: opts.germanLevel }, { skillId: { $ref: 'billing.skillId' } }],
      },
    },
  ];

  it('creates, previews empty, updates levels and members, repairs console edits, and destroys', async () => {
    const { stack, control } = current();
    await current().declare(declaration({ supervisors: ['agent_001', 'agent_002'], germanLevel: 3 }));
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 9 });
    const queues = (await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>;
    const queue = queues.find((q) => q.queue_name === 'Support')!;
    const sales = queues.find((q) => q.queue_name === 'Sales')!;
    expect([...(await control('GET', '/objects/queue_supervisors'))[queue.queue_id]].sort()).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/queue_supervisors'))[sales.queue_id]).toEqual(['agent_003']);
    const skills = (await control('GET', '/objects/skills')) as Array<{ skill_id: string; skill_name: string }>;
    const german = skills.find((s) => s.skill_name === 'German')!.skill_id;
    const billing = skills.find((s) => s.skill_name === 'Billing')!.skill_id;
    expect(((await control('GET', '/objects/user_skills')) as Held).agent_020).toEqual([
      { skill_id: german, user_proficiency_level: 3 },
      { skill_id: billing },
    ]);
    await expectNoChanges(stack);

    // In place: a level changes, a supervisor is swapped.
    await current().declare(declaration({ supervisors: ['agent_002', 'agent_004'], germanLevel: 5 }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 2 });
    expect([...(await control('GET', '/objects/queue_supervisors'))[queue.queue_id]].sort()).toEqual(['agent_002', 'agent_004']);
    expect(((await control('GET', '/objects/user_skills')) as Held).agent_020).toEqual([
      { skill_id: german, user_proficiency_level: 5 },
      { skill_id: billing },
    ]);
    await expectNoChanges(stack);

    // Console edits: a level lowered and an extra supervisor; refresh sees both, up restores the declaration.
    await control('PUT', '/user_skills/agent_020', [{ skill_id: german, user_proficiency_level: 1 }, { skill_id: billing }]);
    await control('PUT', `/queue_supervisors/${queue.queue_id}`, ['agent_002', 'agent_004', 'agent_009']);
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('agent-20-skills');
    expect(drift.text()).toContain('agent_009');
    await stack.refresh(quiet());
    await stack.up(quiet());
    expect(((await control('GET', '/objects/user_skills')) as Held).agent_020).toEqual([
      { skill_id: german, user_proficiency_level: 5 },
      { skill_id: billing },
    ]);
    expect([...(await control('GET', '/objects/queue_supervisors'))[queue.queue_id]].sort()).toEqual(['agent_002', 'agent_004']);
    await expectNoChanges(stack);

    // Replacement: the skills move to another user; the first one's are removed, not left behind.
    await current().declare(declaration({ supervisors: ['agent_002', 'agent_004'], germanLevel: 5, skilledUser: 'agent_021' }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 1 });
    let held = (await control('GET', '/objects/user_skills')) as Held;
    expect([held.agent_020, held.agent_021]).toEqual([[], [{ skill_id: german, user_proficiency_level: 5 }, { skill_id: billing }]]);
    await expectNoChanges(stack);

    // Out of band: every skill of the user removed in the console. Refresh records it, up assigns them again.
    await control('PUT', '/user_skills/agent_021', []);
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    held = (await control('GET', '/objects/user_skills')) as Held;
    expect(held.agent_021).toEqual([{ skill_id: german, user_proficiency_level: 5 }, { skill_id: billing }]);
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect(((await control('GET', '/objects/user_skills')) as Held).agent_021).toEqual([]);
    expect(await control('GET', '/objects/queues')).toEqual([]);
  });
});
