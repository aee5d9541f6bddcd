import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getClient } from '../../provider/runtime';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';
import { skillsEndpoint } from '../../provider/specs/skillSpecs';

/** UserSkills through the engine against the emulator: levels, exclusive and additive ownership, drift. */
const emulator = useEmulatorEnv({ plan: 'business' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const held = async (userId: string) =>
  ((await control('GET', '/objects/user_skills')) as Record<string, Array<{ skill_id: string; user_proficiency_level?: number }>>)[userId] ?? [];

describe('UserSkills', () => {
  let german: string;
  let french: string;
  let billing: string;
  beforeAll(async () => {
    german = (await getClient().createIn(skillsEndpoint, { skill_name: 'German', skill_category_id: 'cat_language' })).skill_id;
    french = (await getClient().createIn(skillsEndpoint, { skill_name: 'French', skill_category_id: 'cat_language' })).skill_id;
    billing = (await getClient().createIn(skillsEndpoint, { skill_name: 'Billing', skill_category_id: 'cat_product' })).skill_id;
  });

  it('assigns skills with levels, changes a level in place, and removes what an exclusive set no longer lists', async () => {
    const inputs = { userId: 'agent_010', skills: [{ skillId: german, proficiencyLevel: 3 }, { skillId: billing }] };
    expect((await check('UserSkills', {}, inputs)).failures ?? []).toEqual([]);
    const made = await create('UserSkills', { ...inputs, mode: 'exclusive' });
    expect(made.id).toBe('agent_010');
    expect(await held('agent_010')).toEqual([{ skill_id: german, user_proficiency_level: 3 }, { skill_id: billing }]);
    const state = (await read('UserSkills', 'agent_010', made.outs)).props!;
    expect(state.skills).toEqual(inputs.skills);

    await update('UserSkills', 'agent_010', state, { ...inputs, skills: [{ skillId: billing }, { skillId: german, proficiencyLevel: 5 }], mode: 'exclusive' });
    expect(await held('agent_010')).toEqual([{ skill_id: german, user_proficiency_level: 5 }, { skill_id: billing }]);

    // Added in the console: exclusive mode reports it, so refresh shows the drift, and up removes it.
    await control('PUT', '/user_skills/agent_010', [...(await held('agent_010')), { skill_id: french, user_proficiency_level: 1 }]);
    const drifted = (await read('UserSkills', 'agent_010', { ...state, mode: 'exclusive' })).props!;
    expect((drifted.skills as Array<{ skillId: string }>).map((s) => s.skillId)).toContain(french);
    // A later run (this run's check declared German, and a run never removes what one of its resources declares).
    forgetAllListings();
    await update('UserSkills', 'agent_010', drifted, { userId: 'agent_010', skills: [{ skillId: billing }], mode: 'exclusive' });
    expect(await held('agent_010')).toEqual([{ skill_id: billing }]);
    // Removed by a later run, which does not declare it again (a run's delete leaves what its checks declared).
    forgetAllListings();
    await remove('UserSkills', 'agent_010', { userId: 'agent_010', skills: [{ skillId: billing }], mode: 'exclusive' });
    expect(await held('agent_010')).toEqual([]);
  });

  it('additive mode leaves skills it did not declare alone', async () => {
    await control('PUT', '/user_skills/agent_011', [{ skill_id: french, user_proficiency_level: 2 }]);
    const made = await create('UserSkills', { userId: 'agent_011', skills: [{ skillId: german, proficiencyLevel: 1 }], mode: 'additive' });
    expect((await read('UserSkills', 'agent_011', made.outs)).props!.skills).toEqual([{ skillId: german, proficiencyLevel: 1 }]);
    await remove('UserSkills', 'agent_011', made.outs);
    expect(await held('agent_011')).toEqual([{ skill_id: french, user_proficiency_level: 2 }]);
  });

  it('rejects a repeated skill, a level out of range, and an empty exclusive set, before any API call', async () => {
    await control('DELETE', '/requests');
    const failures = async (inputs: Record<string, unknown>) => ((await check('UserSkills', {}, inputs)).failures ?? []).map((f) => f.reason).join(' | ');
    expect(await failures({ userId: 'agent_012', skills: [{ skillId: german }, { skillId: german }] })).toMatch(/must not list the same skill twice/);
    expect(await failures({ userId: 'agent_012', skills: [{ skillId: german, proficiencyLevel: 6 }] })).toMatch(
      /UserSkills\.skills\[0\]\.proficiencyLevel is invalid: got 6; must be a whole number from 1 to 5/,
    );
    expect(await failures({ userId: 'agent_012', skills: [] })).toMatch(/UserSkills\.skills is empty in exclusive mode/);
    expect(((await control('GET', '/requests')) as { total: number }).total).toBe(0);
  });

  it('a level the category does not allow is refused by the API with the field named', async () => {
    await expect(create('UserSkills', { userId: 'agent_013', skills: [{ skillId: billing, proficiencyLevel: 2 }], mode: 'exclusive' })).rejects.toThrow(
      /max_proficiency_level.*text skill/,
    );
  });
});
