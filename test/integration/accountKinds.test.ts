import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getAddressBook, getAgentStatus, getAssetCategory, getRegion, getRole } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { useEngineTest } from './emulatorEnv';

/**
 * Roles and their users, regions, agent statuses and asset categories, through the engine against the emulator:
 * create, read, update in place, a console edit caught and restored, replacement where one exists, delete with its
 * decision, and every request and answer in the official shapes.
 */
jest.setTimeout(60_000);

type Row = Record<string, any>;

const { emulator, control, stub, checked } = useEngineTest();

afterEach(async () => {
  const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
  expect(report.unknownOperations).toEqual([]);
  expect(report.mismatches).toEqual([]);
});

describe('Role and RoleUsers', () => {
  it('privileges are added and removed against the role as it is; its users move on delete', async () => {
    const agent = await getRole({ name: 'Agent' });
    expect(agent).toMatchObject({ roleId: 'role_agent', name: 'Agent' });
    const inputs = { name: 'Team leads', privileges: ['analytics_realtime_view', 'general_engagements_monitor'], transferRoleId: agent.roleId };
    const role = await create('Role', await checked('Role', inputs));
    const state = (await read('Role', role.id, role.outs!)).props!;
    expect(state).toMatchObject({ name: 'Team leads', privileges: ['analytics_realtime_view', 'general_engagements_monitor'], description: '' });

    // A privilege added in the console shows at refresh, and the next update removes it with the undeclared one.
    forgetAllListings();
    await control('PATCH', `/objects/roles/${role.id}`, { privileges: ['analytics_realtime_view', 'general_engagements_monitor', 'admin_flows_manage'] });
    const drifted = (await read('Role', role.id, role.outs!)).props!;
    expect([...(drifted.privileges as string[])].sort()).toEqual(['admin_flows_manage', 'analytics_realtime_view', 'general_engagements_monitor']);
    await update('Role', role.id, drifted, { ...inputs, name: 'Leads', privileges: ['analytics_realtime_view', 'analytics_historical_reports_view'], ...stub });
    expect(await control('GET', `/objects/roles/${role.id}`)).toMatchObject({
      role_name: 'Leads',
      privileges: ['analytics_realtime_view', 'analytics_historical_reports_view'],
    });

    // An unknown privilege is ZCC's to refuse: the error names it.
    await expect(update('Role', role.id, drifted, { ...inputs, privileges: ['fly'], ...stub })).rejects.toThrow(/privileges.*fly/);

    const users = await create('RoleUsers', await checked('RoleUsers', { roleId: role.id, userIds: ['agent_010', 'agent_011'] }));
    expect((await getRole({ name: 'Leads' })).totalUsers).toBe(2);
    await control('PATCH', '/objects/users/agent_012', { role_id: role.id, role_name: 'Leads' });
    forgetAllListings();
    const seen = (await read('RoleUsers', role.id, users.outs!)).props!;
    expect(seen.userIds).toEqual(['agent_010', 'agent_011', 'agent_012']);
    await update('RoleUsers', role.id, seen, { roleId: role.id, userIds: ['agent_010', 'agent_011'], mode: 'exclusive', ...stub });
    expect(await control('GET', '/objects/users/agent_012')).toMatchObject({ role_id: 'role_agent' });

    // Deleting the role moves its remaining users to transferRoleId.
    forgetAllListings();
    await remove('Role', role.id, { ...role.outs!, ...stub });
    expect(await control('GET', '/objects/users/agent_010')).toMatchObject({ role_id: 'role_agent', role_name: 'Agent' });
  });

  it('a role without transferRoleId is protected by the SDK, and the provider refuses its delete, naming the input', async () => {
    const role = await create('Role', await checked('Role', { name: 'Temporary' }));
    expect((await check('Role', {}, { name: 'Temporary', ...stub })).inputs!.onDelete).toBe('refused: deleting the role needs transferRoleId');
    await expect(remove('Role', role.id, { ...role.outs!, ...stub })).rejects.toThrow(/needs transferRoleId/);
    expect(await control('GET', `/objects/roles/${role.id}`)).toMatchObject({ role_name: 'Temporary' });
  });
});

