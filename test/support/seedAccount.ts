import { ZccClient } from '../../provider/client/client';
import type { Emulator } from '../../emulator/server';
import { endpoints } from '../../provider/client/endpoints';
import { rolesEndpoint, roleUsersEndpoint } from '../../provider/specs/roleSpecs';
import { regionsEndpoint } from '../../provider/specs/regionSpec';
import { agentStatusesEndpoint } from '../../provider/specs/agentStatusSpec';
import { assetCategoriesEndpoint } from '../../provider/specs/assetCategorySpec';
import { queueTemplatesEndpoint } from '../../provider/specs/queueTemplateSpec';
import { assetsEndpoint } from '../../provider/specs/assetSpec';
import { userTemplatesEndpoint } from '../../provider/specs/userTemplateSpec';
import { queueInterruptsEndpoint } from '../../provider/specs/queueInterruptsSpec';
import { ipBlockRulesEndpoint, phoneBlockRulesEndpoint } from '../../provider/specs/blockListSpecs';
import { addressBookCustomFieldsEndpoint, addressBooksEndpoint, addressBookUnitsEndpoint } from '../../provider/specs/addressBookSpecs';
import { contactListCustomFieldsEndpoint, contactListsEndpoint, dncListPhonesEndpoint } from '../../provider/specs/contactListSpecs';
import { outboundCampaignsEndpoint } from '../../provider/specs/outboundCampaignSpec';
import { businessHoursEndpoint } from '../../provider/specs/businessHoursSpec';
import { closureSetsEndpoint } from '../../provider/specs/closureSetSpec';
import { dispositionSetsEndpoint, dispositionsEndpoint } from '../../provider/specs/dispositionSpecs';
import { queueDispositionSetsEndpoint, queueDispositionsEndpoint } from '../../provider/specs/queueDispositionsSpec';
import { queueOperatingHoursEndpoint } from '../../provider/specs/queueOperatingHoursSpec';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { agentRoutingProfilesEndpoint, consumerRoutingProfilesEndpoint } from '../../provider/specs/routingProfileSpecs';
import { skillCategoriesEndpoint, skillsEndpoint } from '../../provider/specs/skillSpecs';
import { variableGroupsEndpoint } from '../../provider/specs/variableGroupSpec';

/**
 * Fills an emulator, through the API as a console user would, with an account of `perKind` objects of every
 * kind: Unicode names, duplicate names (skills across categories; queues whose names slug alike), flows with
 * several versions (some published, some drafts) whose files name queues and skills by id, routing profiles that
 * name categories and skills, queues with every setting linked to profiles and overflowing to other queues,
 * memberships of 30+ users and users with skills. No reference cycles, so a --portable export can declare it.
 */
export interface SeededAccount {
  counts: Record<string, number>;
}

const UNICODE = ['Поддержка', 'サポート', 'Soporte técnico', 'الدعم', 'Ünterstützung', '支持中心', 'Ελληνικά', 'Café ☕'];

