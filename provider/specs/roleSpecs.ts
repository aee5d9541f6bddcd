import { z } from 'zod';
import { LIGHT_WRITES, MEDIUM, fillPath, type Collection } from '../client/endpoints';
import { ownedSetSpec } from '../engine/ownedSet';
import { restStore } from '../engine/restStore';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { listedModificationTime, text, zoomId } from './fields';
import { idList, parentId } from './ownership';
import { movesUsersOnDelete } from './movesUsersOnDelete';

/**
 * Roles (`/contact_center/roles`) and the users who hold them. The endpoint and API shape live here, beside the
 * spec. Zoom's GET groups a role's privileges (`analytics_settings`, `administration_settings`, `general_settings`)
 * while the create and PATCH take one flat list: the SDK holds the flat list. A PATCH's `privileges` adds, and
 * `DELETE /roles/{roleId}/privileges` removes (the document has both calls; that is the reading that needs both),
 * so an update adds and removes against the role as it is now. Deleting a role needs `transfer_role_id`: where its
 * users go.
 */
const PRIVILEGE_GROUPS = ['analytics_settings', 'administration_settings', 'general_settings'] as const;

export const roleItemSchema = z.object({
  role_id: z.string(),
  role_name: z.string(),
  role_description: z.string().optional(),
  total_users: z.number().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
  privileges: z.partialRecord(z.enum(PRIVILEGE_GROUPS), z.array(z.string())).optional(),
});
type ZccRole = z.infer<typeof roleItemSchema>;

