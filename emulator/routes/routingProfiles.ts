import { identified } from '../lookup';
import { conflict, notFound, invalidField } from '../errors';
import { paginate } from '../pagination';
import type { AgentRoutingProfileRow, ConsumerRoutingProfileRow, EmulatorState } from '../state';
import { asBody, booleanField, enumField, integerField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Agent and consumer routing profiles, in the shapes of Zoom's OpenAPI document, with full CRUD. Queues link to
 * them (`agent_routing_profile_id`, `consumer_routing_profile_id` on the queue). The emulator fills in what Zoom
 * adds to a profile it answers with: priority ids and order, and the names of categories and skills.
 */
const ATTRIBUTE_TYPES = [
  'address_book_contacts',
  'entrance_to_queue',
  'new_customer',
  'returning_customer',
  'release_to_queue',
  'skills',
  'address_book_variable',
  'global_variable',
] as const;
const PARAMETER_FIELDS = [
  'ids',
  'enter_queue_start_time',
  'enter_queue_end_time',
  'enter_queue_timezone',
  'max_returning_minutes',
  'variable_id',
  'variable_values',
  'operator',
  'compared_value',
];

function list(body: Body, field: string): Body[] | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => item === null || typeof item !== 'object' || Array.isArray(item)))
    throw invalidField(field, 'Expected an array of objects.');
  return value as Body[];
}

function agentPriorities(state: EmulatorState, body: Body) {
  const items = list(body, 'priorities');
  if (!items) return undefined;
  return items.map((item, index) => {
    rejectUnknownFields(item, [
      'category_type',
      'skill_category_id',
      'intent_group_id',
      'minimum_proficiency_level',
      'skill_category_required',
      'intent_group_required',
      'default_skill_id',
      'time_step',
      'backup_skills',
    ]);
    const type = enumField(item, 'category_type', ['skill', 'intent'], true)!;
    const categoryId = stringField(item, 'skill_category_id', { max: 128 });
    const category = categoryId !== undefined ? state.skillCategories.get(categoryId) : undefined;
    if (categoryId !== undefined && !category) throw notFound('Skill category', categoryId);
    if (type === 'skill' && !category) throw invalidField('priorities.skill_category_id', `Required when category_type is skill (item ${index}).`);
    const defaultSkillId = stringField(item, 'default_skill_id', { max: 128 });
    const defaultSkill = defaultSkillId !== undefined ? state.skills.get(defaultSkillId) : undefined;
    if (defaultSkillId !== undefined && !defaultSkill) throw notFound('Skill', defaultSkillId);
    const backups = list(item, 'backup_skills')?.map((backup) => {
      rejectUnknownFields(backup, ['backup_skill_id', 'minimum_proficiency_level']);
      const id = stringField(backup, 'backup_skill_id', { required: true, min: 1, max: 128 })!;
      const skill = state.skills.get(id);
      if (!skill) throw notFound('Skill', id);
      const level = integerField(backup, 'minimum_proficiency_level', 1, 5);
      return { backup_skill_id: id, backup_skill_name: skill.skill_name, ...(level !== undefined ? { minimum_proficiency_level: level } : {}) };
    });
    const level = integerField(item, 'minimum_proficiency_level', 1, 5);
    const timeStep = integerField(item, 'time_step', 0, 86_400);
    const intentGroupId = stringField(item, 'intent_group_id', { max: 128 });
    return {
      priority_id: `prio_${index + 1}_${categoryId ?? intentGroupId ?? 'x'}`,
      priority_order: index + 1,
      category_type: type,
      ...(category
        ? { skill_category_id: category.skill_category_id, skill_category_name: category.skill_category_name, skill_type: category.skill_type }
        : {}),
      ...(intentGroupId !== undefined ? { intent_group_id: intentGroupId, intent_group_name: `Intent group ${intentGroupId}` } : {}),
      ...(level !== undefined ? { minimum_proficiency_level: level } : {}),
      ...(booleanField(item, 'skill_category_required') !== undefined ? { skill_category_required: item.skill_category_required } : {}),
      ...(booleanField(item, 'intent_group_required') !== undefined ? { intent_group_required: item.intent_group_required } : {}),
      ...(defaultSkill ? { default_skill_id: defaultSkill.skill_id, default_skill_name: defaultSkill.skill_name } : {}),
      ...(timeStep !== undefined ? { time_step: timeStep } : {}),
      ...(backups ? { backup_skills: backups } : {}),
    };
  });
}