describe('Region', () => {
  it('is created in a SIP zone, renamed in place, and its users move on delete', async () => {
    const main = await getRegion({ name: 'Main' });
    expect(main).toMatchObject({ regionId: 'region_main', isMainRegion: true });
    const region = await create('Region', await checked('Region', { name: 'EMEA', sipZoneId: 'sz_eu_central', moveUsersOnDeleteTo: main.regionId }));
    expect(region.outs).toMatchObject({ isMainRegion: false, sipZoneId: 'sz_eu_central' });
    await control('PATCH', '/objects/users/agent_020', { region_id: region.id, region_name: 'EMEA' });
    // A console rename shows at refresh; up renames it back.
    await control('PATCH', `/objects/regions/${region.id}`, { region_name: 'Europe' });
    forgetAllListings();
    const drifted = (await read('Region', region.id, region.outs!)).props!;
    expect(drifted.name).toBe('Europe');
    await update('Region', region.id, drifted, { name: 'EMEA', sipZoneId: 'sz_eu_central', moveUsersOnDeleteTo: main.regionId, ...stub });
    expect((await getRegion({ name: 'EMEA' })).usersCount).toBe(1);
    await remove('Region', region.id, { ...region.outs!, ...stub });
    expect(await control('GET', '/objects/users/agent_020')).toMatchObject({ region_id: 'region_main' });
  });
});

describe('AgentStatus', () => {
  it('a not-ready reason with its queues; a queue deleted in ZCC leaves the list; a new category replaces it', async () => {
    expect(await getAgentStatus({ name: 'Ready', category: 'agent_status' })).toMatchObject({ statusId: 'status_ready', statusType: 'default' });
    const queue = await create('Queue', { name: 'Status queue', channel: 'voice', ...stub });
    const other = await create('Queue', { name: 'Other queue', channel: 'voice', ...stub });
    const inputs = { name: 'Lunch', category: 'queue_opt_out_and_not_ready_status', queueIds: [queue.id, other.id] };
    const lunch = await create('AgentStatus', await checked('AgentStatus', inputs));
    expect(lunch.outs).toMatchObject({ name: 'Lunch', enabled: true, statusType: 'custom', queueIds: [queue.id, other.id] });
    expect((await control('GET', `/objects/system_statuses/${lunch.id}`)).status_assigned_queues).toEqual([{ id: queue.id }, { id: other.id }]);

    await update('AgentStatus', lunch.id, lunch.outs!, { ...inputs, enabled: false, queueIds: [other.id], ...stub });
    await remove('Queue', other.id, other.outs!);
    forgetAllListings();
    expect((await read('AgentStatus', lunch.id, lunch.outs!)).props).toMatchObject({ enabled: false, queueIds: [] });

    const diff = await import('../../provider/handlers').then((handlers) =>
      handlers.diff('AgentStatus', lunch.id, lunch.outs!, { ...inputs, category: 'agent_status', ...stub }),
    );
    expect(diff.replaces).toEqual(['category']);
    // Two statuses of one category cannot share a name: the preview of a later run refuses the second.
    forgetAllListings();
    const twin = await check('AgentStatus', {}, { name: 'Lunch', category: 'queue_opt_out_and_not_ready_status', ...stub });
    expect(twin.failures?.[0]?.reason).toMatch(/already exists in ZCC/);
    await remove('AgentStatus', lunch.id, lunch.outs!);
    expect(await control('GET', '/objects/system_statuses')).not.toContainEqual(expect.objectContaining({ status_id: lunch.id }));
  });
});

describe('AssetCategory', () => {
  it('renamed in place, replaced for a new scope, found by name within a scope', async () => {
    expect(await getAssetCategory({ name: 'General', scope: 'system' })).toMatchObject({ categoryId: 'asset_cat_general' });
    const prompts = await create('AssetCategory', await checked('AssetCategory', { name: 'IVR prompts', scope: 'system' }));
    await update('AssetCategory', prompts.id, prompts.outs!, { name: 'Prompts', scope: 'system', ...stub });
    expect(await control('GET', `/objects/asset_categories/${prompts.id}`)).toMatchObject({ category_name: 'Prompts' });
    // The same name in the other scope is another category.
    const replies = await create('AssetCategory', await checked('AssetCategory', { name: 'Prompts', scope: 'agent' }));
    expect((await getAssetCategory({ name: 'Prompts', scope: 'agent' })).categoryId).toBe(replies.id);
    await remove('AssetCategory', replies.id, replies.outs!);
    await remove('AssetCategory', prompts.id, prompts.outs!);
  });
});

