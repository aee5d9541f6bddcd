import { expectNoChanges, outputCollector, ownFlows, useProject } from './harness';

jest.setTimeout(15 * 60_000);

type Args = Record<string, unknown>;
interface Scenario {
  kind: string;
  name: string;
  collection: string;
  initial: Args;
  inPlace: Args;
  /** Change that the spec says forces replacement (none for the routing profiles). */
  replace?: Args;
  /** A change Zoom makes in place although it once meant a new object (a team's parent: moved), in the replace stage. */
  move?: Args;
  /** A console edit: API field → value, and the input it shows up as. */
  consoleEdit: { field: string; value: unknown; input: string };
}

// One of each standalone kind, walked through the whole lifecycle together (membership kinds: membership.test.ts).
const scenarios: Scenario[] = [
  {
    kind: 'Queue',
    name: 'lifecycle-queue',
    collection: 'queues',
    initial: { name: 'Lifecycle queue', channel: 'voice', maxWaitTime: 100 },
    inPlace: { maxWaitTime: 200, distributionType: 3 },
    replace: { channel: 'messaging' },
    consoleEdit: { field: 'max_wait_time', value: 999, input: 'maxWaitTime' },
  },
  {
    kind: 'SkillCategory',
    name: 'lifecycle-category',
    collection: 'skill_categories',
    initial: { name: 'Lifecycle category', skillType: 'text' },
    inPlace: { description: 'changed in place' },
    replace: { skillType: 'proficiency', maxProficiencyLevel: 2 },
    consoleEdit: { field: 'skill_category_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Skill',
    name: 'lifecycle-skill',
    collection: 'skills',
    initial: { name: 'Lifecycle skill', skillCategoryId: 'cat_product' },
    inPlace: { name: 'Lifecycle skill renamed' },
    replace: { skillCategoryId: 'cat_language' },
    consoleEdit: { field: 'skill_name', value: 'Renamed in the console', input: 'name' },
  },
  {
    kind: 'Flow',
    name: 'lifecycle-flow',
    collection: 'flows',
    initial: { name: 'Lifecycle flow', definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] } },
    inPlace: { description: 'v2', definition: { studioType: 0, nodes: [{ id: 'start', type: 'RouteTo' }] } },
    // studioType is the flow's channel: another one means another flow.
    replace: { definition: { studioType: 1, nodes: [{ id: 'start', type: 'SendMedia' }] } },
    consoleEdit: { field: 'flow_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'AgentRoutingProfile',
    name: 'lifecycle-agent-profile',
    collection: 'agent_routing_profiles',
    initial: {
      name: 'Lifecycle agent profile',
      waitTimeAgentInSeconds: 60,
      priorities: [{ categoryType: 'skill', skillCategoryId: 'cat_language', minimumProficiencyLevel: 1 }],
    },
    inPlace: {
      description: 'changed in place',
      priorities: [
        { categoryType: 'skill', skillCategoryId: 'cat_product' },
        { categoryType: 'skill', skillCategoryId: 'cat_language', minimumProficiencyLevel: 3 },
      ],
    },
    consoleEdit: { field: 'wait_time_agent_in_seconds', value: 99, input: 'waitTimeAgentInSeconds' },
  },
  {
    kind: 'ConsumerRoutingProfile',
    name: 'lifecycle-consumer-profile',
    collection: 'consumer_routing_profiles',
    initial: { name: 'Lifecycle consumer profile', topPriorities: [{ attributeType: 'new_customer' }] },
    inPlace: { accumulatedPriorities: [{ attributeType: 'entrance_to_queue', incrementalRate: 2 }] },
    consoleEdit: { field: 'consumer_routing_profile_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'BusinessHours',
    name: 'lifecycle-hours',
    collection: 'business_hours',
    initial: {
      name: 'Lifecycle hours',
      timezone: 'Europe/Berlin',
      hours: {
        hourType: 'custom',
        customHours: [{ dayOfWeek: 'monday', customHourType: 'hours', customHourRanges: [{ startTime: '09:00', endTime: '17:00' }] }],
      },
    },
    inPlace: { description: 'changed in place', hours: { hourType: 'alwaysOpen' } },
    consoleEdit: { field: 'business_hour_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'ClosureSet',
    name: 'lifecycle-closures',
    collection: 'closure_sets',
    initial: {
      name: 'Lifecycle closures',
      timezone: 'Europe/Berlin',
      closures: [
        { closureName: 'New Year', closureHourType: 'allDay', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 'none' },
      ],
    },
    inPlace: {
      closures: [
        { closureName: 'New Year', closureHourType: 'allDay', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 'yearly' },
        { closureName: 'Christmas', closureHourType: 'allDay', startTime: '2027-12-25T00:00', endTime: '2027-12-26T23:59', recurringFrequency: 'yearly' },
      ],
    },
    consoleEdit: { field: 'closure_set_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Disposition',
    name: 'lifecycle-disposition',
    collection: 'dispositions',
    initial: { name: 'Lifecycle disposition' },
    inPlace: {
      description: 'changed in place',
      dispositionType: 'multi_level',
      subDispositions: [{ subDispositionName: 'Callback', currentIndex: 1, parentIndex: 0 }],
    },
    consoleEdit: { field: 'disposition_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'DispositionSet',
    name: 'lifecycle-disposition-set',
    collection: 'disposition_sets',
    initial: { name: 'Lifecycle disposition set' },
    inPlace: { status: 'inactive' },
    consoleEdit: { field: 'disposition_set_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'VariableGroup',
    name: 'lifecycle-variable-group',
    collection: 'variable_groups',
    initial: { name: 'Lifecycle variables' },
    inPlace: { description: 'changed in place' },
    consoleEdit: { field: 'variable_group_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Variable',
    name: 'lifecycle-variable',
    collection: 'variables',
    initial: {
      variableGroupId: { $ref: 'lifecycle-variable-group.variableGroupId' },
      name: 'Lifecycle_tier',
      variableType: 'global_variable',
      dataType: 'string',
    },
    inPlace: { values: ['gold', 'silver'], useInReporting: true },
    replace: { variableType: 'address_book_variable' },
    consoleEdit: { field: 'variable_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Inbox',
    name: 'lifecycle-inbox',
    collection: 'inboxes',
    initial: { name: 'Lifecycle inbox', voicemail: { voicemailTimeLimit: 5 }, deleteMessagesOnDelete: true },
    inPlace: { voicemail: { voicemailTimeLimit: 3, voicemailTranscription: true } },
    consoleEdit: { field: 'inbox_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Team',
    name: 'lifecycle-team-parent',
    collection: 'teams',
    initial: { name: 'Lifecycle parent team', parentTeamId: 'team_root' },
    inPlace: { description: 'changed in place' },
    consoleEdit: { field: 'team_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Team',
    name: 'lifecycle-team',
    collection: 'teams',
    initial: { name: 'Lifecycle team', parentTeamId: 'team_root' },
    inPlace: { name: 'Lifecycle team renamed' },
    // Zoom moves a team in place (PATCH /teams/{teamId}/move): same id, members and queue links.
    move: { parentTeamId: { $ref: 'lifecycle-team-parent.teamId' } },
    consoleEdit: { field: 'team_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Role',
    name: 'lifecycle-role',
    collection: 'roles',
    initial: { name: 'Lifecycle role', privileges: ['analytics_realtime_view'], transferRoleId: 'role_agent' },
    inPlace: { description: 'changed in place', privileges: ['analytics_realtime_view', 'general_engagements_monitor'] },
    consoleEdit: { field: 'role_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'Region',
    name: 'lifecycle-region',
    collection: 'regions',
    initial: { name: 'Lifecycle region', sipZoneId: 'sz_us_east', moveUsersOnDeleteTo: 'region_main' },
    inPlace: { sipZoneId: 'sz_us_west' },
    consoleEdit: { field: 'region_name', value: 'Lifecycle region renamed in the console', input: 'name' },
  },
  {
    kind: 'AgentStatus',
    name: 'lifecycle-status',
    collection: 'system_statuses',
    initial: { name: 'Lifecycle break', category: 'queue_opt_out_and_not_ready_status' },
    inPlace: { enabled: false },
    replace: { category: 'agent_status' },
    consoleEdit: { field: 'status_name', value: 'Lifecycle renamed in the console', input: 'name' },
  },
  {
    kind: 'Asset',
    name: 'lifecycle-asset',
    collection: 'assets',
    initial: { name: 'Lifecycle text', type: 'text', items: [{ language: 'en-US', content: 'Hello' }] },
    inPlace: {
      items: [
        { language: 'en-US', content: 'Hello again\nSecond line' },
        { language: 'de-DE', content: 'Hallo' },
      ],
    },
    replace: { type: 'saved_reply' },
    consoleEdit: { field: 'asset_name', value: 'Lifecycle renamed in the console', input: 'name' },
  },
  {
    kind: 'UserTemplate',
    name: 'lifecycle-user-template',
    collection: 'user_templates',
    initial: { name: 'Lifecycle users', type: 'add', roleId: 'role_agent', package: { packageName: 'essentials' } },
    inPlace: { package: { packageName: 'premium' }, mobileClient: true },
    replace: { type: 'update' },
    consoleEdit: { field: 'template_name', value: 'Renamed in the console', input: 'name' },
  },
  {
    kind: 'QueueTemplate',
    name: 'lifecycle-queue-template',
    collection: 'queue_templates',
    initial: { name: 'Lifecycle template', channel: 'voice', type: 'add', status: 'active' },
    inPlace: { name: 'Lifecycle template renamed', status: 'inactive' },
    replace: { type: 'update' },
    consoleEdit: { field: 'queue_template_status', value: 'active', input: 'status' },
  },
  {
    kind: 'AssetCategory',
    name: 'lifecycle-asset-category',
    collection: 'asset_categories',
    initial: { name: 'Lifecycle prompts', scope: 'system' },
    inPlace: { name: 'Lifecycle prompts renamed' },
    replace: { scope: 'agent' },
    consoleEdit: { field: 'category_name', value: 'Lifecycle renamed in the console', input: 'name' },
  },
  {
    kind: 'AddressBookUnit',
    name: 'lifecycle-unit',
    collection: 'address_book_units',
    initial: { name: 'Lifecycle unit' },
    inPlace: { description: 'changed in place' },
    consoleEdit: { field: 'unit_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'AddressBook',
    name: 'lifecycle-book',
    collection: 'address_books',
    initial: { unitId: { $ref: 'lifecycle-unit.unitId' }, name: 'Lifecycle book', deleteContactsOnDelete: true },
    inPlace: { name: 'Lifecycle book renamed' },
    consoleEdit: { field: 'address_book_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'AddressBookCustomField',
    name: 'lifecycle-field',
    collection: 'address_book_custom_fields',
    initial: { name: 'Lifecycle tier', dataType: 'string', showInProfileTab: false },
    inPlace: { dataType: 'pick_list', pickListValues: ['gold', 'silver'], addressBookIds: [{ $ref: 'lifecycle-book.addressBookId' }] },
    consoleEdit: { field: 'show_in_profile_tab', value: true, input: 'showInProfileTab' },
  },
  {
    kind: 'CampaignContactList',
    name: 'lifecycle-contacts',
    collection: 'contact_lists',
    initial: { name: 'Lifecycle contacts', deleteContactsOnDelete: true },
    inPlace: { description: 'changed in place' },
    consoleEdit: { field: 'contact_list_description', value: 'edited in the console', input: 'description' },
  },
  {
    kind: 'ContactListCustomField',
    name: 'lifecycle-contact-field',
    collection: 'contact_list_custom_fields',
    initial: { name: 'Lifecycle contact tier', dataType: 'string', allowThirdPartyAccess: false },
    inPlace: { dataType: 'pick_list', pickListValues: ['new', 'renewal'], contactListIds: [{ $ref: 'lifecycle-contacts.contactListId' }] },
    consoleEdit: { field: 'allow_third_party_access', value: true, input: 'allowThirdPartyAccess' },
  },
  {
    kind: 'OutboundCampaign',
    name: 'lifecycle-campaign',
    collection: 'outbound_campaigns',
    initial: {
      name: 'Lifecycle campaign',
      queueId: { $ref: 'lifecycle-queue.queueId' },
      phoneNumberId: 'ep_phone_1',
      dialingMethod: 'progressive',
      contactListIds: [{ $ref: 'lifecycle-contacts.contactListId' }],
      maxAttemptsPerContact: 2,
      status: 'ready',
    },
    inPlace: { description: 'changed in place', maxAttemptsPerContact: 3, status: 'paused' },
    replace: { dialingMethod: 'preview' },
    consoleEdit: { field: 'max_attempts_per_contact', value: 9, input: 'maxAttemptsPerContact' },
  },
  {
    kind: 'User',
    name: 'lifecycle-user',
    collection: 'users',
    initial: { email: 'Lifecycle.user@example.com', countryIsoCode: 'US', removeFromContactCenterOnDelete: true },
    inPlace: { countryIsoCode: 'GB', packageName: 'premium', channelSettings: { concurrentMessageCapacity: 3 } },
    replace: { email: 'Lifecycle.user2@example.com' },
    consoleEdit: { field: 'country_iso_code', value: 'FR', input: 'countryIsoCode' },
  },
];

describe('every standalone kind through the whole lifecycle on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const declare = (stage: 'initial' | 'inPlace' | 'replace') =>
    current().declare(
      scenarios.map((s) => ({
        kind: s.kind,
        name: s.name,
        args: { ...s.initial, ...(stage !== 'initial' ? s.inPlace : {}), ...(stage === 'replace' ? { ...s.replace, ...s.move } : {}) },
      })),
    );
  const ids = async (): Promise<Record<string, string>> => (await current().stack.outputs()).ids.value;
  const serverObject = async (s: Scenario, id: string) =>
    ((await current().control('GET', `/objects/${s.collection}`)) as Array<Record<string, unknown>>).find((row) => Object.values(row).includes(id));

  it('create → empty preview → update in place → replace → console edit restored → out-of-band delete recreated → destroy', async () => {
    const { stack, control } = current();
    const replaced = scenarios.filter((s) => s.replace).length;

    await declare('initial');
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: scenarios.length + 1 });
    const created = await ids();
    await expectNoChanges(stack);

    await declare('inPlace');
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ same: 1, update: scenarios.length });
    expect(await ids()).toEqual(created);
    expect(await serverObject(scenarios[0], created['lifecycle-queue'])).toMatchObject({ max_wait_time: 200, distribution_type: 3 });
    await expectNoChanges(stack);

    await declare('replace');
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: replaced });
    const after = await ids();
    for (const s of scenarios) (s.replace ? expect(after[s.name]).not : expect(after[s.name])).toBe(created[s.name]);
    expect(
      await serverObject(
        scenarios.find((s) => s.move)!,
        after['lifecycle-team'],
      ),
    ).toMatchObject({ parent_team_id: after['lifecycle-team-parent'] });
    expect(await serverObject(scenarios[2], after['lifecycle-skill'])).toMatchObject({
      skill_category_id: 'cat_language',
      skill_name: 'Lifecycle skill renamed',
    });
    await expectNoChanges(stack);

    for (const s of scenarios) await control('PATCH', `/objects/${s.collection}/${after[s.name]}`, { [s.consoleEdit.field]: s.consoleEdit.value });
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ update: scenarios.length });
    const drift = outputCollector();
    await expect(stack.preview({ expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    for (const s of scenarios) {
      expect(drift.text()).toContain(s.name);
      expect(drift.text()).toContain(s.consoleEdit.input);
    }
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: scenarios.length });
    for (const s of scenarios) expect((await serverObject(s, after[s.name]))?.[s.consoleEdit.field]).not.toEqual(s.consoleEdit.value);
    await expectNoChanges(stack);

    for (const s of scenarios) await control('DELETE', `/objects/${s.collection}/${after[s.name]}`);
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ delete: scenarios.length });
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ create: scenarios.length });
    const recreated = await ids();
    for (const s of scenarios) expect(await serverObject(s, recreated[s.name])).toBeDefined();
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    for (const s of scenarios) {
      const left = (await control('GET', `/objects/${s.collection}`)) as Array<Record<string, unknown>>;
      const label = (row: Record<string, unknown>) =>
        String(
          row.name ??
            row.queue_name ??
            row.flow_name ??
            row.skill_name ??
            row.skill_category_name ??
            row.agent_routing_profile_name ??
            row.consumer_routing_profile_name ??
            row.business_hour_name ??
            row.closure_set_name ??
            row.disposition_name ??
            row.disposition_set_name ??
            row.variable_group_name ??
            row.variable_name ??
            row.inbox_name ??
            row.team_name ??
            row.role_name ??
            row.region_name ??
            row.status_name ??
            row.category_name ??
            row.unit_name ??
            row.address_book_name ??
            row.custom_field_name ??
            row.contact_list_name ??
            row.outbound_campaign_name ??
            row.user_email,
        );
      expect(left.filter((row) => label(row).startsWith('Lifecycle'))).toEqual([]);
    }
  });

  it('records a flow whose publish failed after create, and finishes it on the next up', async () => {
    const { stack, control } = current();
    await current().declare([
      { kind: 'Flow', name: 'half-made', args: { name: 'Half made', publish: true, definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] } } },
    ]);
    await control('POST', '/faults', {
      method: 'PUT',
      path: '/publish$',
      action: 'respond',
      status: 400,
      code: 300,
      message: 'Publishing is temporarily disabled.',
      times: 1,
    });
    const failed = outputCollector();
    await expect(stack.up({ onOutput: failed.onOutput })).rejects.toThrow();
    expect(failed.text()).toContain('Publishing is temporarily disabled');
    const flows = ownFlows((await control('GET', '/objects/flows')) as Array<{ flow_id: string; status: string }>);
    expect(flows).toEqual([expect.objectContaining({ status: 'draft' })]);
    const state = (await stack.exportStack()).deployment as { resources: Array<{ type: string; id?: string; outputs?: Record<string, unknown> }> };
    const recorded = state.resources.find((r) => r.type === 'pulumi-nodejs:dynamic/zcc:Flow');
    expect(recorded).toMatchObject({ id: flows[0].flow_id });
    expect(String(recorded?.outputs?.__provider)).toContain('require("zcc-pulumi/dist/sdk/providers/flow.js")');

    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(ownFlows(await control('GET', '/objects/flows'))).toEqual([expect.objectContaining({ flow_id: flows[0].flow_id, status: 'published' })]);
    await expectNoChanges(stack);
    await stack.destroy(quiet());
  });
});
