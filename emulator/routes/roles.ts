import { EmulatorError, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import { registerRestCollection } from '../restRoutes';
import { now } from '../table';
import type { EmulatorState, RoleRow, UserRow } from '../state';
import { asBody, idList, rejectUnknownFields } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Roles (`/contact_center/roles`) in the official shapes. Zoom's document names no privilege: the emulator accepts
 * the names below, grouped as the GET answers them (`analytics_settings`, `administration_settings`,
 * `general_settings`), an assumption the README states. A PATCH's `privileges` adds to the role's and
 * `DELETE …/privileges` removes them (the document has both calls; that is the reading that needs both). Deleting
 * a role moves its users to `transfer_role_id` (required); the built-in roles cannot be deleted. Removing a user
 * from a role (`DELETE …/users/{userId}`) gives them the built-in Agent role, since every user has one role
 * (an assumption).
 */
export const PRIVILEGES = {
  analytics_settings: ['analytics_dashboards_view', 'analytics_historical_reports_view', 'analytics_realtime_view'],
  administration_settings: ['admin_queues_manage', 'admin_flows_manage', 'admin_users_manage', 'admin_roles_manage', 'admin_assets_manage'],
  general_settings: ['general_engagements_monitor', 'general_agent_status_change', 'general_recordings_view'],
} as const;
const ALL_PRIVILEGES: readonly string[] = Object.values(PRIVILEGES).flat();
export const DEFAULT_AGENT_ROLE = 'role_agent';

const grouped = (privileges: string[]) =>
  Object.fromEntries(Object.entries(PRIVILEGES).map(([group, names]) => [group, privileges.filter((name) => (names as readonly string[]).includes(name))]));
const usersOf = (state: EmulatorState, role: RoleRow) => state.users.all().filter((user) => user.role_id === role.role_id);
const roleUserView = ({ user_id, cc_user_id, display_name, user_email }: UserRow) => ({ user_id, cc_user_id, display_name, user_email });
const privilegeProblem = (_state: EmulatorState, name: string) =>
  ALL_PRIVILEGES.includes(name) ? undefined : `Unknown privilege ${JSON.stringify(name)}; known: ${ALL_PRIVILEGES.join(', ')}.`;

/** A role as the list shows it (the GET adds its privileges). */
const listed = (state: EmulatorState, row: RoleRow) => ({
  role_id: row.role_id,
  role_name: row.role_name,
  role_description: row.role_description,
  total_users: usersOf(state, row).length,
  modified_by: row.modified_by,
  last_modified_time: row.last_modified_time,
});

function giveRole(user: UserRow, role: RoleRow) {
  Object.assign(user, { role_id: role.role_id, role_name: role.role_name, modified_by: 'api', last_modified_time: now() });
}

export function registerRoleRoutes(route: ReturnType<typeof defineRoutes>) {
  const { find: roleOf } = registerRestCollection<RoleRow>(route, {
    noun: 'Role',
    path: '/contact_center/roles',
    param: 'roleId',
    listKey: 'roles',
    maxPageSize: 300,
    idField: 'role_id',
    nameField: 'role_name',
    identifierType: 'role_identifier_type',
    table: (state) => state.roles,
    create: {
      role_name: { type: 'string', required: true, min: 1, max: 64 },
      role_description: { type: 'string', max: 256 },
      privileges: { type: 'strings', check: privilegeProblem },
    },
    newRow: (_state, body) => ({
      role_id: '',
      role_name: String(body.role_name),
      role_description: String(body.role_description ?? ''),
      privileges: (body.privileges as string[] | undefined) ?? [],
      modified_by: 'api',
    }),
    applyPatch: (state, row, body) => {
      if (body.role_name !== undefined) {
        row.role_name = String(body.role_name);
        for (const user of usersOf(state, row)) user.role_name = row.role_name;
      }
      if (body.role_description !== undefined) row.role_description = String(body.role_description);
      const added = (body.privileges as string[] | undefined) ?? [];
      row.privileges = [...row.privileges, ...added.filter((name) => !row.privileges.includes(name))];
      row.modified_by = 'api';
    },
    listView: (state, row) => listed(state, row),
    view: (state, row) => ({ ...listed(state, row), privileges: grouped(row.privileges) }),
    createView: (_state, row) => ({
      role_id: row.role_id,
      role_name: row.role_name,
      role_description: row.role_description,
      privileges: grouped(row.privileges),
    }),
    beforeDelete: (state, row, q) => {
      if (row._default) throw new EmulatorError(400, 300, `Role ${row.role_name} is a built-in role and cannot be deleted.`);
      if (typeof q.transfer_role_id !== 'string' || q.transfer_role_id === '')
        throw invalidField('transfer_role_id', 'This field is required: the role its users move to.');
      const target = state.roles.get(q.transfer_role_id);
      if (!target || target === row) throw invalidField('transfer_role_id', `Must be another existing role; got ${q.transfer_role_id}.`);
      for (const user of usersOf(state, row)) giveRole(user, target);
    },
  });

  route('DELETE', '/contact_center/roles/:roleId/privileges', 'light', (request, { state }) => {
    const role = roleOf(state, params(request).roleId);
    const body = asBody(request.body ?? {});
    rejectUnknownFields(body, ['privileges']);
    const removed = Array.isArray(body.privileges) ? body.privileges.map(String) : [];
    role.privileges = role.privileges.filter((name) => !removed.includes(name));
    Object.assign(role, { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });
  route('GET', '/contact_center/roles/:roleId/users', 'medium', (request, { state }) => {
    const role = roleOf(state, params(request).roleId, query(request).role_identifier_type);
    return { body: paginate(usersOf(state, role).map(roleUserView), query(request), 'users', 300) };
  });
  route('POST', '/contact_center/roles/:roleId/users', 'medium', (request, { state }) => {
    const role = roleOf(state, params(request).roleId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['user_ids']);
    const ids = idList(body.user_ids);
    if (ids.length === 0) throw invalidField('user_ids', 'This field is required.');
    const users = ids.map(
      (id) =>
        state.users.get(id) ??
        (() => {
          throw notFound('User', id);
        })(),
    );
    for (const user of users) giveRole(user, role);
    return { status: 201, body: { users: users.map(roleUserView) } };
  });
  route('DELETE', '/contact_center/roles/:roleId/users/:userId', 'medium', (request, { state }) => {
    const role = roleOf(state, params(request).roleId);
    const user = state.users.get(params(request).userId);
    if (!user || user.role_id !== role.role_id) throw notFound('Role user', params(request).userId);
    if (role.role_id === DEFAULT_AGENT_ROLE) throw new EmulatorError(400, 300, 'Every user has a role: give the user another role instead.');
    giveRole(user, state.roles.get(DEFAULT_AGENT_ROLE)!);
    return { status: 204 };
  });
}