describe('PhoneBlockListRule and IpBlockListRule', () => {
  it('are created one per batch call, read back, replaced (deleted first) on any change, and deleted', async () => {
    const inputs = {
      phoneNumber: '+1900',
      matchType: 'prefix',
      countryIsoCode: 'US',
      direction: ['inbound'],
      channel: ['voice', 'sms'],
      exceptions: ['+19005550100'],
    };
    const rule = await create('PhoneBlockListRule', await checked('PhoneBlockListRule', inputs));
    expect(rule.outs).toMatchObject({ ...inputs, status: 'active', ruleId: rule.id, createdTime: expect.any(String) });
    forgetAllListings();
    expect((await read('PhoneBlockListRule', rule.id, rule.outs!)).props).toMatchObject(inputs);

    // Zoom cannot change a rule: a new comment replaces it, the old one first (same number), and the preview says
    // what that means.
    const { diff } = await import('../../provider/handlers');
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const replacing = await diff('PhoneBlockListRule', rule.id, rule.outs!, { ...inputs, comment: 'premium-rate', ...stub });
    expect(replacing).toMatchObject({ replaces: ['comment'], deleteBeforeReplace: true });
    expect(warned.mock.calls.flat().join('\n')).toContain('ZCC requires its phoneNumber to stay unique, so it is out of service');
    expect(warned.mock.calls.flat().join('\n')).toContain('the number is not blocked meanwhile');
    warned.mockRestore();

    // A second rule for the same prefix is refused by the preview of a later run.
    forgetAllListings();
    const twin = await check('PhoneBlockListRule', {}, { ...inputs, ...stub });
    expect(twin.failures?.[0]?.reason).toMatch(/already exists in ZCC/);
    // exceptions only with a prefix.
    const exact = await check('PhoneBlockListRule', {}, { ...inputs, matchType: 'phone_number', ...stub });
    expect(exact.failures?.[0]?.reason).toMatch(/exceptions are only allowed with matchType "prefix"/);

    await remove('PhoneBlockListRule', rule.id, rule.outs!);
    expect(await control('GET', '/objects/phone_block_rules')).toEqual([]);

    const ip = await create('IpBlockListRule', await checked('IpBlockListRule', { ipAddress: '203.0.113.0/24', comment: 'chat spam' }));
    expect(await control('GET', `/objects/ip_block_rules/${ip.id}`)).toMatchObject({
      ip_address: '203.0.113.0/24',
      match_type: 'ip_address',
      status: 'active',
    });
    await remove('IpBlockListRule', ip.id, ip.outs!);
    // Already gone: a delete is done.
    await remove('IpBlockListRule', ip.id, ip.outs!);
  });
});

describe('AddressBookUnit, AddressBook and AddressBookCustomField', () => {
  it('a unit with a book and a field; the book keeps its contacts unless deleting them is consented to', async () => {
    const unit = await create('AddressBookUnit', await checked('AddressBookUnit', { name: 'Sales' }));
    const book = await create('AddressBook', await checked('AddressBook', { unitId: unit.id, name: 'Customers' }));
    const field = await create(
      'AddressBookCustomField',
      await checked('AddressBookCustomField', { name: 'Tier', dataType: 'pick_list', pickListValues: ['gold', 'silver'], addressBookIds: [book.id] }),
    );
    expect(field.outs).toMatchObject({ addressBookIds: [book.id], dataType: 'pick_list' });
    // Lookups find them (books within a unit: Zoom lists books per unit).
    expect((await getAddressBook({ name: 'Customers', unitId: unit.id })).addressBookId).toBe(book.id);

    // A console rename of the field is seen and restored; its PATCH names the field and its type, as Zoom requires.
    await control('PATCH', `/objects/address_book_custom_fields/${field.id}`, { custom_field_name: 'Level' });
    forgetAllListings();
    const drifted = (await read('AddressBookCustomField', field.id, field.outs!)).props!;
    expect(drifted.name).toBe('Level');
    await update('AddressBookCustomField', field.id, drifted, { ...field.outs!, name: 'Tier', showInProfileTab: true, ...stub });
    expect(await control('GET', `/objects/address_book_custom_fields/${field.id}`)).toMatchObject({ custom_field_name: 'Tier', show_in_profile_tab: true });

    // Contacts arrive (customer data): deleting the book without consent is refused, naming the input.
    await control('PATCH', `/objects/address_books/${book.id}`, { total_contacts: 120 });
    expect((await check('AddressBook', {}, { unitId: unit.id, name: 'Prospects', ...stub })).inputs!.onDelete).toMatch(/refused/);
    await expect(remove('AddressBook', book.id, { ...book.outs!, ...stub })).rejects.toThrow(/needs deleteContactsOnDelete: true/);
    // A unit that holds books cannot go first; with consent the book goes, its field stops naming it, then the unit.
    await expect(remove('AddressBookUnit', unit.id, unit.outs!)).rejects.toThrow(/holds address books: Customers/);
    await remove('AddressBook', book.id, { ...book.outs!, deleteContactsOnDelete: true, ...stub });
    expect((await control('GET', `/objects/address_book_custom_fields/${field.id}`)).address_book_ids).toEqual([]);
    await remove('AddressBookCustomField', field.id, field.outs!);
    await remove('AddressBookUnit', unit.id, unit.outs!);
  });
});

