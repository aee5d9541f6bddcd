import { type Collection, LIGHT_WRITES, MEDIUM } from '../client/endpoints';
import { z } from 'zod';
import { defineSpec } from '../engine/spec';
import { integer, oneOf, text, zoomId } from './fields';

/** A skill's type: text (held or not) or proficiency (a level 1-5). */
export const SKILL_TYPES = ['text', 'proficiency'] as const;

/** A user of a skill: GET /contact_center/skills/{skillId}/users. */
export const skillUserSchema = z.object({
  user_id: z.string(),
  cc_user_id: z.string().optional(),
  display_name: z.string().optional(),
  user_email: z.string().optional(),
});

// Skill categories and skills: GET/POST /contact_center/skills/categories, /contact_center/skills (official shapes).
export const skillCategorySchema = z.object({
  skill_category_id: z.string(),
  skill_category_name: z.string(),
  skill_category_description: z.string().optional().default(''),
  skill_type: z.enum(SKILL_TYPES),
  max_proficiency_level: z.number().optional(),
  total_agent_routing_profiles: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccSkillCategory = z.infer<typeof skillCategorySchema>;

export const skillSchema = z.object({
  skill_id: z.string(),
  skill_name: z.string(),
  skill_type: z.enum(SKILL_TYPES).optional(),
  max_proficiency_level: z.number().optional(),
  skill_category_name: z.string().optional(),
  skill_category_id: z.string(),
  total_users: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccSkill = z.infer<typeof skillSchema>;

export const skillUsersEndpoint: Collection<z.infer<typeof skillUserSchema>> = {
  path: '/contact_center/skills/{skillId}/users',
  objectId: 'userId',
  listKey: 'users',
  item: skillUserSchema,
  maxPageSize: 300,
  categories: MEDIUM,
};
export const skillCategoriesEndpoint: Collection<z.infer<typeof skillCategorySchema>> = {
  path: '/contact_center/skills/categories',
  objectId: 'skillCategoryId',
  listKey: 'skill_categories',
  item: skillCategorySchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const skillsEndpoint: Collection<z.infer<typeof skillSchema>> = {
  path: '/contact_center/skills',
  objectId: 'skillId',
  listKey: 'skills',
  item: skillSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

export const skillCategorySpec = defineSpec<ZccSkillCategory>()({
  kind: 'SkillCategory',
  description: 'A skill category: groups skills, either plain (text) or rated with a proficiency level.',
  endpoint: skillCategoriesEndpoint,
  idField: 'skill_category_id',
  listHasEveryField: true,
  idOutput: 'skillCategoryId',
  inputSchema: z.strictObject({
    name: text('Category name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    skillType: oneOf(SKILL_TYPES, '`text` for plain skills or `proficiency` for rated ones. Changing it replaces the category (the API cannot change it).'),
    maxProficiencyLevel: integer('Highest proficiency level (1-5); required for and only allowed with `proficiency`.', 1, 5).optional(),
  }),
  apiFields: { name: 'skill_category_name', description: 'skill_category_description', skillType: 'skill_type', maxProficiencyLevel: 'max_proficiency_level' },
  serverDefaults: { description: '' },
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      skillCategoryId: { from: 'skill_category_id', type: 'string', required: true, description: 'The skill category id.' },
      name: { from: 'skill_category_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'skill_category_description', type: 'string', description: 'The description.' },
      skillType: { from: 'skill_type', type: 'string', required: true, description: '`text` or `proficiency`.' },
      maxProficiencyLevel: { from: 'max_proficiency_level', type: 'number', description: 'The highest proficiency level.' },
    },
  },
  replaceOnChanges: ['skillType'],
  uniqueName: true,
  naturalKey: ['name'],
  crossFieldCheck: (inputs) => {
    if (inputs.skillType === 'proficiency' && inputs.maxProficiencyLevel === undefined)
      return [['maxProficiencyLevel', 'is required when skillType is "proficiency": give a level from 1 to 5.']];
    if (inputs.skillType === 'text' && inputs.maxProficiencyLevel !== undefined)
      return [
        ['maxProficiencyLevel', `is only allowed when skillType is "proficiency"; got ${JSON.stringify(inputs.maxProficiencyLevel)} with skillType "text".`],
      ];
    return [];
  },
  outputs: {
    skillCategoryId: { description: 'The skill category id ZCC assigned.' },
    lastModifiedTime: { description: 'When the category was last changed (ISO 8601), as ZCC reports it.' },
  },
  computedOutputs: (server) => ({ lastModifiedTime: server.last_modified_time }),
  example: `const languages = new zcc.SkillCategory('languages', { name: 'Languages', skillType: 'proficiency', maxProficiencyLevel: 5 });`,
});

export const skillSpec = defineSpec<ZccSkill>()({
  kind: 'Skill',
  description: 'A skill agents can hold, within a skill category; skills-based routing uses them. Zoom keeps no description for skills.',
  endpoint: skillsEndpoint,
  idField: 'skill_id',
  listHasEveryField: true,
  idOutput: 'skillId',
  inputSchema: z.strictObject({
    name: text('Skill name, unique within its category (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    skillCategoryId: zoomId('Id of the skill category (e.g. `category.skillCategoryId`). Changing it replaces the skill.'),
  }),
  apiFields: { name: 'skill_name', skillCategoryId: 'skill_category_id' },
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      skillId: { from: 'skill_id', type: 'string', required: true, description: 'The skill id.' },
      name: { from: 'skill_name', type: 'string', required: true, description: 'The name.' },
      skillCategoryId: { from: 'skill_category_id', type: 'string', required: true, description: "The skill's category id." },
      skillCategoryName: { from: 'skill_category_name', type: 'string', description: "The skill's category name." },
      skillType: { from: 'skill_type', type: 'string', description: '`text` or `proficiency`.' },
      maxProficiencyLevel: { from: 'max_proficiency_level', type: 'number', description: "The category's highest proficiency level." },
    },
    within: { arg: 'skillCategoryId', field: 'skill_category_id', description: 'The category to look in: skill names are unique only within a category.' },
  },
  replaceOnChanges: ['skillCategoryId'],
  references: { skillCategoryId: 'SkillCategory' },
  naturalKey: ['name', 'skillCategoryId'],
  outputs: {
    skillId: { description: 'The skill id ZCC assigned.' },
    skillType: { description: "The category's skill type: `text` or `proficiency`." },
    maxProficiencyLevel: { description: "The category's highest proficiency level, for `proficiency` skills.", type: 'number' },
    lastModifiedTime: { description: 'When the skill was last changed (ISO 8601), as ZCC reports it.' },
  },
  computedOutputs: (server) => ({
    skillType: server.skill_type,
    maxProficiencyLevel: server.max_proficiency_level,
    lastModifiedTime: server.last_modified_time,
  }),
  example: `const german = new zcc.Skill('german', { name: 'German', skillCategoryId: languages.skillCategoryId });`,
});
