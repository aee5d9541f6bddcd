import { z } from 'zod';
import { endpoints } from '../client/endpoints';
import { ownedSetSpec } from '../engine/ownedSet';
import { integer, zoomId } from './fields';
import { parentId } from './ownership';

/**
 * The skills of one user with their proficiency levels (`/users/{userId}/skills`): an owned set (engine/ownedSet.ts)
 * whose members carry a level. In API shape a held skill is `{ skill_id, proficiency_level }`; the API names the
 * level `max_proficiency_level` when assigning (assigning again sets it) and `user_proficiency_level` when listing.
 */
type Held = { skill_id: string; proficiency_level?: number };

const heldSkill = z.strictObject({
  skillId: zoomId('Id of the skill (e.g. `german.skillId`).'),
  proficiencyLevel: integer("The user's level (1-5), for skills of a proficiency category; leave it out for text skills.", 1, 5).optional(),
});

export const userSkillsSpec = ownedSetSpec({
  kind: 'UserSkills',
  description:
    'The skills of one user, each with its proficiency level. `exclusive` (default) makes the user hold exactly these skills, removing others (a new set warns at preview which it will remove); `additive` adds these skills and only ever removes skills it added. Declare each user once.',
  endpoint: endpoints.userSkills,
  parent: { kind: 'User', input: 'userId', noun: 'user', schema: zoomId('Id of the user (see getUser). Changing it replaces the resource.') },
  lists: [
    {
      input: 'skills',
      field: 'skills',
      kind: 'Skill',
      noun: 'skills',
      reference: 'skills[].skillId',
      sameItem: (current, wanted) => ((current as Held).proficiency_level ?? null) === ((wanted as Held).proficiency_level ?? null),
      schema: z
        .array(heldSkill, { error: 'expected a list of skills' })
        .max(500, { error: 'must list at most 500 skills' })
        .refine((skills) => new Set(skills.map((skill) => skill.skillId)).size === skills.length, { error: 'must not list the same skill twice' })
        .describe('The skills the user holds, with levels; order does not matter.'),
    },
  ],
  calls: {
    read: async (client, userId) => ({
      skills: (await client.listUserSkills(userId)).map((skill) => ({
        skill_id: skill.skill_id,
        ...(skill.user_proficiency_level !== undefined ? { proficiency_level: skill.user_proficiency_level } : {}),
      })),
    }),
    add: (client, userId, _field, skills) =>
      client.assignUserSkills(
        userId,
        (skills as Held[]).map((held) => ({
          skill_id: held.skill_id,
          ...(held.proficiency_level !== undefined ? { max_proficiency_level: held.proficiency_level } : {}),
        })),
      ),
    remove: (client, userId, _field, [held]) => client.removeUserSkill(userId, (held as Held).skill_id),
    // One assign call takes the whole list.
    addBatch: 500,
  },
  harm: "strip a user's skills",
  onePerProgram: true,
  example: `const ada = zcc.getUser({ email: 'ada@example.com' });
new zcc.UserSkills('ada-skills', {
  userId: ada.then((u) => u.userId),
  skills: [
    { skillId: german.skillId, proficiencyLevel: 4 },
    { skillId: billing.skillId },
  ],
});`,
});
