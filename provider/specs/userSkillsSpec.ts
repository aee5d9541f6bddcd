import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { endpoints, fillPath } from '../client/endpoints';
import { ZccApiError, unlessNotFound } from '../client/errors';
import { integer, zoomId } from './fields';
import { emptyExclusiveCheck, isExclusive, ownershipInputs, removalWarning } from './ownership';

/**
 * The skills of one user with their proficiency levels (`/users/{userId}/skills`), with the same ownership modes
 * as queue membership: `exclusive` owns the user's whole skill set, `additive` only the skills it declared.
 * In API shape a held skill is `{ skill_id, proficiency_level }`; the API names the level `max_proficiency_level`
 * when assigning and `user_proficiency_level` when listing.
 */
const owned = { field: 'skills', items: 'skills', everything: 'every skill of the user', harm: "strip a user's skills" };
type Held = { skill_id: string; proficiency_level?: number };

const asHeld = (value: unknown): Held[] => (Array.isArray(value) ? (value as Held[]) : []);
const sameLevel = (a: Held, b: Held) => (a.proficiency_level ?? null) === (b.proficiency_level ?? null);

async function currentSkills(client: ZccClient, userId: string): Promise<Held[] | undefined> {
  return unlessNotFound(async () =>
    (await client.listUserSkills(userId)).map((skill) => ({
      skill_id: skill.skill_id,
      ...(skill.user_proficiency_level !== undefined ? { proficiency_level: skill.user_proficiency_level } : {}),
    })),
  );
}

/**
 * Brings the user's skills to `desired`: one assign call for every skill missing or at another level (assigning
 * again sets the level), then one removal per skill to drop. Exclusive mode drops every other skill; additive mode
 * only skills this resource declared before and no longer declares.
 */
async function reconcile(client: ZccClient, userId: string, desired: Held[], mode: string, previouslyDeclared: Held[]): Promise<void> {
  const current = await currentSkills(client, userId);
  if (current === undefined)
    throw new ZccApiError(`User ${userId} does not exist, so their skills cannot be set.`, {
      method: 'GET',
      path: fillPath(endpoints.userSkills.path, [userId]),
      status: 404,
    });
  const byId = new Map(current.map((held) => [held.skill_id, held]));
  const toAssign = desired.filter((want) => !byId.has(want.skill_id) || !sameLevel(byId.get(want.skill_id)!, want));
  if (toAssign.length > 0) {
    await client.assignUserSkills(
      userId,
      toAssign.map((held) => ({ skill_id: held.skill_id, ...(held.proficiency_level !== undefined ? { max_proficiency_level: held.proficiency_level } : {}) })),
    );
  }
  const wanted = new Set(desired.map((held) => held.skill_id));
  const candidates = mode === 'exclusive' ? current : previouslyDeclared;
  for (const held of candidates) {
    if (!wanted.has(held.skill_id) && byId.has(held.skill_id)) await unlessNotFound(() => client.removeUserSkill(userId, held.skill_id));
  }
}

const userSkillsStore: ObjectStore = {
  list: async () => [],
  create: async (client, body) => {
    const userId = String(body.user_id);
    await reconcile(client, userId, asHeld(body.skills), String(body.mode), []);
    return { user_id: userId, skills: asHeld(body.skills), mode: body.mode };
  },
  get: async (client, userId, previous) => {
    const current = await currentSkills(client, userId);
    if (current === undefined) return undefined;
    const mode = previous?.mode ?? 'exclusive';
    const declared = new Set(asHeld(previous?.skills).map((held) => held.skill_id));
    return { user_id: userId, skills: mode === 'exclusive' ? current : current.filter((held) => declared.has(held.skill_id)), mode };
  },
  update: async (client, userId, _changed, full, previous) => {
    await reconcile(client, userId, asHeld(full.skills), String(full.mode), asHeld(previous.skills));
  },
  remove: async (client, userId, previous) => {
    const current = await currentSkills(client, userId);
    if (current === undefined) return;
    const held = new Set(current.map((skill) => skill.skill_id));
    for (const skill of asHeld(previous.skills)) if (held.has(skill.skill_id)) await unlessNotFound(() => client.removeUserSkill(userId, skill.skill_id));
  },
};

const heldSkill = z.strictObject({
  skillId: zoomId('Id of the skill (e.g. `german.skillId`).'),
  proficiencyLevel: integer("The user's level (1-5), for skills of a proficiency category; leave it out for text skills.", 1, 5).optional(),
});

export const userSkillsSpec = defineSpec<Props>()({
  kind: 'UserSkills',
  description:
    'The skills of one user, each with its proficiency level. `exclusive` (default) makes the user hold exactly these skills, removing others (a new set warns at preview which it will remove); `additive` adds these skills and only ever removes skills it added. Declare each user once.',
  endpoint: endpoints.userSkills,
  idField: 'user_id',
  idOutput: 'userId',
  inputSchema: z.strictObject({
    userId: zoomId('Id of the user (see getUser). Changing it replaces the resource.'),
    skills: z
      .array(heldSkill, { error: 'expected a list of skills' })
      .max(500, { error: 'must list at most 500 skills' })
      .refine((skills) => new Set(skills.map((skill) => skill.skillId)).size === skills.length, { error: 'must not list the same skill twice' })
      .describe('The skills the user holds, with levels; order does not matter.'),
    ...ownershipInputs(owned),
  }),
  apiFields: { userId: 'user_id', skills: 'skills', mode: 'mode' },
  serverDefaults: { mode: 'exclusive' },
  setFields: ['skills'],
  replaceOnChanges: ['userId'],
  exportAs: { role: 'set', owner: 'User', members: 'skills' },
  onePerProgram: 'userId',
  references: { userId: 'User', 'skills[].skillId': 'Skill' },
  crossFieldCheck: emptyExclusiveCheck(owned),
  previewCreate: async (client, inputs) => {
    if (!isExclusive(inputs)) return [];
    const current = await currentSkills(client, String(inputs.userId));
    const wanted = new Set((inputs.skills as Array<{ skillId: string }>).map((skill) => skill.skillId));
    const removed = (current ?? []).filter((held) => !wanted.has(held.skill_id)).map((held) => held.skill_id);
    return removalWarning('UserSkills', `user ${inputs.userId}`, removed, 'skill(s)', 'skills');
  },
  example: `const ada = zcc.getUser({ email: 'ada@example.com' });
new zcc.UserSkills('ada-skills', {
  userId: ada.then((u) => u.userId),
  skills: [
    { skillId: german.skillId, proficiencyLevel: 4 },
    { skillId: billing.skillId },
  ],
});`,
  store: userSkillsStore,
});
