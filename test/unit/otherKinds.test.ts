import { check, diff } from '../../provider/engine/handlers';

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

  it('rejects a flow definition that is not a JSON object', async () => {
    const result = await check('Flow', {}, { name: 'F', channel: 'voice', definition: '{"start": ' });
    expect(result.failures).toEqual([expect.objectContaining({ property: 'definition', reason: expect.stringMatching(/expected a JSON object/) })]);
  });

  it('compares flow definitions canonically and replaces on channel change', async () => {
    const olds = { name: 'F', channel: 'voice', definition: { a: 1, b: { c: [1, 2] } }, publish: true, description: '' };
    expect((await diff('Flow', 'f', olds, { ...olds, definition: { b: { c: [1, 2] }, a: 1 } })).changes).toBe(false);
    expect(await diff('Flow', 'f', olds, { ...olds, channel: 'chat' })).toMatchObject({ replaces: ['channel'], deleteBeforeReplace: true });
  });

  it('replaces a skill moved to another category and treats profile queues as a set', async () => {
    expect(await diff('Skill', 's', { name: 'S', skillCategoryId: 'a' }, { name: 'S', skillCategoryId: 'b' })).toMatchObject({ replaces: ['skillCategoryId'] });
    expect((await diff('RoutingProfile', 'r', { name: 'R', queueIds: ['q1', 'q2'] }, { name: 'R', queueIds: ['q2', 'q1'] })).changes).toBe(false);
    expect((await check('RoutingProfile', {}, { name: 'R', queueIds: ['q1', 'q1'] })).failures).toEqual([expect.objectContaining({ property: 'queueIds' })]);
  });
});
