import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getTeam } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const stub = { __provider: 'stub' };

describe('teams, their agents and supervisors, and the teams of a queue', () => {
  beforeEach(async () => {
    forgetAllListings();
    await control('POST', '/reset');
    await control('DELETE', '/requests');
  });

  it('a team tree under the root, with members, supervisors and queues, in the official shapes', async () => {
    const root = await getTeam({ name: 'All teams' });
    expect(root).toEqual({ teamId: 'team_root', name: 'All teams', description: 'The root of the team tree' });
    const tier1 = await create('Team', { name: 'Tier 1', parentTeamId: root.teamId, ...stub });
    const nested = await create('Team', { name: 'Night shift', parentTeamId: tier1.id, ...stub });
    const renamed = await update('Team', nested.id, nested.outs!, { name: 'Night owls', parentTeamId: tier1.id, ...stub });
    expect((await control('GET', `/objects/teams/${nested.id}`)).team_name).toBe('Night owls');

    const agents = await create('TeamMembers', (await check('TeamMembers', {}, { teamId: tier1.id, userIds: ['agent_001', 'agent_002'], ...stub })).inputs!);
    const supervisors = await create('TeamSupervisors', (await check('TeamSupervisors', {}, { teamId: tier1.id, userIds: ['agent_003'], ...stub })).inputs!);
    await control('PUT', `/team_agents/${tier1.id}`, ['agent_001', 'agent_002', 'agent_010']);
    expect((await read('TeamMembers', tier1.id, agents.outs!)).inputs).toMatchObject({ userIds: ['agent_001', 'agent_002', 'agent_010'] });
    await update('TeamMembers', tier1.id, { ...agents.outs!, userIds: ['agent_001', 'agent_002', 'agent_010'] }, agents.outs!);
    expect((await control('GET', '/objects/team_agents'))[tier1.id]).toEqual(['agent_001', 'agent_002']);

    // A new parent moves the team in place: same id, members kept; a move under its own subtree is refused.
    const tier2 = await create('Team', { name: 'Tier 2', parentTeamId: root.teamId, ...stub });
    const moved = await update('Team', tier1.id, tier1.outs!, { name: 'Tier 1', parentTeamId: tier2.id, ...stub });
    expect(await control('GET', `/objects/teams/${tier1.id}`)).toMatchObject({ parent_team_id: tier2.id, team_name: 'Tier 1' });
    expect((await control('GET', '/objects/team_agents'))[tier1.id]).toEqual(['agent_001', 'agent_002']);
    await expect(update('Team', tier2.id, tier2.outs!, { name: 'Tier 2', parentTeamId: nested.id, ...stub })).rejects.toThrow(/cannot be moved under itself/);
    await update('Team', tier1.id, moved.outs!, { name: 'Tier 1', parentTeamId: root.teamId, ...stub });
    await remove('Team', tier2.id, tier2.outs!);

    const queue = await create('Queue', { name: 'Team queue', channel: 'voice', ...stub });
    const teams = await create('QueueTeams', { queueId: queue.id, teamIds: [tier1.id, nested.id], ...stub });
    // Another team assigned in the console stays: the resource removes only what it added.
    await control('PUT', `/queue_teams/${queue.id}`, [tier1.id, nested.id, 'team_root']);
    await update('QueueTeams', queue.id, teams.outs!, { queueId: queue.id, teamIds: [tier1.id], ...stub });
    expect((await control('GET', '/objects/queue_teams'))[queue.id]).toEqual([tier1.id, 'team_root']);

    // The removals, as a later run makes them (its checks did not declare these sets again).
    forgetAllListings();
    await remove('QueueTeams', queue.id, { ...teams.outs!, teamIds: [tier1.id] });
    await remove('TeamSupervisors', tier1.id, supervisors.outs!);
    await remove('TeamMembers', tier1.id, agents.outs!);
    await expect(remove('Team', tier1.id, tier1.outs!)).rejects.toThrow(/child teams/);
    await remove('Team', nested.id, renamed.outs!);
    await remove('Team', tier1.id, tier1.outs!);

    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/teams',
        'POST /contact_center/teams',
        'PATCH /contact_center/teams/{teamId}',
        'PATCH /contact_center/teams/{teamId}/move',
        'DELETE /contact_center/teams/{teamId}',
        'GET /contact_center/teams/{teamId}/agents',
        'POST /contact_center/teams/{teamId}/agents',
        'DELETE /contact_center/teams/{teamId}/agents',
        'GET /contact_center/teams/{teamId}/supervisors',
        'POST /contact_center/teams/{teamId}/supervisors',
        'DELETE /contact_center/teams/{teamId}/supervisors',
        'POST /contact_center/queues/{queueId}/teams',
        'DELETE /contact_center/queues/{queueId}/teams',
      ]),
    );
  });
});
