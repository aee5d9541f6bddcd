import { check, diff } from '../../provider/handlers';

describe('SkillCategory, Skill, Flow and RoutingProfile rules', () => {
  it('requires maxProficiencyLevel exactly for proficiency categories', async () => {
    expect((await check('SkillCategory', {}, { name: 'L', skillType: 'proficiency' })).failures).toEqual([
      expect.objectContaining({ property: 'maxProficiencyLevel', reason: expect.stringMatching(/required when skillType is "proficiency"/) }),
    ]);
    expect((await check('SkillCategory', {}, { name: 'L', skillType: 'text', maxProficiencyLevel: 2 })).failures).toEqual([
      expect.objectContaining({ property: 'maxProficiencyLevel', reason: expect.stringMatching(/got 2 with skillType "text"/) }),
    ]);
    expect((await check('SkillCategory', {}, { name: 'L', skillType: 'proficiency', maxProficiencyLevel: 6 })).failures).toEqual([
      expect.objectContaining({ property: 'maxProficiencyLevel', reason: expect.stringMatching(/got 6; must be a whole number from 1 to 5/) }),
    ]);
  });

  it('rejects a flow definition that is not a JSON object, or not a Studio file', async () => {
    const result = await check('Flow', {}, { name: 'F', definition: '{"start": ' });
    expect(result.failures).toEqual([expect.objectContaining({ property: 'definition', reason: expect.stringMatching(/expected a JSON object/) })]);
    const noType = await check('Flow', {}, { name: 'F', definition: { nodes: [] } });
    expect(noType.failures).toEqual([
      expect.objectContaining({
        property: '',
        reason: expect.stringMatching(/^Flow\.definition is invalid: got \{"nodes":\[\]\}; .*studioType must be one of 0, 1, 2, 3, 4/),
      }),
    ]);
  });

  it('compares flow definitions canonically; a new studioType (channel) replaces the flow', async () => {
    const olds = { name: 'F', definition: { studioType: 0, a: 1, b: { c: [1, 2] } }, publish: true, description: '' };
    expect((await diff('Flow', 'f', olds, { ...olds, definition: { b: { c: [1, 2] }, a: 1, studioType: 0 } })).changes).toBe(false);
    expect(await diff('Flow', 'f', olds, { ...olds, definition: { studioType: 0, a: 2 } })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff('Flow', 'f', olds, { ...olds, definition: { studioType: 1, a: 1 } })).toMatchObject({
      replaces: ['definition'],
      deleteBeforeReplace: true,
    });
  });

  it('replaces a skill moved to another category; routing priorities keep their order', async () => {
    expect(await diff('Skill', 's', { name: 'S', skillCategoryId: 'a' }, { name: 'S', skillCategoryId: 'b' })).toMatchObject({ replaces: ['skillCategoryId'] });
    const first = { categoryType: 'skill', skillCategoryId: 'c1' };
    const second = { categoryType: 'skill', skillCategoryId: 'c2', minimumProficiencyLevel: 2 };
    expect((await diff('AgentRoutingProfile', 'r', { name: 'R', priorities: [first, second] }, { name: 'R', priorities: [second, first] })).changes).toBe(true);
    expect(
      (
        await diff(
          'AgentRoutingProfile',
          'r',
          { name: 'R', priorities: [first, second] },
          { name: 'R', priorities: [{ skillCategoryId: 'c1', categoryType: 'skill' }, second] },
        )
      ).changes,
    ).toBe(false);
  });

  it('a recorded number that this version names is the same value: no diff for closureHourType 1 → "allDay"', async () => {
    const closure = { closureName: 'New Year', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59' };
    const recorded = { name: 'Holidays', timezone: 'UTC', closures: [{ ...closure, closureHourType: 1, recurringFrequency: 3 }], __provider: 'stub' };
    const declared = {
      name: 'Holidays',
      timezone: 'UTC',
      closures: [{ ...closure, closureHourType: 'allDay', recurringFrequency: 'yearly' }],
      __provider: 'stub',
    };
    expect((await diff('ClosureSet', 'cs1', recorded, declared)).changes).toBe(false);
    const moved = { ...declared, closures: [{ ...closure, closureHourType: 'allDay', recurringFrequency: 'monthly' }] };
    expect(await diff('ClosureSet', 'cs1', recorded, moved)).toMatchObject({ changes: true, replaces: [] });
  });
});