export const rolesEndpoint: Collection<ZccRole> = {
  path: '/contact_center/roles',
  objectId: 'roleId',
  listKey: 'roles',
  item: roleItemSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const roleUsersEndpoint: Collection = {
  path: '/contact_center/roles/{roleId}/users',
  objectId: 'userId',
  listKey: 'users',
  item: z.object({ user_id: z.string(), cc_user_id: z.string().optional(), display_name: z.string().optional(), user_email: z.string().optional() }),
  maxPageSize: 300,
  categories: MEDIUM,
};

/** The roles every account has, which Zoom does not let anyone delete: export names them with getRole. */
export const BUILT_IN_ROLES = ['Admin', 'Supervisor', 'Agent'];

/** The GET's grouped privileges as one flat list (API shape, as the create and PATCH take it). */
const flat = (server: Props | undefined): Props | undefined =>
  server && {
    ...server,
    privileges: Object.values((server.privileges as Record<string, string[]> | undefined) ?? {}).flat(),
  };

const roleDelete = movesUsersOnDelete({ collection: rolesEndpoint, input: 'transferRoleId', queryField: 'transfer_role_id', noun: 'role' });

function roleStore(): ObjectStore {
  const rest = restStore(rolesEndpoint);
  return {
    ...rest,
    create: async (client, body) => flat(await rest.create(client, body))!,
    get: async (client, id) => flat(await rest.get(client, id)),
    update: async (client, id, changed, full) => {
      const { privileges: _declared, ...settings } = changed;
      if (changed.privileges !== undefined) {
        // Against the role as it is now, so a privilege added in the console is removed too.
        const now = ((await rest.get(client, id).then(flat))?.privileges as string[] | undefined) ?? [];
        const wanted = full.privileges as string[];
        const added = wanted.filter((name) => !now.includes(name));
        const removed = now.filter((name) => !wanted.includes(name));
        if (removed.length > 0)
          await client.http.request<void>('DELETE', fillPath(`${rolesEndpoint.path}/{roleId}/privileges`, [id]), {
            category: rolesEndpoint.categories.update,
            body: { privileges: removed },
          });
        if (added.length > 0) Object.assign(settings, { privileges: added });
      }
      if (Object.keys(settings).length > 0) await client.updateOne(rolesEndpoint, [id], settings);
    },
    remove: roleDelete.remove,
  };
}

export const roleSpec = defineSpec<ZccRole>()({
  kind: 'Role',
  description:
    'A Contact Center role and its privileges. Deleting it needs `transferRoleId` (the role its users move to): without it the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`). The built-in roles (Admin, Supervisor, Agent) are found with getRole.',
  endpoint: rolesEndpoint,
  idField: 'role_id',
  idOutput: 'roleId',
  inputSchema: z.strictObject({
    name: text('Role name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    privileges: z
      .array(text('A privilege name.', { min: 1, max: 128 }), { error: 'expected a list of privilege names' })
      .max(500, { error: 'must list at most 500 privileges' })
      .refine((names) => new Set(names).size === names.length, { error: 'must not list the same privilege twice' })
      .describe(
        "The role's privileges, by Zoom's names; order does not matter. An update adds and removes privileges against the role as it is (`PATCH` adds, `DELETE /roles/{roleId}/privileges` removes). Left out: not managed.",
      )
      .optional(),
    transferRoleId: zoomId('When this resource is deleted, move its users to this role (`transfer_role_id`). No default: set it before deleting.').optional(),
  }),
  apiFields: { name: 'role_name', description: 'role_description', privileges: 'privileges' },
  serverDefaults: { description: '' },
  setFields: ['privileges'],
  uniqueName: true,
  naturalKey: ['name'],
  references: { transferRoleId: 'Role' },
  deleteNeedsOneOf: ['transferRoleId'],
  onDelete: roleDelete.onDelete,
  ...listedModificationTime,
  computedOutputs: (server) => ({ lastModifiedTime: server.last_modified_time }),
  exportAs: { role: 'object', onlyIf: (item) => !BUILT_IN_ROLES.includes(String(item.role_name)) },
  lookup: {
    returns: {
      roleId: { from: 'role_id', type: 'string', required: true, description: 'The role id.' },
      name: { from: 'role_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'role_description', type: 'string', description: 'The description.' },
      totalUsers: { from: 'total_users', type: 'number', description: 'How many users hold the role.' },
    },
  },
  outputs: {
    roleId: { description: 'The role id ZCC assigned.' },
    lastModifiedTime: { description: 'When the role was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `const agent = zcc.getRole({ name: 'Agent' });
const leads = new zcc.Role('team-leads', {
  name: 'Team leads',
  privileges: ['analytics_realtime_view', 'general_engagements_monitor'],
  transferRoleId: agent.then((role) => role.roleId),
});`,
  store: roleStore(),
});

export const roleUsersSpec = ownedSetSpec({
  kind: 'RoleUsers',
  description:
    "The users who hold one role (every user holds exactly one). `exclusive` (default) makes exactly these users hold it: others lose it, and Zoom's document does not say which role they get then (the emulator gives the built-in Agent role); `additive` gives it to these users and only ever takes it from users it gave it to.",
  endpoint: roleUsersEndpoint,
  parent: { kind: 'Role', input: 'roleId', noun: 'role', schema: parentId('role', 'leads.roleId') },
  lists: [
    {
      input: 'userIds',
      field: 'user_ids',
      kind: 'User',
      noun: 'users',
      schema: idList({ noun: 'users', description: 'Users who hold the role; order does not matter.' }),
    },
  ],
  calls: {
    read: async (client, roleId) => ({ user_ids: ((await client.listOf(roleUsersEndpoint, [roleId])) as Props[]).map((user) => String(user.user_id)) }),
    add: (client, roleId, field, ids) => client.addTo<void>(roleUsersEndpoint, [roleId], { [field]: ids }),
    remove: (client, roleId, _field, [userId]) => client.deleteOne(roleUsersEndpoint, [roleId, String(userId)]),
  },
  exportHints: { ownerCount: 'total_users', nameSuffix: 'users' },
  declaresOnce: {
    fact: 'the role of user',
    input: 'userIds',
    keys: (inputs) => (Array.isArray(inputs.userIds) ? inputs.userIds.filter((id): id is string => typeof id === 'string') : []),
    by: (inputs) => `RoleUsers of role ${String(inputs.roleId)} (userIds)`,
  },
  example: `const team = zcc.getUsers({ search: 'lead' });
new zcc.RoleUsers('team-leads-users', { roleId: leads.roleId, userIds: team.then((users) => users.map((u) => u.userId)), mode: 'additive' });`,
});