function consumerPriorities(body: Body, field: string, accumulated: boolean) {
  return list(body, field)?.map((item) => {
    rejectUnknownFields(item, accumulated ? ['attribute_type', 'incremental_rate', 'parameter'] : ['attribute_type', 'parameter']);
    const out: Body = { attribute_type: enumField(item, 'attribute_type', ATTRIBUTE_TYPES, true) };
    if (accumulated) {
      if (typeof item.incremental_rate !== 'number' || !Number.isFinite(item.incremental_rate) || item.incremental_rate < 0)
        throw invalidField('incremental_rate', 'Required: a number, 0 or more.');
      out.incremental_rate = item.incremental_rate;
    }
    if (item.parameter !== undefined) {
      const parameter = asBody(item.parameter);
      rejectUnknownFields(parameter, PARAMETER_FIELDS);
      if (parameter.operator !== undefined) enumField(parameter, 'operator', ['equal_to', 'greater_than', 'less_than', 'contains']);
      if (parameter.max_returning_minutes !== undefined) integerField(parameter, 'max_returning_minutes', 0, 525_600);
      out.parameter = parameter;
    }
    return out;
  });
}

export function registerRoutingProfileRoutes(route: ReturnType<typeof defineRoutes>) {
  const agentProfile = (state: EmulatorState, key: string, type: unknown): AgentRoutingProfileRow => {
    const finders = {
      id: (k: string) => state.agentRoutingProfiles.get(k),
      name: (k: string) => state.agentRoutingProfiles.all().find((p) => p.agent_routing_profile_name === k),
    };
    return identified('Agent routing profile', finders, 'agent_routing_profile_identifier_type', type, key);
  };
  const consumerProfile = (state: EmulatorState, key: string, type: unknown): ConsumerRoutingProfileRow => {
    const finders = {
      id: (k: string) => state.consumerRoutingProfiles.get(k),
      name: (k: string) => state.consumerRoutingProfiles.all().find((p) => p.consumer_routing_profile_name === k),
    };
    return identified('Consumer routing profile', finders, 'consumer_routing_profile_identifier_type', type, key);
  };
  const agentFields = [
    'agent_routing_profile_name',
    'agent_routing_profile_description',
    'wait_time_agent_in_seconds',
    'priorities',
    'time_steps',
    'ignore_transferring_skills',
  ];
  const agentSettings = (state: EmulatorState, body: Body, required: boolean): Partial<AgentRoutingProfileRow> => {
    rejectUnknownFields(body, agentFields);
    const out: Partial<AgentRoutingProfileRow> = {};
    const name = stringField(body, 'agent_routing_profile_name', { required, min: 1, max: 128 });
    if (name !== undefined) out.agent_routing_profile_name = name;
    const description = stringField(body, 'agent_routing_profile_description', { max: 256 });
    if (description !== undefined) out.agent_routing_profile_description = description;
    const wait = integerField(body, 'wait_time_agent_in_seconds', 0, 86_400);
    if (wait !== undefined) out.wait_time_agent_in_seconds = wait;
    const priorities = agentPriorities(state, body);
    if (priorities) out.priorities = priorities;
    if (body.time_steps !== undefined) {
      if (!Array.isArray(body.time_steps) || body.time_steps.some((step) => !Number.isInteger(step) || (step as number) < 0))
        throw invalidField('time_steps', 'Expected an array of whole seconds.');
      out.time_steps = body.time_steps as number[];
    }
    if (booleanField(body, 'ignore_transferring_skills') !== undefined) out.ignore_transferring_skills = body.ignore_transferring_skills as boolean;
    return out;
  };
  const consumerSettings = (body: Body, required: boolean): Partial<ConsumerRoutingProfileRow> => {
    rejectUnknownFields(body, ['consumer_routing_profile_name', 'consumer_routing_profile_description', 'top_priorities', 'accumulated_priorities']);
    const out: Partial<ConsumerRoutingProfileRow> = {};
    const name = stringField(body, 'consumer_routing_profile_name', { required, min: 1, max: 128 });
    if (name !== undefined) out.consumer_routing_profile_name = name;
    const description = stringField(body, 'consumer_routing_profile_description', { max: 256 });
    if (description !== undefined) out.consumer_routing_profile_description = description;
    const top = consumerPriorities(body, 'top_priorities', false);
    if (top) out.top_priorities = top;
    const accumulated = consumerPriorities(body, 'accumulated_priorities', true);
    if (accumulated) out.accumulated_priorities = accumulated;
    return out;
  };
  const unique = (names: string[], name: string | undefined, what: string) => {
    if (name !== undefined && names.includes(name)) throw conflict(`${what} name already exists: ${name}.`);
  };

  route('GET', '/contact_center/agent_routing_profiles', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.agentRoutingProfiles.all();
    if (typeof q.agent_routing_profile_name === 'string' && q.agent_routing_profile_name !== '')
      rows = rows.filter((p) => p.agent_routing_profile_name === q.agent_routing_profile_name);
    return { body: paginate(rows, q, 'agent_routing_profiles', 100) };
  });
  route('POST', '/contact_center/agent_routing_profiles', 'light', (request, { state }) => {
    const settings = agentSettings(state, asBody(request.body), true);
    unique(
      state.agentRoutingProfiles.all().map((p) => p.agent_routing_profile_name),
      settings.agent_routing_profile_name,
      'Agent routing profile',
    );
    const row = state.agentRoutingProfiles.insert({
      agent_routing_profile_id: state.agentRoutingProfiles.nextId(),
      agent_routing_profile_description: '',
      ...settings,
    } as AgentRoutingProfileRow);
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/agent_routing_profiles/:profileId', 'light', (request, { state }) => ({
    body: agentProfile(state, params(request).profileId, query(request).agent_routing_profile_identifier_type),
  }));
  route('PATCH', '/contact_center/agent_routing_profiles/:profileId', 'light', (request, { state }) => {
    const row = agentProfile(state, params(request).profileId, query(request).agent_routing_profile_identifier_type);
    const settings = agentSettings(state, asBody(request.body), false);
    unique(
      state.agentRoutingProfiles
        .all()
        .filter((p) => p !== row)
        .map((p) => p.agent_routing_profile_name),
      settings.agent_routing_profile_name,
      'Agent routing profile',
    );
    Object.assign(row, settings);
    return { status: 204 };
  });
  route('DELETE', '/contact_center/agent_routing_profiles/:profileId', 'light', (request, { state }) => {
    const row = agentProfile(state, params(request).profileId, query(request).agent_routing_profile_identifier_type);
    const users = state.queues.all().filter((queue) => queue.agent_routing_profile_id === row.agent_routing_profile_id);
    if (users.length > 0)
      throw conflict(
        `Agent routing profile ${row.agent_routing_profile_id} is used by queues: ${users.map((q) => `${q.queue_name} (${q.queue_id})`).join(', ')}.`,
      );
    state.agentRoutingProfiles.delete(row.agent_routing_profile_id);
    return { status: 204 };
  });

  route('GET', '/contact_center/consumer_routing_profiles', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = state.consumerRoutingProfiles.all();
    if (typeof q.consumer_routing_profile_name === 'string' && q.consumer_routing_profile_name !== '')
      rows = rows.filter((p) => p.consumer_routing_profile_name === q.consumer_routing_profile_name);
    return { body: paginate(rows, q, 'consumer_routing_profiles', 300) };
  });
  route('POST', '/contact_center/consumer_routing_profiles', 'light', (request, { state }) => {
    const settings = consumerSettings(asBody(request.body), true);
    unique(
      state.consumerRoutingProfiles.all().map((p) => p.consumer_routing_profile_name),
      settings.consumer_routing_profile_name,
      'Consumer routing profile',
    );
    const row = state.consumerRoutingProfiles.insert({
      consumer_routing_profile_id: state.consumerRoutingProfiles.nextId(),
      consumer_routing_profile_description: '',
      ...settings,
    } as ConsumerRoutingProfileRow);
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/consumer_routing_profiles/:profileId', 'light', (request, { state }) => ({
    body: consumerProfile(state, params(request).profileId, query(request).consumer_routing_profile_identifier_type),
  }));
  route('PATCH', '/contact_center/consumer_routing_profiles/:profileId', 'light', (request, { state }) => {
    const row = consumerProfile(state, params(request).profileId, query(request).consumer_routing_profile_identifier_type);
    const settings = consumerSettings(asBody(request.body), false);
    unique(
      state.consumerRoutingProfiles
        .all()
        .filter((p) => p !== row)
        .map((p) => p.consumer_routing_profile_name),
      settings.consumer_routing_profile_name,
      'Consumer routing profile',
    );
    Object.assign(row, settings);
    return { status: 204 };
  });
  route('DELETE', '/contact_center/consumer_routing_profiles/:profileId', 'light', (request, { state }) => {
    const row = consumerProfile(state, params(request).profileId, query(request).consumer_routing_profile_identifier_type);
    const users = state.queues.all().filter((queue) => queue.consumer_routing_profile_id === row.consumer_routing_profile_id);
    if (users.length > 0)
      throw conflict(
        `Consumer routing profile ${row.consumer_routing_profile_id} is used by queues: ${users.map((q) => `${q.queue_name} (${q.queue_id})`).join(', ')}.`,
      );
    state.consumerRoutingProfiles.delete(row.consumer_routing_profile_id);
    return { status: 204 };
  });
}