export async function seedAccount(emulator: Emulator, perKind: number): Promise<SeededAccount> {
  const client = new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'business' });
  const name = (base: string, i: number) => (i < UNICODE.length ? `${UNICODE[i]} ${base}` : `${base} ${String(i).padStart(4, '0')}`);
  const all = <T>(items: Array<() => Promise<T>>) => Promise.all(items.map((run) => run()));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  const users = await client.listUsers();
  if (users.length < Math.min(perKind, 60)) throw new Error(`seedAccount: the emulator has ${users.length} users; start it with seed.users >= ${perKind}`);

  // Skill categories (the emulator's two seeded ones count), alternating text and proficiency.
  const categories = [...(await client.listOf(skillCategoriesEndpoint))];
  categories.push(
    ...(await all(
      range(Math.max(0, perKind - categories.length)).map(
        (i) => () =>
          client.createIn(
            skillCategoriesEndpoint,
            i % 2
              ? { skill_category_name: name('Category', i), skill_type: 'text', skill_category_description: `Seeded ${i}` }
              : { skill_category_name: name('Category', i), skill_type: 'proficiency', max_proficiency_level: 1 + (i % 5) },
          ),
      ),
    )),
  );
  // Skills: names repeat across categories ("Spanish" in several).
  const skills = await all(
    range(perKind).map(
      (i) => () =>
        client.createIn(skillsEndpoint, {
          skill_name: i % 10 === 0 ? 'Spanish' : name('Skill', i),
          skill_category_id: categories[i % categories.length].skill_category_id,
        }),
    ),
  );
  const proficiency = (categoryId: string) => categories.find((category) => category.skill_category_id === categoryId)?.skill_type === 'proficiency';

  const agentProfiles = await all(
    range(perKind).map((i) => () => {
      const skill = skills[i % skills.length];
      const backup = skills[(i + 1) % skills.length];
      return client.createIn(agentRoutingProfilesEndpoint, {
        agent_routing_profile_name: name('Agents', i),
        agent_routing_profile_description: i % 3 ? `Profile ${i}` : '',
        wait_time_agent_in_seconds: 30 + (i % 90),
        priorities: [
          {
            category_type: 'skill',
            skill_category_id: skill.skill_category_id,
            default_skill_id: skill.skill_id,
            time_step: 20,
            backup_skills: [{ backup_skill_id: backup.skill_id }],
          },
        ],
      });
    }),
  );
  const consumerProfiles = await all(
    range(perKind).map(
      (i) => () =>
        client.createIn(consumerRoutingProfilesEndpoint, {
          consumer_routing_profile_name: name('Callers', i),
          top_priorities: [{ attribute_type: 'returning_customer', parameter: { max_returning_minutes: 60 + i } }],
          accumulated_priorities: [{ attribute_type: 'entrance_to_queue', incremental_rate: 1 + (i % 3) }],
        }),
    ),
  );

  // Queues: every third one named like another ("Support 0003" and "support-0003"), linked to profiles, each
  // overflowing to the one before it (a chain, not a cycle).
  const queues: Array<{ queue_id: string; queue_name: string; channel: string }> = [];
  for (let i = 0; i < perKind; i++) {
    const queueName =
      i % 3 === 2
        ? `${name('Support', i - 1)
            .toLowerCase()
            .replace(/ /g, '-')}`
        : name('Support', i);
    const channel = i % 4 === 1 ? 'messaging' : 'voice';
    const queue = await client.createIn(queuesEndpoint, {
      queue_name: queueName,
      queue_description: `Queue ${i}`,
      channel: channel as 'voice' | 'messaging',
    });
    queues.push({ queue_id: queue.queue_id, queue_name: queueName, channel });
  }
  await all(
    queues.map(
      (queue, i) => () =>
        client.updateOne(queuesEndpoint, [queue.queue_id], {
          max_wait_time: 60 + i,
          wrap_up_time: 10 + (i % 50),
          service_level_threshold_in_seconds: 20,
          service_level_target_in_percentage: 80,
          agent_routing_profile_id: agentProfiles[i % agentProfiles.length].agent_routing_profile_id,
          consumer_routing_profile_id: consumerProfiles[i % consumerProfiles.length].consumer_routing_profile_id,
          ...(i > 0 ? { overflow_to_queue_id: queues[i - 1].queue_id } : {}),
          ...(queue.channel === 'messaging' ? { message_accept: 'auto' as const } : {}),
        }),
    ),
  );

  // Kinds an account holds fewer of: a fifth as many of each.
  const few = Math.max(2, Math.ceil(perKind / 5));
  // Assets: audio prompts (a file and a spoken text), texts over two lines in two languages, saved replies.
  const wavOf = (i: number) => Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(32 + i, i % 256)]).toString('base64');
  const assets = await all(
    range(few).map(
      (i) => () =>
        client.createIn(assetsEndpoint, {
          asset_name: name('Asset', i),
          ...(i % 2 ? { asset_description: `Seeded ${i}` } : {}),
          asset_type: (['audio', 'text', 'saved_reply'] as const)[i % 3],
          ...(i % 3 === 2 ? {} : { category_id: 'asset_cat_general' }),
          asset_items:
            i % 3 === 0
              ? [
                  { asset_item_language: 'en-US', upload_file: wavOf(i) },
                  { asset_item_language: 'es-US', asset_item_content: `Hola ${i}`, asset_item_voice: 'Lupe', is_default: i % 2 === 1 },
                ]
              : [
                  { asset_item_language: 'en-US', asset_item_content: `Seeded text ${i}\nsecond line` },
                  ...(i % 3 === 1 ? [{ asset_item_language: 'fr-FR' as const, asset_item_content: `Texte ${i}`, asset_item_name: `fr ${i}` }] : []),
                ],
        }),
    ),
  );
  const audioAssets = assets.filter((_, i) => i % 3 === 0);

  // The emulator's sample flows (one per channel) count as well.
  const sampleFlows = await client.listOf(endpoints.flows);
  // Flows: files that name a queue and a skill by id; versions 1-3, the latest or an older one published, or none.
  for (let i = 0; i < perKind; i++) {
    const file = (version: number) =>
      JSON.stringify({
        studioType: i % 7 === 3 ? 1 : 0,
        studioScope: 1,
        nodes: [
          { id: 'start', type: 'Start', transitions: [{ to: 'route' }] },
          {
            id: 'route',
            type: 'RouteTo',
            properties: {
              queueId: queues[i % queues.length].queue_id,
              skillId: skills[i % skills.length].skill_id,
              assetId: audioAssets[i % audioAssets.length].asset_id!,
              prompt: `Version ${version} of flow ${i}`,
            },
            transitions: [],
          },
        ],
      });
    const flowName = name('Flow', i);
    const flow = await client.importFlow({ flow_name: flowName, import_mode: 'new' }, file(1));
    const versions = 1 + (i % 3);
    for (let version = 2; version <= versions; version++) await client.importFlow({ flow_name: flowName, import_mode: 'version' }, file(version));
    if (i % 4 !== 3) await client.publishFlow(flow.flow_id, i % 4 === 2 && versions > 1 ? versions - 1 : versions);
  }

  // Members: every queue 30-35 agents, every other queue 2 supervisors; every user 1-3 skills.
  await all(
    queues.map((queue, i) => async () => {
      const agents = range(30 + (i % 6)).map((n) => users[(i + n) % users.length].user_id);
      for (let start = 0; start < agents.length; start += 30) await client.addQueueAgents(queue.queue_id, agents.slice(start, start + 30));
      if (i % 2 === 0) await client.addQueueSupervisors(queue.queue_id, [users[i % 3].user_id, users[(i + 1) % 3].user_id]);
    }),
  );
  const skilledUsers = users.slice(0, perKind);
  await all(
    skilledUsers.map(
      (user, i) => () =>
        client.assignUserSkills(
          user.user_id,
          range(1 + (i % 3)).map((n) => {
            const skill = skills[(i * 3 + n) % skills.length];
            return proficiency(skill.skill_category_id) ? { skill_id: skill.skill_id, max_proficiency_level: 1 } : { skill_id: skill.skill_id };
          }),
        ),
    ),
  );
  // Schedules and wrap-up codes: a fifth as many of each, on top of the account's defaults.
  const hours = await all(
    range(few).map(
      (i) => () =>
        client.createIn(businessHoursEndpoint, {
          business_hour_name: name('Hours', i),
          timezone: i % 2 ? 'Europe/Berlin' : 'America/Chicago',
          hours:
            i % 2
              ? { hour_type: 1 }
              : {
                  hour_type: 2,
                  custom_hours: [
                    { day_of_week: 2, custom_hour_type: 2, custom_hour_ranges: [{ start_time: '08:00', end_time: '17:00' }] },
                    { day_of_week: 7, custom_hour_type: 1 },
                  ],
                },
        }),
    ),
  );
  const closureSets = await all(
    range(few).map(
      (i) => () =>
        client.createIn(closureSetsEndpoint, {
          closure_set_name: name('Closures', i),
          timezone: 'Europe/Berlin',
          closures: [
            { closure_name: 'New Year', closure_hour_type: 1, start_time: '2027-01-01T00:00', end_time: '2027-01-01T23:59', recurring_frequency: i % 4 },
          ],
        }),
    ),
  );
  const dispositions = await all(
    range(few).map(
      (i) => () =>
        client.createIn(
          dispositionsEndpoint,
          i % 3 === 1
            ? {
                disposition_name: name('Outcome', i),
                disposition_type: 'multi_level',
                sub_dispositions: [{ sub_disposition_name: 'Callback', current_index: 1, parent_index: 0 }],
              }
            : { disposition_name: name('Outcome', i), disposition_description: `Seeded ${i}` },
        ),
    ),
  );
  const dispositionSets = await all(
    range(few).map(
      (i) => () =>
        client.createIn(dispositionSetsEndpoint, {
          disposition_set_name: name('Outcomes', i),
          disposition_ids: [dispositions[i % dispositions.length].disposition_id, dispositions[(i + 1) % dispositions.length].disposition_id],
        }),
    ),
  );
  const groups = await all(range(few).map((i) => () => client.createIn(variableGroupsEndpoint, { variable_group_name: name('Variables', i) })));
  // Every third queue follows its own hours (some with closures); every other queue offers dispositions.
  const withHours = queues.filter((_, i) => i % 3 === 0);
  await all(
    withHours.map(
      (queue, i) => () =>
        client.patchAt(queueOperatingHoursEndpoint, [queue.queue_id], {
          operating_hours_business_hour_id: hours[i % hours.length].business_hour_id,
          ...(i % 2 ? { operating_hours_closure_set_id: closureSets[i % closureSets.length].closure_set_id } : {}),
        }),
    ),
  );
  const withDispositions = queues.filter((_, i) => i % 2 === 1);
  await all(
    withDispositions.map((queue, i) => async () => {
      await client.addTo(queueDispositionsEndpoint, [queue.queue_id], { disposition_ids: [dispositions[i % dispositions.length].disposition_id] });
      if (i % 2)
        await client.addTo(queueDispositionSetsEndpoint, [queue.queue_id], {
          disposition_set_ids: [dispositionSets[i % dispositionSets.length].disposition_set_id],
        });
    }),
  );

  // Roles with privileges, each given to two users; regions in SIP zones; not-ready reasons on queues; asset
  // categories in both scopes.
  const privileges = ['analytics_realtime_view', 'general_engagements_monitor', 'admin_flows_manage', 'general_recordings_view'];
  const roles = await all(
    range(few).map(
      (i) => () =>
        client.createIn(rolesEndpoint, {
          role_name: name('Role', i),
          role_description: i % 2 ? `Seeded ${i}` : '',
          privileges: privileges.slice(0, 1 + (i % privileges.length)),
        }),
    ),
  );
  // Users from the end of the list (the first ones are the built-in Supervisor role's).
  for (const [i, role] of roles.entries())
    await client.addTo(roleUsersEndpoint, [role.role_id], { user_ids: [users[users.length - 1 - 2 * i].user_id, users[users.length - 2 - 2 * i].user_id] });
  const zones = ['sz_us_east', 'sz_us_west', 'sz_eu_central'];
  const regions = await all(
    range(few).map((i) => () => client.createIn(regionsEndpoint, { region_name: name('Region', i), ...(i % 3 ? { sip_zone_id: zones[i % 3] } : {}) })),
  );
  const statuses = await all(
    range(few).map(
      (i) => () =>
        client.createIn(agentStatusesEndpoint, {
          status_name: name('Break', i),
          status_category: i % 2 ? 'agent_status' : 'queue_opt_out_and_not_ready_status',
          enable: i % 3 !== 2,
          status_assigned_queues: [{ id: queues[i % queues.length].queue_id }],
        }),
    ),
  );
  const assetCategories = await all(
    range(few).map((i) => () => client.createIn(assetCategoriesEndpoint, { category_name: name('Assets', i), category_scope: i % 2 ? 'agent' : 'system' })),
  );

  // Queue interrupts: hold music on some queues, with position announcements on some of them.
  const withInterrupts = queues.filter((_, i) => i % 4 === 0);
  await all(
    withInterrupts.map(
      (queue, i) => () =>
        client.patchAt(queueInterruptsEndpoint, [queue.queue_id], {
          audio_interrupts: [{ audio_asset_id: audioAssets[i % audioAssets.length].asset_id, play_after_seconds: 0, is_loop: true, loop_interval: 30 + i }],
          ...(i % 2
            ? {
                notify_interrupts: {
                  play_after_seconds: 60,
                  is_loop: false,
                  notify_position_in_queue: { custom_audio_type: 'standard', custom_audio: [], over_limit_custom_audio: [] },
                },
              }
            : {}),
        }),
    ),
  );

  // Queue templates of both types, some inactive.
  const queueTemplates = await all(
    range(few).map((i) => async () => {
      const template = await client.createIn(queueTemplatesEndpoint, {
        queue_template_name: name('Template', i),
        ...(i % 2 ? { queue_template_description: `Seeded ${i}` } : {}),
        channel: (['voice', 'messaging', 'email'] as const)[i % 3],
        queue_template_type: i % 2 ? 'update' : 'add',
      });
      if (i % 3 === 1) await client.updateOne(queueTemplatesEndpoint, [template.queue_template_id], { queue_template_status: 'inactive' });
      return template;
    }),
  );

  // User templates: a role and package each, some with queues, skills, a region and capacity.
  const userTemplates = await all(
    range(few).map(
      (i) => () =>
        client.createIn(userTemplatesEndpoint, {
          template_name: name('User template', i),
          ...(i % 2 ? { template_description: `Seeded ${i}` } : {}),
          template_type: i % 3 === 2 ? 'update' : 'add',
          selected_blocks: ['role', 'package', ...(i % 2 ? ['assigned_queues', 'skills'] : []), ...(i % 3 === 1 ? ['region', 'engagement_capacity'] : [])],
          role: i % 2 ? roles[i % roles.length].role_id : 'role_agent',
          package: { package_name: (['essentials', 'premium', 'elite'] as const)[i % 3], ...(i % 4 === 1 ? { add_ons_plan: ['ai_expert_assist'] } : {}) },
          ...(i % 2
            ? {
                assigned_queues: { agent_queue_ids: [queues[i % queues.length].queue_id], supervisor_queue_ids: [queues[(i + 1) % queues.length].queue_id] },
                skills: [{ skill_id: skills[i % skills.length].skill_id }],
              }
            : {}),
          ...(i % 3 === 1 ? { region: regions[i % regions.length].region_id, engagement_capacity: { concurrent_message_capacity: 1 + (i % 5) } } : {}),
        }),
    ),
  );

  // Block list rules, created in one batch call each kind.
  await client.http.request('POST', phoneBlockRulesEndpoint.path, {
    category: 'light',
    idempotent: false,
    body: {
      phone_block_list_rules: range(few).map((i) => ({
        status: i % 3 ? 'active' : 'inactive',
        match_type: i % 2 ? 'prefix' : 'phone_number',
        country_iso_code: 'US',
        phone_number: `+1900555${String(i).padStart(4, '0')}`,
        direction: i % 2 ? ['inbound', 'outbound'] : ['inbound'],
        channel: ['voice'],
        ...(i % 4 === 1 ? { exceptions: ['+19005550999'] } : {}),
        ...(i % 2 ? { comment: `Seeded ${i}` } : {}),
      })),
    },
  });
  await client.http.request('POST', ipBlockRulesEndpoint.path, {
    category: 'light',
    idempotent: false,
    body: { ip_address_block_list_rules: range(few).map((i) => ({ status: 'active', match_type: 'ip_address', ip_address: `203.0.113.${i + 1}` })) },
  });

  // Address book units, two books each, and custom fields that name some books.
  const units = await all(
    range(few).map((i) => () => client.createIn(addressBookUnitsEndpoint, { unit_name: name('Unit', i), unit_description: `Seeded ${i}` })),
  );
  const books = (
    await all(
      units.map(
        (unit, i) => () =>
          all(
            range(2).map((n) => () => client.createIn(addressBooksEndpoint, { unit_id: unit.unit_id, address_book_name: n ? `Suppliers` : name('Book', i) })),
          ),
      ),
    )
  ).flat();
  const fields = await all(
    range(few).map(
      (i) => () =>
        client.createIn(addressBookCustomFieldsEndpoint, {
          custom_field_name: name('Field', i),
          data_type: i % 3 ? 'string' : 'pick_list',
          ...(i % 3 ? {} : { pick_list_values: ['gold', 'silver'] }),
          address_book_ids: [books[i % books.length].address_book_id],
          show_in_profile_tab: i % 2 === 0,
        }),
    ),
  );

  // Outbound dialing: contact lists, two do-not-contact lists with numbers, custom fields naming some lists, and a
  // campaign per dialing method in each status a program can declare.
  const contactLists = await all(
    range(few).map((i) => () => client.createIn(contactListsEndpoint, { contact_list_name: name('Contacts', i), contact_list_description: `Seeded ${i}` })),
  );
  const dncLists = await all(
    range(2).map((i) => () => client.createIn(contactListsEndpoint, { contact_list_name: name('Do not call', i), contact_list_type: 'do_not_contact' })),
  );
  await all(
    dncLists.map(
      (list, i) => () =>
        client.addTo<void>(dncListPhonesEndpoint, [list.contact_list_id], {
          phone_numbers: range(3 + i).map((n) => `+1415555${String(i * 100 + n).padStart(4, '0')}`),
        }),
    ),
  );
  const contactFields = await all(
    range(few).map(
      (i) => () =>
        client.createIn(contactListCustomFieldsEndpoint, {
          custom_field_name: name('Contact field', i),
          data_type: i % 3 ? 'date_time' : 'pick_list',
          ...(i % 3 ? {} : { pick_list_values: ['new', 'renewal'] }),
          contact_list_ids: [contactLists[i % contactLists.length].contact_list_id],
          allow_third_party_access: i % 2 === 0,
        }),
    ),
  );
  const voiceQueues = queues.filter((queue) => queue.channel === 'voice');
  const methods = [
    { dialing_method: 'progressive', dialing_method_settings: { enable_amd: true, enable_abandonment_timeout: true, abandonment_timeout: 4 } },
    { dialing_method: 'preview', dialing_method_settings: { dialing_strategy: 'manual', preview_timer: 30, enable_skip: true, max_skips: 2 } },
    {
      dialing_method: 'agentless',
      dialing_method_settings: { max_concurrent_calls: 5, agentless_amd_off_action: 'hangUp', new_flow_id: sampleFlows[0].flow_id },
    },
  ];
  const campaigns = await all(
    range(Math.min(few, 6)).map((i) => async () => {
      const campaign = await client.createIn(outboundCampaignsEndpoint, {
        outbound_campaign_name: name('Campaign', i),
        queue_id: voiceQueues[i % voiceQueues.length].queue_id,
        phone_number_id: `ep_phone_${(i % 3) + 1}`,
        ...methods[i % 3],
        campaign_contact_list_ids: [contactLists[i % contactLists.length].contact_list_id],
        campaign_do_not_contact_list_ids: i % 2 ? [dncLists[0].contact_list_id] : [],
        max_attempts_per_contact: 1 + (i % 3),
        retry_period: 10 * (i + 1),
        ...(i % 2 ? { business_hour_source: 'campaign', business_hour_id: hours[0].business_hour_id } : {}),
      });
      const status = ['Draft', 'Ready', 'Paused'][i % 3];
      if (status !== 'Draft')
        await client.http.request<void>('PATCH', `${outboundCampaignsEndpoint.path}/${campaign.outbound_campaign_id}/status`, {
          category: 'light',
          body: { status },
        });
      return campaign;
    }),
  );

  return {
    counts: {
      CampaignContactList: contactLists.length + dncLists.length,
      DncListPhones: dncLists.length,
      ContactListCustomField: contactFields.length,
      OutboundCampaign: campaigns.length,
      AddressBookUnit: units.length,
      AddressBook: books.length,
      AddressBookCustomField: fields.length,
      PhoneBlockListRule: few,
      IpBlockListRule: few,
      Role: roles.length,
      // The custom roles, and the built-in Supervisor and Agent roles, which hold users (declared additive).
      RoleUsers: roles.length + 2,
      Region: regions.length,
      AgentStatus: statuses.length,
      // The account's own category counts as well.
      AssetCategory: assetCategories.length + 1,
      QueueTemplate: queueTemplates.length,
      UserTemplate: userTemplates.length,
      Asset: assets.length,
      QueueInterrupts: withInterrupts.length,
      // The account's default hours and closures count as well.
      BusinessHours: hours.length + 1,
      ClosureSet: closureSets.length + 1,
      Disposition: dispositions.length,
      DispositionSet: dispositionSets.length,
      VariableGroup: groups.length,
      QueueOperatingHours: withHours.length,
      QueueDispositions: withDispositions.length,
      // What every account has: a voicemail inbox, and a number on the sample voice flow.
      Inbox: 1,
      FlowEntryPoints: 1,
      SkillCategory: categories.length,
      Skill: skills.length,
      AgentRoutingProfile: agentProfiles.length,
      ConsumerRoutingProfile: consumerProfiles.length,
      Flow: perKind + sampleFlows.length,
      Queue: queues.length,
      QueueMembers: queues.length,
      QueueSupervisors: Math.ceil(queues.length / 2),
      UserSkills: skilledUsers.length,
    },
  };
}
