import { z } from 'zod';
import { fillPath, type Collection, LIGHT_WRITES } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import { ownedSetSpec } from '../engine/ownedSet';
import { defineSpec, type ObjectStore } from '../engine/spec';
import { restStore } from '../engine/restStore';
import { text, zoomId } from './fields';
import { idSetSpec } from './idSets';
import { queuesEndpoint } from './queueSpec';

/** A team: the list item carries every field of the GET. */
export const teamSchema = z.object({
  team_id: z.string(),
  team_name: z.string(),
  team_description: z.string().optional(),
  parent_team_id: z.string().optional(),
  parent_team_name: z.string().optional(),
  created_time: z.string().optional(),
  modify_time: z.string().optional(),
});
export type ZccTeam = z.infer<typeof teamSchema>;

export const teamMemberSchema = z.object({
  user_id: z.string(),
  user_display_name: z.string().optional(),
  user_email: z.string().optional(),
  cc_user_id: z.string().optional(),
});

export const teamsEndpoint: Collection<z.infer<typeof teamSchema>> = {
  path: '/contact_center/teams',
  objectId: 'teamId',
  listKey: 'teams',
  item: teamSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const teamAgentsEndpoint: Collection<z.infer<typeof teamMemberSchema>> = {
  path: '/contact_center/teams/{teamId}/agents',
  objectId: 'userId',
  listKey: 'agents',
  item: teamMemberSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const teamSupervisorsEndpoint: Collection<z.infer<typeof teamMemberSchema>> = {
  path: '/contact_center/teams/{teamId}/supervisors',
  objectId: 'userId',
  listKey: 'supervisors',
  item: teamMemberSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
// Added and removed only: the document has no call that lists a queue's teams.
export const queueTeamsEndpoint: Collection<Partial<z.infer<typeof teamSchema>>> = {
  path: '/contact_center/queues/{queueId}/teams',
  objectId: 'teamId',
  listKey: 'teams',
  item: teamSchema.partial(),
  maxPageSize: 0,
  categories: LIGHT_WRITES,
  unlisted: true,
};

/**
 * Teams (`/teams`): a tree under the account's root team (`parent_team_id` is required; getTeam finds the root),
 * their agents and supervisors, and the teams a queue is assigned.
 */
function teamStore(): ObjectStore {
  const rest = restStore(teamsEndpoint);
  return {
    ...rest,
    update: async (client, id, changed, full) => {
      const { parent_team_id: parent, ...settings } = changed;
      // A new parent moves the team in place (`PATCH /teams/{teamId}/move`): its id, members, supervisors and
      // queue links stay. Moved first, so the name is then checked under the parent it ends up in.
      if (parent !== undefined)
        await client.http.request<void>('PATCH', fillPath(`${teamsEndpoint.path}/{teamId}/move`, [id]), {
          category: teamsEndpoint.categories.update,
          body: { parent_team_id: parent },
          objectKey: fillPath(`${teamsEndpoint.path}/{teamId}`, [id]),
        });
      // Zoom's PATCH always names the team.
      if (Object.keys(settings).length > 0) await client.updateOne(teamsEndpoint, [id], { ...settings, team_name: full.team_name });
    },
  };
}

export const teamSpec = defineSpec<ZccTeam>()({
  kind: 'Team',
  description:
    "A team of agents and supervisors, in the account's team tree: every team has a parent (`parentTeamId`), the topmost being the account's root team (getTeam finds it by name).",
  endpoint: teamsEndpoint,
  idField: 'team_id',
  listHasEveryField: true,
  idOutput: 'teamId',
  inputSchema: z.strictObject({
    name: text('Team name, unique under its parent (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    parentTeamId: zoomId(
      'The parent team (e.g. `root.teamId` from getTeam). Changing it moves the team in place (`PATCH /teams/{teamId}/move`): its id, members, supervisors and queues stay.',
    ),
  }),
  apiFields: { name: 'team_name', description: 'team_description', parentTeamId: 'parent_team_id' },
  serverDefaults: { description: '' },
  references: { parentTeamId: 'Team' },
  naturalKey: ['name', 'parentTeamId'],
  uniqueName: true,
  exportAs: { role: 'object', onlyIf: (item) => typeof item.parent_team_id === 'string' && item.parent_team_id !== '' },
  lookup: {
    returns: {
      teamId: { from: 'team_id', type: 'string', required: true, description: 'The team id.' },
      name: { from: 'team_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'team_description', type: 'string', description: 'The description.' },
      parentTeamId: { from: 'parent_team_id', type: 'string', description: 'The parent team id; none for the root team.' },
    },
    within: { arg: 'parentTeamId', field: 'parent_team_id', description: 'The parent to look under: team names are unique only under one parent.' },
  },
  outputs: { teamId: { description: 'The team id ZCC assigned.' } },
  example: `const root = zcc.getTeam({ name: 'All teams' });
const tier1 = new zcc.Team('tier-1', { name: 'Tier 1', parentTeamId: root.then((team) => team.teamId) });`,
  store: teamStore(),
});

export const teamMembersSpec = idSetSpec({
  kind: 'TeamMembers',
  description: 'The agents of one team.',
  endpoint: teamAgentsEndpoint,
  parent: { kind: 'Team', input: 'teamId', noun: 'team' },
  members: { input: 'userIds', field: 'user_ids', itemId: 'user_id', kind: 'User', noun: 'agents' },
  example: `new zcc.TeamMembers('tier-1-agents', { teamId: tier1.teamId, userIds: ['agent_001', 'agent_002'] });`,
});

export const teamSupervisorsSpec = idSetSpec({
  kind: 'TeamSupervisors',
  description: 'The supervisors of one team.',
  endpoint: teamSupervisorsEndpoint,
  parent: { kind: 'Team', input: 'teamId', noun: 'team' },
  members: { input: 'userIds', field: 'user_ids', itemId: 'user_id', kind: 'User', noun: 'supervisors' },
  example: `new zcc.TeamSupervisors('tier-1-supervisors', { teamId: tier1.teamId, userIds: ['agent_003'] });`,
});

/**
 * Zoom's document can add a queue's teams and remove them, but has no call that lists them: an owned set without a
 * read, so additive (it removes only teams it added), and a refresh cannot see console changes to them (it confirms
 * the queue still exists).
 */
export const queueTeamsSpec = ownedSetSpec({
  kind: 'QueueTeams',
  description:
    "Teams assigned to one queue. Zoom's API can add and remove a queue's teams but not list them, so this resource is additive (it removes only teams it added) and a refresh cannot see console changes to them.",
  endpoint: queueTeamsEndpoint,
  parent: { kind: 'Queue', input: 'queueId', noun: 'queue', schema: zoomId('Id of the queue. Changing it replaces the resource.') },
  lists: [
    {
      input: 'teamIds',
      field: 'team_ids',
      kind: 'Team',
      noun: 'teams',
      schema: z
        .array(zoomId('A team id.'), { error: 'expected a list of team ids' })
        .min(1, { error: 'must list at least one team' })
        .max(500, { error: 'must list at most 500 teams' })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list the same team twice' })
        .describe('The teams the queue is assigned (e.g. `tier1.teamId`); order does not matter.'),
    },
  ],
  calls: {
    parentExists: async (client, queueId) => (await unlessNotFound(() => client.getOne(queuesEndpoint, [queueId]))) !== undefined,
    add: (client, queueId, field, ids) => client.addTo<void>(queueTeamsEndpoint, [queueId], { [field]: ids }),
    remove: (client, queueId, field, ids) =>
      client.http.request<void>('DELETE', fillPath(queueTeamsEndpoint.path, [queueId]), {
        category: queueTeamsEndpoint.categories.delete,
        body: { [field]: ids },
      }),
    addBatch: 500,
    removeBatch: 500,
  },
  exportAs: { role: 'none', because: "Zoom's API has no call that lists a queue's teams, so export cannot read them" },
  example: `new zcc.QueueTeams('support-teams', { queueId: support.queueId, teamIds: [tier1.teamId] });`,
});
