import { identified, identify } from '../lookup';
import { conflict, notFound, invalidField, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import type { EmulatorState, UserRow } from '../state';
import { asBody, enumField, integerField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';
import { skillView } from './skills';
import { findQueue } from './queues';

/**
 * Users (agents and supervisors are users), their queues and their skills, in the shapes of Zoom's OpenAPI
 * document: `/contact_center/users`, `/users/{userId}/queues`, `/users/{userId}/skills`, `/skills/{skillId}/users`.
 * There is no `/contact_center/agents`.
 */
const USER_ACCESS = ['active', 'inactive'] as const;
const CLIENT_INTEGRATIONS = ['Default', 'Salesforce', 'Zendesk', 'ServiceNow', 'Microsoft_Dynamics_365'] as const;
const PACKAGES = ['essentials', 'premium', 'elite'] as const;
const ADD_ONS = ['ai_expert_assist', 'zoom_contact_center_for_service_cloud_voice', 'zoom_contact_center_for_epic'] as const;

/** `channel_settings`, checked field by field (capacities 1 to 100: the document gives no range, an assumption). */
function channelSettings(value: unknown): Record<string, unknown> {
  const settings = asBody(value);
  rejectUnknownFields(settings, ['multi_channel_engagements', 'concurrent_message_capacity', 'concurrent_email_capacity']);
  const out: Record<string, unknown> = {};
  if (settings.multi_channel_engagements !== undefined) {
    const multi = asBody(settings.multi_channel_engagements);
    rejectUnknownFields(multi, ['enable', 'max_agent_load', 'email_max_agent_load']);
    if (multi.enable !== undefined && typeof multi.enable !== 'boolean')
      throw invalidField('channel_settings.multi_channel_engagements.enable', 'Expected true or false.');
    out.multi_channel_engagements = {
      ...(multi.enable !== undefined ? { enable: multi.enable } : {}),
      ...(multi.max_agent_load !== undefined ? { max_agent_load: integerField(multi, 'max_agent_load', 1, 100) } : {}),
      ...(multi.email_max_agent_load !== undefined ? { email_max_agent_load: integerField(multi, 'email_max_agent_load', 1, 100) } : {}),
    };
  }
  for (const field of ['concurrent_message_capacity', 'concurrent_email_capacity'])
    if (settings[field] !== undefined) out[field] = integerField(settings, field, 1, 100);
  return out;
}

/** The fields the user list shows (the GET shows more: emergency calling, the integration's name). */
const LIST_FIELDS = [
  'user_id',
  'cc_user_id',
  'display_name',
  'user_email',
  'role_id',
  'role_name',
  'client_integration',
  'status_id',
  'status_name',
  'sub_status_id',
  'sub_status_name',
  'user_access',
  'modified_by',
  'last_modified_time',
  'country_iso_code',
  'region_id',
  'region_name',
  'channel_settings',
  'package_name',
  'add_ons_plan',
  'teams',
  'billing_account_id',
  'billing_account_name',
];
const listView = (user: UserRow) => Object.fromEntries(Object.entries(user).filter(([key]) => LIST_FIELDS.includes(key)));
const CREATE_FIELDS = [
  'user_id',
  'user_email',
  'role_id',
  'country_iso_code',
  'client_integration',
  'client_integration_name',
  'user_access',
  'region_id',
  'channel_settings',
  'template_id',
  'package_name',
  'add_ons_plan',
  'emergency_calling',
  'billing_account_id',
];
const UPDATE_FIELDS = [
  'client_integration',
  'client_integration_name',
  'role_id',
  'status_id',
  'sub_status_id',
  'user_access',
  'country_iso_code',
  'region_id',
  'channel_settings',
  'template_id',
  'package_name',
  'add_ons_plan',
  'emergency_calling',
  'billing_account_id',
];

/** A user by `user_id` or `cc_user_id`, or by email with `user_identifier_type=email`. */
export function findUser(state: EmulatorState, key: string, type?: unknown): UserRow {
  const finders = {
    id: (k: string) => state.users.get(k) ?? state.users.all().find((u) => u.cc_user_id === k),
    email: (k: string) => state.users.all().find((u) => u.user_email.toLowerCase() === k.toLowerCase()),
  };
  return identified('User', finders, 'user_identifier_type', type, key);
}

const skillFinders = (state: EmulatorState) => ({
  id: (k: string) => state.skills.get(k),
  name: (k: string) => state.skills.all().find((s) => s.skill_name === k),
});

/** The user fields a queue member listing shows. */
export function memberView(user: UserRow): Record<string, unknown> {
  const { user_id, cc_user_id, display_name, user_email, role_id, role_name, status_id, status_name, user_access } = user;
  return { user_id, cc_user_id, display_name, user_email, role_id, role_name, status_id, status_name, user_access };
}

/** GET /users/{userId} and the create answer carry no modification time (only the list does). */
function userDetail(user: UserRow): Record<string, unknown> {
  const { modified_by: _by, last_modified_time: _at, template_id: _template, ...detail } = user;
  return detail;
}

function userSettings(state: EmulatorState, body: Body): Partial<UserRow> {
  const out: Partial<UserRow> = {};
  if (body.user_access !== undefined) out.user_access = enumField(body, 'user_access', USER_ACCESS);
  if (body.client_integration !== undefined) out.client_integration = enumField(body, 'client_integration', CLIENT_INTEGRATIONS);
  if (body.package_name !== undefined) out.package_name = enumField(body, 'package_name', PACKAGES);
  for (const field of [
    'role_id',
    'country_iso_code',
    'region_id',
    'status_id',
    'sub_status_id',
    'template_id',
    'billing_account_id',
    'client_integration_name',
  ] as const) {
    if (body[field] !== undefined) (out as Record<string, unknown>)[field] = stringField(body, field, { max: 128 });
  }
  if (body.channel_settings !== undefined) out.channel_settings = channelSettings(body.channel_settings);
  if (body.add_ons_plan !== undefined) {
    if (!Array.isArray(body.add_ons_plan)) throw invalidField('add_ons_plan', 'Expected a list.');
    out.add_ons_plan = body.add_ons_plan.map((plan) => enumField({ add_ons_plan: plan }, 'add_ons_plan', ADD_ONS, true)!);
  }
  if (body.emergency_calling !== undefined) {
    if (typeof body.emergency_calling !== 'boolean') throw invalidField('emergency_calling', 'Expected true or false.');
    out.emergency_calling = body.emergency_calling;
  }
  if (out.role_id !== undefined) {
    const role = state.roles.get(out.role_id);
    if (!role) throw invalidField('role_id', `Role does not exist: ${out.role_id}.`);
    out.role_name = role.role_name;
  }
  if (out.region_id !== undefined) {
    const region = state.regions.get(out.region_id);
    if (!region) throw invalidField('region_id', `Region does not exist: ${out.region_id}.`);
    out.region_name = region.region_name;
  }
  return out;
}

function userSkillsView(state: EmulatorState, user: UserRow) {
  return (state.userSkills.get(user.user_id) ?? []).flatMap((held) => {
    const skill = state.skills.get(held.skill_id);
    if (!skill) return [];
    const view = skillView(state, skill);
    return [
      {
        skill_id: skill.skill_id,
        skill_name: skill.skill_name,
        skill_type: view.skill_type,
        ...(view.max_proficiency_level !== undefined ? { max_proficiency_level: view.max_proficiency_level } : {}),
        ...(held.user_proficiency_level !== undefined ? { user_proficiency_level: held.user_proficiency_level } : {}),
        skill_category_id: skill.skill_category_id,
        skill_category_name: view.skill_category_name,
      },
    ];
  });
}

export function registerUserRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/users', 'medium', (request, { state }) => {
    const q = query(request);
    let users = state.users.all();
    if (typeof q.search_key === 'string' && q.search_key !== '') {
      const key = q.search_key.toLowerCase();
      users = users.filter((u) => u.user_email.toLowerCase().includes(key) || (u.display_name ?? '').toLowerCase().includes(key));
    }
    if (q.user_access !== undefined) users = users.filter((u) => u.user_access === enumField({ user_access: q.user_access }, 'user_access', USER_ACCESS));
    if (typeof q.region_id === 'string' && q.region_id !== '') users = users.filter((u) => u.region_id === q.region_id);
    return { body: paginate(users.map(listView), q, 'users', 300) };
  });

  route('POST', '/contact_center/users', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, CREATE_FIELDS);
    const email = stringField(body, 'user_email', { required: true, min: 3, max: 128 })!;
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalidField('user_email', 'Expected an email address.');
    if (state.users.all().some((u) => u.user_email.toLowerCase() === email.toLowerCase())) throw conflict(`User already exists: ${email}.`);
    const id = stringField(body, 'user_id', { max: 128 }) ?? state.users.nextId();
    const user = state.users.insert({
      user_id: id,
      cc_user_id: `cc${state.users.nextId()}`,
      display_name: email.split('@')[0],
      user_email: email,
      role_id: 'role_agent',
      role_name: 'Agent',
      status_id: 'status_offline',
      status_name: 'Offline',
      user_access: 'active',
      client_integration: 'Default',
      ...userSettings(state, body),
      modified_by: 'api',
      last_modified_time: now(),
    });
    return { status: 201, body: userDetail(user) };
  });

  route('GET', '/contact_center/users/:userId', 'light', (request, { state }) => ({ body: userDetail(findUser(state, params(request).userId)) }));

  route('PATCH', '/contact_center/users/:userId', 'light', (request, { state }) => {
    const user = findUser(state, params(request).userId, query(request).user_identifier_type);
    const body = asBody(request.body);
    rejectUnknownFields(body, UPDATE_FIELDS);
    Object.assign(user, userSettings(state, body), { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });

  route('PATCH', '/contact_center/users', 'medium', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['users']);
    if (!Array.isArray(body.users)) throw invalidField('users', 'Expected an array.');
    for (const entry of body.users as Body[]) {
      rejectUnknownFields(entry, ['user_id', 'user_email', ...UPDATE_FIELDS]);
      const key = entry.user_id ?? entry.user_email;
      if (typeof key !== 'string') throw invalidField('users', 'Each user needs user_id or user_email.');
      const user = findUser(state, key, entry.user_id !== undefined ? 'id' : 'email');
      Object.assign(user, userSettings(state, entry), { modified_by: 'api', last_modified_time: now() });
    }
    return { status: 204 };
  });

  const removeUser = (state: EmulatorState, user: UserRow) => {
    state.users.delete(user.user_id);
    state.userSkills.delete(user.user_id);
    for (const members of [...state.queueAgents.values(), ...state.queueSupervisors.values()]) {
      const at = members.indexOf(user.user_id);
      if (at >= 0) members.splice(at, 1);
    }
  };

  route('DELETE', '/contact_center/users/:userId', 'light', (request, { state }) => {
    removeUser(state, findUser(state, params(request).userId, query(request).user_identifier_type));
    return { status: 204 };
  });

  route('DELETE', '/contact_center/users', 'medium', (request, { state }) => {
    const q = query(request);
    const list = (value: unknown) => (value === undefined ? [] : String(value).split(',').filter(Boolean));
    const users = [...list(q.user_ids).map((id) => findUser(state, id)), ...list(q.user_emails).map((email) => findUser(state, email, 'email'))];
    if (users.length === 0) throw invalidField('user_ids', 'Give user_ids or user_emails.');
    for (const user of users) removeUser(state, user);
    return { status: 204 };
  });

  route('GET', '/contact_center/users/:userId/queues', 'medium', (request, { state }) => {
    const user = findUser(state, params(request).userId);
    const q = query(request);
    const wanted = q.user_assignment_type === undefined ? 'any' : enumField({ t: q.user_assignment_type }, 't', ['agent', 'supervisor', 'any', 'both']);
    const rows = state.queues.all().flatMap((queue) => {
      const agent = (state.queueAgents.get(queue.queue_id) ?? []).includes(user.user_id);
      const supervisor = (state.queueSupervisors.get(queue.queue_id) ?? []).includes(user.user_id);
      const type = agent && supervisor ? 'both' : agent ? 'agent' : supervisor ? 'supervisor' : undefined;
      if (!type) return [];
      if (wanted === 'agent' && !agent) return [];
      if (wanted === 'supervisor' && !supervisor) return [];
      if (wanted === 'both' && type !== 'both') return [];
      if (q.channel !== undefined && queue.channel !== q.channel) return [];
      return [
        {
          queue_id: queue.queue_id,
          cc_queue_id: queue.cc_queue_id,
          queue_name: queue.queue_name,
          queue_description: queue.queue_description,
          channel: queue.channel,
          user_assignment_type: type,
        },
      ];
    });
    return { body: paginate(rows, q, 'queues', 300) };
  });

  route('GET', '/contact_center/users/:userId/skills', 'medium', (request, { state }) => {
    const user = findUser(state, params(request).userId);
    const q = query(request);
    let skills = userSkillsView(state, user);
    if (typeof q.skill_category_id === 'string' && q.skill_category_id !== '') skills = skills.filter((s) => s.skill_category_id === q.skill_category_id);
    if (q.skill_type !== undefined)
      skills = skills.filter((s) => s.skill_type === enumField({ skill_type: q.skill_type }, 'skill_type', ['text', 'proficiency']));
    return { body: paginate(skills, q, 'skills', 300) };
  });

  // Assigning a skill the user already holds sets the user's level again (proficiency skills).
  route('POST', '/contact_center/users/:userId/skills', 'light', (request, { state }) => {
    const user = findUser(state, params(request).userId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['skills']);
    if (!Array.isArray(body.skills) || body.skills.length === 0) throw invalidField('skills', 'Expected a non-empty array.');
    const held = state.userSkills.get(user.user_id) ?? [];
    for (const entry of body.skills as Body[]) {
      if (entry === null || typeof entry !== 'object') throw invalidField('skills', 'Each item must be an object.');
      rejectUnknownFields(entry, ['skill_id', 'max_proficiency_level']);
      const skillId = stringField(entry, 'skill_id', { required: true, min: 1, max: 128 })!;
      const skill = state.skills.get(skillId);
      if (!skill) throw notFound('Skill', skillId);
      const category = state.skillCategories.get(skill.skill_category_id);
      let level: number | undefined;
      if (category?.skill_type === 'proficiency') {
        level = integerField(entry, 'max_proficiency_level', 1, category.max_proficiency_level ?? 5, true);
      } else if (entry.max_proficiency_level !== undefined) {
        throw invalidField('max_proficiency_level', `Skill ${skillId} is a text skill and has no proficiency level.`);
      }
      const existing = held.find((h) => h.skill_id === skillId);
      if (existing) existing.user_proficiency_level = level;
      else held.push({ skill_id: skillId, ...(level !== undefined ? { user_proficiency_level: level } : {}) });
    }
    state.userSkills.set(user.user_id, held);
    Object.assign(user, { modified_by: 'api', last_modified_time: now() });
    return { status: 201, body: { skills: userSkillsView(state, user) } };
  });

  route('DELETE', '/contact_center/users/:userId/skills/:skillId', 'light', (request, { state }) => {
    const q = query(request);
    const user = findUser(state, params(request).userId, q.user_identifier_type);
    const skillKey = params(request).skillId;
    const skill = identify(skillFinders(state), 'skill_identifier_type', q.skill_identifier_type, skillKey);
    const held = state.userSkills.get(user.user_id) ?? [];
    const at = skill ? held.findIndex((h) => h.skill_id === skill.skill_id) : -1;
    if (at < 0) throw new EmulatorError(404, 1001, `User ${user.user_id} does not hold skill ${skillKey}.`);
    held.splice(at, 1);
    Object.assign(user, { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });

  route('GET', '/contact_center/skills/:skillId/users', 'medium', (request, { state }) => {
    const q = query(request);
    const key = params(request).skillId;
    const skill = identified('Skill', skillFinders(state), 'skill_identifier_type', q.skill_identifier_type, key);
    const users = state.users
      .all()
      .filter((user) => (state.userSkills.get(user.user_id) ?? []).some((held) => held.skill_id === skill.skill_id))
      .map(({ user_id, cc_user_id, display_name, user_email }) => ({ user_id, cc_user_id, display_name, user_email }));
    return { body: paginate(users, q, 'users', 300, false) };
  });

  /** Queue agents and supervisors: at most 30 user ids per add, 100 per page. */
  for (const role of ['agents', 'supervisors'] as const) {
    const table = (state: EmulatorState) => (role === 'agents' ? state.queueAgents : state.queueSupervisors);
    route('GET', `/contact_center/queues/:queueId/${role}`, 'medium', (request, { state }) => {
      const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
      const members = (table(state).get(queue.queue_id) ?? []).flatMap((id) => {
        const user = state.users.get(id);
        if (!user) return [];
        return [{ ...memberView(user), ...(role === 'agents' ? { opt_in_out_status: state.queueAgentOptIn.get(`${queue.queue_id}/${id}`) ?? 0 } : {}) }];
      });
      return { body: paginate(members, query(request), role, 100) };
    });
    route('POST', `/contact_center/queues/:queueId/${role}`, 'medium', (request, { state }) => {
      const queue = findQueue(state, params(request).queueId);
      const body = asBody(request.body);
      rejectUnknownFields(body, ['user_ids']);
      const ids = body.user_ids;
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === ''))
        throw invalidField('user_ids', 'Expected a non-empty array of user ids.');
      if (ids.length > 30) throw invalidField('user_ids', `At most 30 user ids per request; got ${ids.length}.`);
      const members = table(state).get(queue.queue_id) ?? [];
      const users = (ids as string[]).map((id) => findUser(state, id));
      const already = users.filter((user) => members.includes(user.user_id)).map((user) => user.user_id);
      if (already.length > 0)
        throw new EmulatorError(409, 2001, `Already ${role === 'agents' ? 'an agent' : 'a supervisor'} of queue ${queue.queue_id}: ${already.join(', ')}.`);
      for (const user of users) if (!members.includes(user.user_id)) members.push(user.user_id);
      table(state).set(queue.queue_id, members);
      Object.assign(queue, { modified_by: 'api', last_modified_time: now() });
      return { status: 201, body: { [role]: users.map(memberView) } };
    });
    route('DELETE', `/contact_center/queues/:queueId/${role}/:userId`, 'medium', (request, { state }) => {
      const { queueId, userId } = params(request);
      const queue = findQueue(state, queueId);
      const members = table(state).get(queue.queue_id) ?? [];
      if (!members.includes(userId)) throw notFound(role === 'agents' ? 'Queue agent' : 'Queue supervisor', userId);
      table(state).set(
        queue.queue_id,
        members.filter((id) => id !== userId),
      );
      state.queueAgentOptIn.delete(`${queue.queue_id}/${userId}`);
      Object.assign(queue, { modified_by: 'api', last_modified_time: now() });
      return { status: 204 };
    });
  }
  route('PATCH', '/contact_center/queues/:queueId/agents/:userId', 'medium', (request, { state }) => {
    const { queueId, userId } = params(request);
    const queue = findQueue(state, queueId);
    if (!(state.queueAgents.get(queue.queue_id) ?? []).includes(userId)) throw notFound('Queue agent', userId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['opt_in_out_status']);
    state.queueAgentOptIn.set(`${queue.queue_id}/${userId}`, integerField(body, 'opt_in_out_status', 0, 2, true)!);
    return { status: 204 };
  });
}
