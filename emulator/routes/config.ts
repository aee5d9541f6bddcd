import { conflict, notFound, EmulatorError, invalidField } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
import { CHANNELS, SKILL_TYPES, type EmulatorState } from '../state';
import { asBody, enumField, integerField, objectField, rejectUnknownFields, stringArrayField, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

function find<T extends object>(table: { get(id: string): T | undefined }, what: string, id: string): T {
  const row = table.get(id);
  if (!row) throw notFound(what, id);
  return row;
}

function assertUnique(rows: Array<{ name: string }>, name: string, what: string, except?: { name: string }) {
  if (rows.some((row) => row.name === name && row !== except)) throw conflict(`${what} name already exists: ${name}.`);
}

function checkProficiency(skillType: string, level: number | undefined) {
  if (skillType === 'proficiency' && level === undefined) throw invalidField('max_proficiency_level', 'Required when skill_type is proficiency.');
  if (skillType === 'text' && level !== undefined) throw invalidField('max_proficiency_level', 'Only allowed when skill_type is proficiency.');
}

function checkQueues(state: EmulatorState, ids: string[]) {
  for (const id of ids) if (!state.queues.get(id)) throw notFound('Queue', id);
}

export function registerConfigRoutes(route: ReturnType<typeof defineRoutes>) {
  // Skill categories (the document lists only the list call; the real API has the rest).
  route('GET', '/contact_center/skills/categories', 'medium', (request, { state }) => ({ body: paginate(state.skillCategories.all(), query(request), 'skill_categories') }));
  route('POST', '/contact_center/skills/categories', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'skill_type', 'max_proficiency_level']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 64 })!;
    const skillType = enumField(body, 'skill_type', SKILL_TYPES, true)!;
    const level = integerField(body, 'max_proficiency_level', 1, 5);
    checkProficiency(skillType, level);
    assertUnique(state.skillCategories.all(), name, 'Skill category');
    const row = state.skillCategories.insert({
      skill_category_id: state.skillCategories.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      skill_type: skillType,
      ...(level !== undefined ? { max_proficiency_level: level } : {}),
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/skills/categories/:categoryId', 'light', (request, { state }) => ({ body: find(state.skillCategories, 'Skill category', params(request).categoryId) }));
  route('PATCH', '/contact_center/skills/categories/:categoryId', 'light', (request, { state }) => {
    const row = find(state.skillCategories, 'Skill category', params(request).categoryId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'max_proficiency_level']);
    const name = stringField(body, 'name', { min: 1, max: 64 });
    const level = integerField(body, 'max_proficiency_level', 1, 5);
    if (level !== undefined) checkProficiency(row.skill_type, level);
    if (name !== undefined) {
      assertUnique(state.skillCategories.all(), name, 'Skill category', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    if (level !== undefined) row.max_proficiency_level = level;
    return { status: 204 };
  });
  route('DELETE', '/contact_center/skills/categories/:categoryId', 'light', (request, { state }) => {
    const row = find(state.skillCategories, 'Skill category', params(request).categoryId);
    const users = state.skills.all().filter((skill) => skill.skill_category_id === row.skill_category_id);
    if (users.length > 0) {
      throw new EmulatorError(409, 2002, `Skill category ${row.skill_category_id} is in use by skills: ${users.map((s) => `${s.name} (${s.skill_id})`).join(', ')}.`);
    }
    state.skillCategories.delete(row.skill_category_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/skills', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.skills.all();
    if (typeof q.skill_category_id === 'string' && q.skill_category_id !== '') rows = rows.filter((s) => s.skill_category_id === q.skill_category_id);
    return { body: paginate(rows, q, 'skills') };
  });
  route('POST', '/contact_center/skills', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'skill_category_id']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 64 })!;
    const categoryId = stringField(body, 'skill_category_id', { required: true, min: 1, max: 64 })!;
    find(state.skillCategories, 'Skill category', categoryId);
    assertUnique(state.skills.all().filter((s) => s.skill_category_id === categoryId), name, 'Skill');
    const row = state.skills.insert({
      skill_id: state.skills.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      skill_category_id: categoryId,
      created_at: now(),
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/skills/:skillId', 'light', (request, { state }) => ({ body: find(state.skills, 'Skill', params(request).skillId) }));
  route('PATCH', '/contact_center/skills/:skillId', 'light', (request, { state }) => {
    const row = find(state.skills, 'Skill', params(request).skillId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description']);
    const name = stringField(body, 'name', { min: 1, max: 64 });
    if (name !== undefined) {
      assertUnique(state.skills.all().filter((s) => s.skill_category_id === row.skill_category_id), name, 'Skill', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    return { status: 204 };
  });
  route('DELETE', '/contact_center/skills/:skillId', 'light', (request, { state }) => {
    const row = find(state.skills, 'Skill', params(request).skillId);
    state.skills.delete(row.skill_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/flows', 'medium', (request, { state }) => ({ body: paginate(state.flows.all(), query(request), 'flows') }));
  route('POST', '/contact_center/flows', 'medium', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'channel', 'definition']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 128 })!;
    assertUnique(state.flows.all(), name, 'Flow');
    const at = now();
    const row = state.flows.insert({
      flow_id: state.flows.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      channel: enumField(body, 'channel', CHANNELS, true)!,
      definition: objectField(body, 'definition') ?? {},
      status: 'draft',
      version: 1,
      published_at: null,
      updated_at: at,
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/flows/:flowId', 'light', (request, { state }) => ({ body: find(state.flows, 'Flow', params(request).flowId) }));
  route('PATCH', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'definition']);
    const name = stringField(body, 'name', { min: 1, max: 128 });
    if (name !== undefined) {
      assertUnique(state.flows.all(), name, 'Flow', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    const definition = objectField(body, 'definition');
    if (definition !== undefined) {
      row.definition = definition;
      // Editing a published flow leaves a draft that must be published again.
      row.status = 'draft';
      row.version += 1;
    }
    row.updated_at = now();
    return { status: 204 };
  });
  route('PUT', '/contact_center/flows/:flowId/publish', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    if (Object.keys(row.definition).length === 0) throw new EmulatorError(400, 300, `Flow ${row.flow_id} has an empty definition and cannot be published.`);
    row.status = 'published';
    row.published_at = now();
    return { status: 204 };
  });
  route('DELETE', '/contact_center/flows/:flowId', 'light', (request, { state }) => {
    const row = find(state.flows, 'Flow', params(request).flowId);
    state.flows.delete(row.flow_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/routing_profiles', 'medium', (request, { state }) => ({ body: paginate(state.routingProfiles.all(), query(request), 'routing_profiles') }));
  route('POST', '/contact_center/routing_profiles', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'queue_ids']);
    const name = stringField(body, 'name', { required: true, min: 1, max: 128 })!;
    assertUnique(state.routingProfiles.all(), name, 'Routing profile');
    const queueIds = stringArrayField(body, 'queue_ids', 50) ?? [];
    checkQueues(state, queueIds);
    const row = state.routingProfiles.insert({
      routing_profile_id: state.routingProfiles.nextId(),
      name,
      description: stringField(body, 'description', { max: 256 }) ?? '',
      queue_ids: [...new Set(queueIds)],
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/routing_profiles/:profileId', 'light', (request, { state }) => ({ body: find(state.routingProfiles, 'Routing profile', params(request).profileId) }));
  route('PATCH', '/contact_center/routing_profiles/:profileId', 'light', (request, { state, behaviour }) => {
    if (!behaviour.routingProfileWrites) throw new EmulatorError(405, 405, 'Method not allowed.');
    const row = find(state.routingProfiles, 'Routing profile', params(request).profileId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['name', 'description', 'queue_ids']);
    const name = stringField(body, 'name', { min: 1, max: 128 });
    if (name !== undefined) {
      assertUnique(state.routingProfiles.all(), name, 'Routing profile', row);
      row.name = name;
    }
    const description = stringField(body, 'description', { max: 256 });
    if (description !== undefined) row.description = description;
    const queueIds = stringArrayField(body, 'queue_ids', 50);
    if (queueIds !== undefined) {
      checkQueues(state, queueIds);
      row.queue_ids = [...new Set(queueIds)];
    }
    return { status: 204 };
  });
  route('DELETE', '/contact_center/routing_profiles/:profileId', 'light', (request, { state, behaviour }) => {
    if (!behaviour.routingProfileWrites) throw new EmulatorError(405, 405, 'Method not allowed.');
    const row = find(state.routingProfiles, 'Routing profile', params(request).profileId);
    state.routingProfiles.delete(row.routing_profile_id);
    return { status: 204 };
  });
}
