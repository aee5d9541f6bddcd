import { EmulatorControl } from '../../emulator/control';

type Row = Record<string, any>;

/**
 * An emulator's configuration with every id replaced by the name of what it names (users by email), so two
 * accounts can be compared: the same configuration gives the same description whatever ids each assigned.
 * Returns one entry per object, keyed by kind and name.
 */
export async function describeAccount(origin: string): Promise<Map<string, unknown>> {
  const control = new EmulatorControl(origin);
  const get = (collection: string) => control.send<any>('GET', `/objects/${collection}`);
  const [queues, categories, skills, agentProfiles, consumerProfiles, flows, users, queueAgents, queueSupervisors, userSkills] = await Promise.all(
    [
      'queues',
      'skill_categories',
      'skills',
      'agent_routing_profiles',
      'consumer_routing_profiles',
      'flows',
      'users',
      'queue_agents',
      'queue_supervisors',
      'user_skills',
    ].map(get),
  );
  const [businessHours, closureSets, dispositions, dispositionSets, variableGroups, operatingHours, queueDispositions, queueDispositionSets] =
    await Promise.all(
      [
        'business_hours',
        'closure_sets',
        'dispositions',
        'disposition_sets',
        'variable_groups',
        'queue_operating_hours',
        'queue_dispositions',
        'queue_disposition_sets',
      ].map(get),
    );
  const names = new Map<string, string>();
  const label = (kind: string, id: string, name: string) => names.set(id, `${kind}:${name}`);
  for (const row of queues as Row[]) label('Queue', row.queue_id, row.queue_name);
  for (const row of categories as Row[]) label('SkillCategory', row.skill_category_id, row.skill_category_name);
  for (const row of skills as Row[])
    label(
      'Skill',
      row.skill_id,
      `${row.skill_name} in ${(categories as Row[]).find((c) => c.skill_category_id === row.skill_category_id)?.skill_category_name}`,
    );
  for (const row of agentProfiles as Row[]) label('AgentRoutingProfile', row.agent_routing_profile_id, row.agent_routing_profile_name);
  for (const row of consumerProfiles as Row[]) label('ConsumerRoutingProfile', row.consumer_routing_profile_id, row.consumer_routing_profile_name);
  for (const row of flows as Row[]) label('Flow', row.flow_id, row.flow_name);
  for (const row of users as Row[]) names.set(row.user_id, `User:${row.user_email}`);
  for (const row of businessHours as Row[]) label('BusinessHours', row.business_hour_id, row.business_hour_name);
  for (const row of closureSets as Row[]) label('ClosureSet', row.closure_set_id, row.closure_set_name);
  for (const row of dispositions as Row[]) label('Disposition', row.disposition_id, row.disposition_name);
  for (const row of dispositionSets as Row[]) label('DispositionSet', row.disposition_set_id, row.disposition_set_name);
  for (const row of variableGroups as Row[]) label('VariableGroup', row.variable_group_id, row.variable_group_name);
  for (const row of queues as Row[]) if (row.cc_queue_id) names.set(row.cc_queue_id, `Queue:${row.queue_name}`);
  const assets = (await get('assets')) as Row[];
  for (const row of assets) label('Asset', row.asset_id, row.asset_name);

  // Bookkeeping that differs between accounts by nature: ids, counters, timestamps, version history.
  const DROP =
    /^(queue_id|cc_queue_id|skill_id|agent_routing_profile_id|consumer_routing_profile_id|flow_id|priority_id|modified_by|last_modified_time|created_time|agents_count|supervisors_count|total_users|total_agent_routing_profiles|total_records|flow_versions|versions|status|skill_category_name|skill_type_name|closure_id|sub_disposition_id|default_skill_name|backup_skill_name|intent_group_name)$/;
  const normalize = (value: unknown, ownId?: string): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map((item) => normalize(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Row)
          .filter(([key, inner]) => !DROP.test(key) && inner !== ownId)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, inner]) => [key, normalize(inner)]),
      );
    }
    return value;
  };
  const described = new Map<string, unknown>();
  const add = (key: string, value: unknown) => {
    if (described.has(key)) throw new Error(`describeAccount: two objects are ${key}`);
    described.set(key, value);
  };
  for (const row of queues as Row[]) add(`Queue:${row.queue_name}`, normalize(row, row.queue_id));
  for (const row of categories as Row[]) add(`SkillCategory:${row.skill_category_name}`, normalize(row, row.skill_category_id));
  for (const row of skills as Row[]) add(names.get(row.skill_id)!, normalize(row, row.skill_id));
  for (const row of agentProfiles as Row[]) add(`AgentRoutingProfile:${row.agent_routing_profile_name}`, normalize(row, row.agent_routing_profile_id));
  for (const row of consumerProfiles as Row[])
    add(`ConsumerRoutingProfile:${row.consumer_routing_profile_name}`, normalize(row, row.consumer_routing_profile_id));
  for (const row of flows as Row[]) {
    // What callers get: the published version, else the latest draft; and whether one is published.
    const versions = row.versions as Array<{ flow_version: number; flow_version_status: string; file: string }>;
    const published = versions.find((v) => v.flow_version_status === 'published');
    const shown = published ?? versions[versions.length - 1];
    add(`Flow:${row.flow_name}`, {
      ...(normalize(row, row.flow_id) as Row),
      published: published !== undefined,
      definition: normalize(JSON.parse(shown.file)),
    });
  }
  const members = (kind: string, sets: Record<string, string[]>) => {
    for (const [queueId, userIds] of Object.entries(sets))
      if (userIds.length > 0) add(`${kind}:${names.get(queueId)}`, userIds.map((id) => names.get(id) ?? id).sort());
  };
  for (const [kind, rows, idField, nameField] of [
    ['BusinessHours', businessHours, 'business_hour_id', 'business_hour_name'],
    ['ClosureSet', closureSets, 'closure_set_id', 'closure_set_name'],
    ['Disposition', dispositions, 'disposition_id', 'disposition_name'],
    ['DispositionSet', dispositionSets, 'disposition_set_id', 'disposition_set_name'],
    ['VariableGroup', variableGroups, 'variable_group_id', 'variable_group_name'],
  ] as const)
    for (const row of rows as Row[]) add(`${kind}:${row[nameField]}`, normalize(row, row[idField]));
  for (const [queueId, hours] of Object.entries(operatingHours as Record<string, Row>))
    if (Object.keys(hours).length > 0) add(`QueueOperatingHours:${names.get(queueId)}`, normalize(hours));
  for (const [kind, sets] of [
    ['QueueDispositions', queueDispositions],
    ['QueueDispositionSets', queueDispositionSets],
  ] as const)
    for (const [queueId, entries] of Object.entries(sets as Record<string, string[]>))
      if (entries.length > 0)
        add(`${kind}:${names.get(queueId)}`, entries.map((entry) => entry.replace(/:(.*)$/, (_m, id: string) => `:${names.get(id) ?? id}`)).sort());
  members('QueueMembers', queueAgents);
  members('QueueSupervisors', queueSupervisors);
  for (const [userId, held] of Object.entries(userSkills as Record<string, Row[]>)) {
    if (held.length > 0)
      add(`UserSkills:${names.get(userId)}`, held.map((skill) => `${names.get(skill.skill_id)} @${skill.user_proficiency_level ?? '-'}`).sort());
  }
  // Roles (privileges as a set; the built-in roles are the account's own), who holds each role, regions, statuses
  // and asset categories, by name.
  const [roles, regions, statuses, assetCategories] = await Promise.all(['roles', 'regions', 'system_statuses', 'asset_categories'].map(get));
  for (const row of roles as Row[]) label('Role', row.role_id, row.role_name);
  for (const row of regions as Row[]) label('Region', row.region_id, row.region_name);
  for (const { template_id: _id, modified_by: _by, last_modified_time: _at, created_by: _cb, created_time: _ct, ...row } of (await get(
    'user_templates',
  )) as Row[])
    add(
      `UserTemplate:${row.template_name}`,
      normalize({ ...row, template_description: row.template_description ?? '', selected_blocks: [...row.selected_blocks].sort() }),
    );
  for (const row of roles as Row[]) {
    add(`Role:${row.role_name}`, { description: row.role_description, privileges: [...row.privileges].sort() });
    add(
      `RoleUsers:${row.role_name}`,
      (users as Row[])
        .filter((user) => user.role_id === row.role_id)
        .map((user) => `User:${user.user_email}`)
        .sort(),
    );
  }
  for (const row of regions as Row[]) add(`Region:${row.region_name}`, { sip_zone_id: row.sip_zone_id ?? null, main: row.is_main_region });
  for (const row of statuses as Row[])
    add(`AgentStatus:${row.status_category}:${row.status_name}`, {
      type: row.status_type,
      enable: row.enable,
      queues: (row.status_assigned_queues as Row[]).map((queue) => names.get(queue.id) ?? queue.id).sort(),
    });
  for (const row of assetCategories as Row[]) add(`AssetCategory:${row.category_scope}:${row.category_name}`, {});
  // Assets by name: items by language, a file by its digest (the emulator's own record), the category by name.
  const assetCategoryName = new Map((assetCategories as Row[]).map((row) => [row.category_id, row.category_name]));
  for (const row of assets)
    add(
      `Asset:${row.asset_name}`,
      normalize({
        description: row.asset_description ?? '',
        type: row.asset_type,
        category: assetCategoryName.get(row.category_id) ?? null,
        items: (row.items as Row[])
          .map(({ asset_item_id: _id, asset_item_file_url: _url, ...item }) => item)
          .sort((a, b) => (a.asset_item_language < b.asset_item_language ? -1 : 1)),
      }),
    );
  for (const [queueId, interrupts] of Object.entries((await get('queue_interrupts')) as Record<string, unknown>))
    add(`QueueInterrupts:${names.get(queueId)}`, normalize(interrupts));
  for (const { queue_template_id: _id, last_modified_time: _at, modified_by: _by, ...row } of (await get('queue_templates')) as Row[])
    add(`QueueTemplate:${row.queue_template_name}`, normalize({ ...row, queue_template_description: row.queue_template_description ?? '' }));
  const [phoneRules, ipRules] = await Promise.all(['phone_block_rules', 'ip_block_rules'].map(get));
  const rule = ({ created_time: _c, last_modified_time: _m, phone_block_list_rule_id: _p, ip_address_block_list_rule_id: _i, ...kept }: Row) => kept;
  for (const row of phoneRules as Row[]) add(`PhoneBlockListRule:${row.match_type}:${row.phone_number}`, rule(row));
  for (const row of ipRules as Row[]) add(`IpBlockListRule:${row.ip_address}`, rule(row));
  const [units, books, fields] = await Promise.all(['address_book_units', 'address_books', 'address_book_custom_fields'].map(get));
  const unitName = new Map((units as Row[]).map((row) => [row.unit_id, row.unit_name]));
  const bookName = new Map((books as Row[]).map((row) => [row.address_book_id, `${unitName.get(row.unit_id)}/${row.address_book_name}`]));
  for (const row of units as Row[]) add(`AddressBookUnit:${row.unit_name}`, { description: row.unit_description });
  for (const row of books as Row[]) add(`AddressBook:${bookName.get(row.address_book_id)}`, { description: row.address_book_description });
  for (const { custom_field_id: _id, last_modified_time: _at, address_book_ids: ids, ...row } of fields as Row[])
    add(`AddressBookCustomField:${row.custom_field_name}`, { ...row, books: ((ids as string[]) ?? []).map((id) => bookName.get(id)).sort() });
  const [contactLists, contactFields, campaigns] = await Promise.all(['contact_lists', 'contact_list_custom_fields', 'outbound_campaigns'].map(get));
  const listName = new Map((contactLists as Row[]).map((row) => [row.contact_list_id, row.contact_list_name]));
  const listNames = (ids: unknown) => ((ids as string[]) ?? []).map((id) => listName.get(id) ?? id).sort();
  const phones = (await get('dnc_list_phones')) as Record<string, Array<{ phone_number: string }>>;
  for (const row of contactLists as Row[])
    add(`CampaignContactList:${row.contact_list_name}`, {
      description: row.contact_list_description,
      type: row.contact_list_type,
      numbers: (phones[row.contact_list_id] ?? []).map((phone) => phone.phone_number).sort(),
    });
  for (const { custom_field_id: _id, last_modified_time: _at, contact_list_ids: ids, ...row } of contactFields as Row[])
    add(`ContactListCustomField:${row.custom_field_name}`, normalize({ ...row, lists: listNames(ids) }));
  for (const row of campaigns as Row[]) {
    const { outbound_campaign_id: _id, last_modified_time: _at, campaign_contact_list_ids: lists, campaign_do_not_contact_list_ids: dnc, ...rest } = row;
    const status = rest.outbound_campaign_status === 'running' || rest.outbound_campaign_status === 'not_running' ? 'ready' : rest.outbound_campaign_status;
    add(
      `OutboundCampaign:${row.outbound_campaign_name}`,
      normalize({
        ...rest,
        outbound_campaign_status: status,
        // Ids become names in normalize; `queue_id` is bookkeeping it drops elsewhere, so the queue goes by another key.
        queue: rest.queue_id,
        lists: listNames(lists),
        dnc: listNames(dnc),
      }),
    );
  }
  return described;
}