describe('User', () => {
  it('adds a Zoom user to Contact Center with a profile, updates it in place, refuses an existing one, and removes it only with consent', async () => {
    const supervisor = await getRole({ name: 'Supervisor' });
    const inputs = {
      email: 'new.hire@example.com',
      roleId: supervisor.roleId,
      countryIsoCode: 'GB',
      channelSettings: { multiChannelEngagements: { enable: true, maxAgentLoad: 3 }, concurrentMessageCapacity: 4 },
      addOnsPlan: ['ai_expert_assist'],
      emergencyCalling: true,
    };
    const user = await create('User', await checked('User', inputs));
    expect(user.outs).toMatchObject({ ...inputs, userId: user.id, displayName: 'new.hire' });
    expect(await control('GET', `/objects/users/${user.id}`)).toMatchObject({ role_id: supervisor.roleId, role_name: 'Supervisor' });

    // A console edit of a declared setting is seen and restored; settings left out stay unmanaged.
    await control('PATCH', `/objects/users/${user.id}`, { country_iso_code: 'FR' });
    const drifted = (await read('User', user.id, user.outs!)).props!;
    expect(drifted.countryIsoCode).toBe('FR');
    await update('User', user.id, drifted, { ...inputs, userAccess: 'inactive', ...stub });
    expect(await control('GET', `/objects/users/${user.id}`)).toMatchObject({ country_iso_code: 'GB', user_access: 'inactive' });

    // Someone already in Contact Center is not added again: the preview names them and says how to take them over.
    const existing = await check('User', {}, { email: 'ada.lovelace1@example.com', ...stub });
    expect(existing.failures?.[0]?.reason).toMatch(/already exists in ZCC \(agent_001\).*adoptId: "agent_001"/);

    expect((await check('User', {}, { email: 'other@example.com', ...stub })).inputs!.onDelete).toMatch(/^refused/);
    // An email is shown in the preview (its delete effect): a control or bidi character in it is refused at check.
    const hostile = await check('User', {}, { email: 'evil\u001b[2J@example.com', ...stub });
    expect(hostile.failures?.[0]?.reason).toMatch(/must not contain control or bidi override characters/);
    await expect(remove('User', user.id, { ...user.outs!, ...stub })).rejects.toThrow(/needs removeFromContactCenterOnDelete: true/);
    await remove('User', user.id, { ...user.outs!, removeFromContactCenterOnDelete: true, ...stub });
    expect((await control('GET', '/objects/users')).some((row: Row) => row.user_id === user.id)).toBe(false);
  });
});

describe('UserTemplate', () => {
  it('selects the blocks it declares, keeps console-selected ones, restores a deselected block, and reads needs_attention', async () => {
    const queue = await create('Queue', { name: 'Template queue', channel: 'voice', ...stub });
    const inputs = {
      name: 'New agents',
      type: 'add',
      roleId: 'role_agent',
      package: { packageName: 'premium' },
      assignedQueues: { agentQueueIds: [queue.id] },
    };
    const template = await create('UserTemplate', await checked('UserTemplate', inputs));
    expect(template.outs).toMatchObject({ ...inputs, status: 'active' });
    expect(await control('GET', `/objects/user_templates/${template.id}`)).toMatchObject({ selected_blocks: ['role', 'package', 'assigned_queues'] });

    // The console deselects the queues and selects mobile_client: the queues read as missing; mobile_client is not declared.
    await control('PATCH', `/objects/user_templates/${template.id}`, { selected_blocks: ['role', 'package', 'mobile_client'], mobile_client: true });
    forgetAllListings();
    const drifted = (await read('UserTemplate', template.id, template.outs!)).props!;
    expect(drifted.assignedQueues).toBeUndefined();
    await update('UserTemplate', template.id, drifted, { ...inputs, emergencyCalling: true, ...stub });
    expect(await control('GET', `/objects/user_templates/${template.id}`)).toMatchObject({
      selected_blocks: ['role', 'package', 'mobile_client', 'emergency_calling', 'assigned_queues'],
      emergency_calling: true,
    });

    // A queue it names is deleted: Zoom says the template needs attention.
    await remove('Queue', queue.id, queue.outs!);
    forgetAllListings();
    expect((await read('UserTemplate', template.id, template.outs!)).props).toMatchObject({ status: 'needs_attention' });
    const { getUserTemplate } = await import('../../sdk/generated/lookups');
    expect(await getUserTemplate({ name: 'New agents' })).toMatchObject({ templateId: template.id, type: 'add' });
    await remove('UserTemplate', template.id, template.outs!);
    expect(await control('GET', '/objects/user_templates')).toEqual([]);
  });
});
