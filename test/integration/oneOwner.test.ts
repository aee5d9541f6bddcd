import { check, create, diff, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { useEngineTest } from './emulatorEnv';

/**
 * A set or singleton renamed without `aliases`: Pulumi checks the new resource, creates it, and deletes the old
 * one last, in one provider process. The old one's delete must not take away what the new one declares.
 */
jest.setTimeout(60_000);

const { control, stub } = useEngineTest();

/** One Pulumi operation: check and create the new declaration, then delete the old resource. */
async function renamed(kind: string, inputs: Record<string, unknown>, old: { id: string; outs: Record<string, unknown> }) {
  const checked = await check(kind, {}, { ...inputs, ...stub });
  expect(checked.failures).toBeUndefined();
  const made = await create(kind, checked.inputs!);
  await remove(kind, old.id, { ...old.outs, ...stub });
  return made;
}

describe('an id belongs to one resource: sets and singletons', () => {
  it('a renamed QueueMembers keeps every member; a renamed QueueOperatingHours keeps the hours', async () => {
    const queue = await create('Queue', { name: 'Renamed sets', channel: 'voice', ...stub });
    const members = await create('QueueMembers', { queueId: queue.id, userIds: ['agent_001', 'agent_002'], mode: 'exclusive', ...stub });
    const hours = await create('BusinessHours', { name: 'Weekdays', timezone: 'Europe/Berlin', hourType: 'alwaysOpen', ...stub });
    const operating = await create('QueueOperatingHours', { queueId: queue.id, businessHourId: hours.id, ...stub });

    forgetAllListings();
    await renamed('QueueMembers', { queueId: queue.id, userIds: ['agent_001', 'agent_002'] }, { id: members.id, outs: members.outs! });
    await renamed('QueueOperatingHours', { queueId: queue.id, businessHourId: hours.id }, { id: operating.id, outs: operating.outs! });
    expect((await control('GET', '/objects/queue_agents'))[queue.id]).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/queue_operating_hours'))[queue.id]).toMatchObject({ business_hour_id: hours.id });
  });

  it('a renamed QueueInterruptMenu and a renamed QueueTeams (kinds keyed by their queue that export cannot read) are kept', async () => {
    const queue = await create('Queue', { name: 'Renamed menu', channel: 'voice', ...stub });
    const menuInputs = {
      queueId: queue.id,
      languageCode: 'en-US',
      voiceId: 'Joanna',
      playInterval: 60,
      menuOptions: [{ keypress: '1', menuAction: 'repeat_menu' }],
    };
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await create('QueueInterruptMenu', (await check('QueueInterruptMenu', {}, { ...menuInputs, ...stub })).inputs!);
    const team = await create('Team', { name: 'Renamed tier', parentTeamId: 'team_root', ...stub });
    const teams = await create('QueueTeams', { queueId: queue.id, teamIds: [team.id], ...stub });
    forgetAllListings();
    await renamed('QueueInterruptMenu', menuInputs, { id: menu.id, outs: menu.outs! });
    await renamed('QueueTeams', { queueId: queue.id, teamIds: [team.id] }, { id: teams.id, outs: teams.outs! });
    // Each delete said why it left the object as it is.
    expect(warnings.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('left as it is'))).toHaveLength(1);
    expect(warnings.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('leaves'))).toHaveLength(1);
    warnings.mockRestore();
    expect((await control('GET', '/objects/queue_interrupt_menus'))[queue.id]).toMatchObject({ menu_options: [{ keypress: '1' }] });
    expect((await control('GET', '/objects/queue_teams'))[queue.id]).toEqual([team.id]);
  });

  it('the old set still removes what no resource of the run declares', async () => {
    const queue = await create('Queue', { name: 'Split sets', channel: 'voice', ...stub });
    const members = await create('QueueMembers', { queueId: queue.id, userIds: ['agent_001', 'agent_002'], mode: 'additive', ...stub });
    forgetAllListings();
    await renamed('QueueMembers', { queueId: queue.id, userIds: ['agent_002'], mode: 'additive' }, { id: members.id, outs: members.outs! });
    expect((await control('GET', '/objects/queue_agents'))[queue.id]).toEqual(['agent_002']);
  });

  it("an exclusive set's update keeps what another resource of the run declares for the same parent, and removes the rest", async () => {
    const queue = await create('Queue', { name: 'Shared queue', channel: 'voice', ...stub });
    const team = await create('QueueMembers', { queueId: queue.id, userIds: ['agent_001', 'agent_002'], mode: 'exclusive', ...stub });
    await control('PUT', `/queue_agents/${queue.id}`, ['agent_001', 'agent_002', 'agent_003', 'agent_004']);
    forgetAllListings();
    // This run: the exclusive set drops agent_002, and a second (additive) set of the program declares agent_003.
    const next = { queueId: queue.id, userIds: ['agent_001'], mode: 'exclusive' };
    expect((await check('QueueMembers', team.outs!, { ...next, ...stub })).failures).toBeUndefined();
    expect((await check('QueueMembers', {}, { queueId: queue.id, userIds: ['agent_003'], mode: 'additive', ...stub })).failures).toBeUndefined();
    await update('QueueMembers', team.id, { ...team.outs!, ...stub }, { ...next, ...stub });
    expect((await control('GET', '/objects/queue_agents'))[queue.id]).toEqual(['agent_001', 'agent_003']);
  });

  it("a user's role has one owner: User.roleId and a RoleUsers naming the user fail the later check, in either order", async () => {
    const user = await create('User', { email: 'one.owner@example.com', roleId: 'role_supervisor', removeFromContactCenterOnDelete: true, ...stub });
    // The create recorded the new user's role: a set of another role naming the user is refused before any write.
    const set = await check('RoleUsers', {}, { roleId: 'role_admin', userIds: [user.id], mode: 'additive', ...stub });
    expect(set.failures?.[0]?.reason).toMatch(
      /RoleUsers of role role_admin \(userIds\) and User "one.owner@example.com" \(roleId\) both set the role of user \S+, and would undo each other/,
    );
    // A later run that checks the set first refuses the user's roleId. Pulumi's check gets the user's old inputs
    // (no id): its diff, which gets the id, fails, in the preview as in the up.
    forgetAllListings();
    expect((await check('RoleUsers', {}, { roleId: 'role_admin', userIds: [user.id], mode: 'additive', ...stub })).failures).toBeUndefined();
    const userInputs = { email: 'one.owner@example.com', roleId: 'role_supervisor', removeFromContactCenterOnDelete: true, ...stub };
    expect((await check('User', userInputs, userInputs)).failures).toBeUndefined();
    await expect(diff('User', user.id, user.outs!, userInputs)).rejects.toThrow(
      /User "one.owner@example.com" \(roleId\) and RoleUsers of role role_admin \(userIds\) both set the role of user/,
    );
    // Without roleId the user leaves the role to the set: no conflict.
    forgetAllListings();
    await check('RoleUsers', {}, { roleId: 'role_admin', userIds: [user.id], mode: 'additive', ...stub });
    await diff('User', user.id, user.outs!, { email: 'one.owner@example.com', removeFromContactCenterOnDelete: true, ...stub });
  });
});
