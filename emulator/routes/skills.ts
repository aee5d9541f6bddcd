import { identified } from '../lookup';
import { conflict, EmulatorError, invalidField } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import { SKILL_TYPES, type EmulatorState, type SkillCategoryRow, type SkillRow } from '../state';
import { asBody, enumField, integerField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Skill categories and skills, in the shapes of Zoom's OpenAPI document (shared/zoom-cc-official-api.md):
 * `skill_category_name`, `skill_type`, `max_proficiency_level`; skills carry their category's type and level.
 */
const MODIFIED_BY = 'api';

function checkProficiency(skillType: string, level: number | undefined) {
  if (skillType === 'proficiency' && level === undefined) throw invalidField('max_proficiency_level', 'Required when skill_type is proficiency.');
  if (skillType === 'text' && level !== undefined) throw invalidField('max_proficiency_level', 'Only allowed when skill_type is proficiency.');
}

/** A skill as the API shows it: with its category's name, type and level, and how many users hold it. */
export function skillView(state: EmulatorState, row: SkillRow): Record<string, unknown> {
  const category = state.skillCategories.get(row.skill_category_id);
  const users = [...state.userSkills.values()].filter((skills) => skills.some((s) => s.skill_id === row.skill_id)).length;
  return {
    skill_id: row.skill_id,
    skill_name: row.skill_name,
    skill_type: category?.skill_type,
    ...(category?.max_proficiency_level !== undefined ? { max_proficiency_level: category.max_proficiency_level } : {}),
    skill_category_name: category?.skill_category_name,
    skill_category_id: row.skill_category_id,
    total_users: users,
    modified_by: row.modified_by,
    last_modified_time: row.last_modified_time,
  };
}

export function registerSkillRoutes(route: ReturnType<typeof defineRoutes>) {
  const categoryOf = (state: EmulatorState, key: string, type: unknown) => {
    const finders = {
      id: (k: string) => state.skillCategories.get(k),
      name: (k: string) => state.skillCategories.all().find((c) => c.skill_category_name === k),
    };
    return identified('Skill category', finders, 'skill_category_identifier_type', type, key);
  };
  const skillOf = (state: EmulatorState, key: string, type: unknown) => {
    const finders = { id: (k: string) => state.skills.get(k), name: (k: string) => state.skills.all().find((s) => s.skill_name === k) };
    return identified('Skill', finders, 'skill_identifier_type', type, key);
  };
  const categoryView = (_state: EmulatorState, row: SkillCategoryRow) => ({ ...row });

  route('GET', '/contact_center/skills/categories', 'medium', (request, { state }) => ({
    body: paginate(
      state.skillCategories.all().map((row) => categoryView(state, row)),
      query(request),
      'skill_categories',
      300,
      false,
    ),
  }));
  route('POST', '/contact_center/skills/categories', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['max_proficiency_level', 'skill_category_name', 'skill_category_description', 'skill_type']);
    const name = stringField(body, 'skill_category_name', { required: true, min: 1, max: 64 })!;
    const skillType = enumField(body, 'skill_type', SKILL_TYPES, true)!;
    const level = integerField(body, 'max_proficiency_level', 1, 5);
    checkProficiency(skillType, level);
    if (state.skillCategories.all().some((c) => c.skill_category_name === name)) throw conflict(`Skill category name already exists: ${name}.`);
    const row = state.skillCategories.insert({
      skill_category_id: state.skillCategories.nextId(),
      skill_category_name: name,
      skill_category_description: stringField(body, 'skill_category_description', { max: 256 }) ?? '',
      skill_type: skillType,
      ...(level !== undefined ? { max_proficiency_level: level } : {}),
      modified_by: MODIFIED_BY,
      last_modified_time: now(),
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/skills/categories/:skillCategoryId', 'light', (request, { state }) => ({
    body: categoryOf(state, params(request).skillCategoryId, query(request).skill_category_identifier_type),
  }));
  route('PATCH', '/contact_center/skills/categories/:skillCategoryId', 'light', (request, { state }) => {
    const row = categoryOf(state, params(request).skillCategoryId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['max_proficiency_level', 'skill_category_name', 'skill_category_description']);
    const name = stringField(body, 'skill_category_name', { min: 1, max: 64 });
    const level = integerField(body, 'max_proficiency_level', 1, 5);
    if (level !== undefined) checkProficiency(row.skill_type, level);
    if (name !== undefined && state.skillCategories.all().some((c) => c.skill_category_name === name && c !== row))
      throw conflict(`Skill category name already exists: ${name}.`);
    const description = stringField(body, 'skill_category_description', { max: 256 });
    if (name !== undefined) row.skill_category_name = name;
    if (description !== undefined) row.skill_category_description = description;
    if (level !== undefined) row.max_proficiency_level = level;
    row.modified_by = MODIFIED_BY;
    row.last_modified_time = now();
    return { status: 204 };
  });
  route('DELETE', '/contact_center/skills/categories/:skillCategoryId', 'light', (request, { state }) => {
    const row = categoryOf(state, params(request).skillCategoryId, 'id');
    const users = state.skills.all().filter((skill) => skill.skill_category_id === row.skill_category_id);
    if (users.length > 0) {
      throw new EmulatorError(
        409,
        2002,
        `Skill category ${row.skill_category_id} is in use by skills: ${users.map((s) => `${s.skill_name} (${s.skill_id})`).join(', ')}.`,
      );
    }
    state.skillCategories.delete(row.skill_category_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/skills', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.skills.all();
    if (typeof q.skill_category_id === 'string' && q.skill_category_id !== '') rows = rows.filter((s) => s.skill_category_id === q.skill_category_id);
    if (typeof q.skill_id === 'string' && q.skill_id !== '') rows = rows.filter((s) => s.skill_id === q.skill_id);
    const views = rows.map((row) => skillView(state, row));
    if (q.skill_type !== undefined) {
      const type = enumField({ skill_type: q.skill_type }, 'skill_type', SKILL_TYPES);
      return {
        body: paginate(
          views.filter((s) => s.skill_type === type),
          q,
          'skills',
          300,
        ),
      };
    }
    return { body: paginate(views, q, 'skills', 300) };
  });
  route('POST', '/contact_center/skills', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['skill_category_id', 'skill_name']);
    const name = stringField(body, 'skill_name', { required: true, min: 1, max: 64 })!;
    const categoryId = stringField(body, 'skill_category_id', { required: true, min: 1, max: 64 })!;
    categoryOf(state, categoryId, 'id');
    if (state.skills.all().some((s) => s.skill_category_id === categoryId && s.skill_name === name))
      throw conflict(`Skill name already exists in this category: ${name}.`);
    const row = state.skills.insert({
      skill_id: state.skills.nextId(),
      skill_name: name,
      skill_category_id: categoryId,
      modified_by: MODIFIED_BY,
      last_modified_time: now(),
    });
    return { status: 201, body: skillView(state, row) };
  });
  route('GET', '/contact_center/skills/:skillId', 'light', (request, { state }) => ({
    body: skillView(state, skillOf(state, params(request).skillId, query(request).skill_identifier_type)),
  }));
  route('PATCH', '/contact_center/skills/:skillId', 'light', (request, { state }) => {
    const row = skillOf(state, params(request).skillId, query(request).skill_identifier_type);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['skill_name']);
    const name = stringField(body, 'skill_name', { min: 1, max: 64 });
    if (name !== undefined) {
      if (state.skills.all().some((s) => s.skill_category_id === row.skill_category_id && s.skill_name === name && s !== row))
        throw conflict(`Skill name already exists in this category: ${name}.`);
      row.skill_name = name;
    }
    row.modified_by = MODIFIED_BY;
    row.last_modified_time = now();
    return { status: 204 };
  });
  route('DELETE', '/contact_center/skills/:skillId', 'light', (request, { state }) => {
    const row = skillOf(state, params(request).skillId, query(request).skill_identifier_type);
    state.skills.delete(row.skill_id);
    for (const skills of state.userSkills.values()) skills.splice(0, skills.length, ...skills.filter((s) => s.skill_id !== row.skill_id));
    return { status: 204 };
  });
}
