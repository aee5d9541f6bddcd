import { EmulatorState, CHANNELS } from './state';
import { STUDIO_CHANNELS } from './routes/flows';
import { DEFAULT_AGENT_ROLE } from './routes/roles';
import { MAIN_REGION } from './routes/regions';

const FIRST = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Eli',
  'Fatima',
  'Goran',
  'Hana',
  'Ines',
  'Jon',
  'Kai',
  'Lena',
  'Mateo',
  'Nora',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tomas',
  'Uma',
  'Viktor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
  'Aiko',
  'Bruno',
  'Carmen',
  'Dara',
];
const LAST = ['Lovelace', 'Okafor', 'Martin', 'Patel', 'Cohen', 'Haddad', 'Novak', 'Sato', 'Ferreira', 'Berg'];
const DISPOSITIONS = ['resolved', 'escalated', 'abandoned', 'callback'];
const SEED_EPOCH = Date.parse('2024-01-01T08:00:00Z');

export interface SeedOptions {
  /** An empty account: no users, skill categories, flows or history (`zcc-pulumi emulator --seed none`). */
  none?: boolean;
  /** How many users (default 60). */
  users?: number;
  /** Prefix of user ids (default `agent_`): another account has the same people under other ids. */
  userIdPrefix?: string;
}

/**
 * Fills the state with the same users, skill categories, flows and history every time: 60 users (the first three
 * supervisors), with ids `agent_001`… that tests can name, and emails first.lastN@example.com; a text and a
 * proficiency skill category; the account-default business hours (`bh_default`) and closure set (`cs_default`), the system variable group
 * (`vg_system`) with two variables, a voicemail inbox (`inbox_default`), the root team (`team_root`), entry points (`ep_phone_1`-`3`, `ep_web_chat`, `ep_email`; the first number reaches the voice sample flow); one published sample flow per channel (`flow_seed_<channel>`).
 */
export function seed(state: EmulatorState, options: SeedOptions = {}): void {
  accountDefaults(state);
  if (options.none) return;
  const userCount = options.users ?? 60;
  for (let i = 1; i <= userCount; i++) {
    const first = FIRST[(i - 1) % FIRST.length];
    const last = LAST[(i - 1) % LAST.length];
    const id = `${options.userIdPrefix ?? 'agent_'}${String(i).padStart(3, '0')}`;
    const supervisor = i <= 3;
    state.users.insert({
      user_id: id,
      cc_user_id: `cc_${id}`,
      display_name: `${first} ${last}`,
      user_email: `${first}.${last}${i}@example.com`.toLowerCase(),
      role_id: supervisor ? 'role_supervisor' : 'role_agent',
      role_name: supervisor ? 'Supervisor' : 'Agent',
      status_id: 'status_offline',
      status_name: 'Offline',
      user_access: i % 20 === 0 ? 'inactive' : 'active',
      client_integration: 'Default',
      country_iso_code: 'US',
      modified_by: 'seed',
      last_modified_time: new Date(SEED_EPOCH).toISOString(),
    });
  }
  const seeded = { modified_by: 'seed', last_modified_time: new Date(SEED_EPOCH).toISOString() };
  state.skillCategories.insert({
    skill_category_id: 'cat_language',
    skill_category_name: 'Languages',
    skill_category_description: 'Spoken languages',
    skill_type: 'proficiency',
    max_proficiency_level: 5,
    ...seeded,
  });
  state.skillCategories.insert({
    skill_category_id: 'cat_product',
    skill_category_name: 'Products',
    skill_category_description: 'Product knowledge',
    skill_type: 'text',
    ...seeded,
  });

  // What a new account has besides: default business hours (open around the clock) and the system variables.
  state.businessHours.insert({
    business_hour_id: 'bh_default',
    business_hour_name: 'Default business hours',
    business_hour_description: 'The account default',
    timezone: 'America/New_York',
    account_default: true,
    hours: { hour_type: 1 },
  });
  state.closureSets.insert({
    closure_set_id: 'cs_default',
    closure_set_name: 'Default closures',
    closure_set_description: 'The account default',
    timezone: 'America/New_York',
    account_default: true,
    closures: [],
  });
  state.variableGroups.insert({
    variable_group_id: 'vg_system',
    variable_group_name: 'Global System Variables',
    variable_group_description: 'Variables Zoom sets on every engagement',
    variable_group_type: 'system',
  });

  for (const [id, name, dataType] of [
    ['var_sys_caller', 'Caller_Number', 'phone'],
    ['var_sys_language', 'Caller_Language', 'string'],
  ] as const)
    state.variables.insert({
      variable_id: id,
      variable_group_id: 'vg_system',
      variable_name: name,
      variable_description: '',
      variable_type: 'global_variable',
      data_type: dataType,
    });

  state.teams.insert({ team_id: 'team_root', team_name: 'All teams', team_description: 'The root of the team tree', created_time: seeded.last_modified_time });
  state.inboxes.insert({
    inbox_id: 'inbox_default',
    inbox_name: 'Default voicemail',
    inbox_description: '',
    inbox_type: 'voicemail',
    inbox_content_storage_location: 'US',
    voicemail: { soft_delete: true, soft_delete_days_limit: 30, voicemail_time_limit: 5, voicemail_transcription: false },
    ...seeded,
  });

  // The account's entry points: three phone numbers, a web chat and an email address.
  for (const [i, number] of ['+16505550100', '+16505550101', '+4930555010'].entries())
    state.entryPoints.insert({
      entry_id: `ep_phone_${i + 1}`,
      entry_name: `Main line ${i + 1}`,
      entry_number: number,
      entry_number_type: 2,
      entry_number_country_code: number.startsWith('+49') ? 'DE' : 'US',
      channel: 'voice',
    });
  state.entryPoints.insert({ entry_id: 'ep_web_chat', entry_name: 'Website chat', channel: 'messaging', channel_source: 'web_chat' });
  state.entryPoints.insert({
    entry_id: 'ep_email',
    entry_name: 'Support mailbox',
    entry_email: 'support@example.com',
    channel: 'email',
    channel_source: 'email_address',
  });

  // One sample flow per channel, as a new account's Studio has: a Studio file whose studioType is the channel.
  for (const [studioType, channel] of Object.entries(STUDIO_CHANNELS)) {
    const file = {
      studioType: Number(studioType),
      studioScope: 1,
      nodes: [
        { id: 'start', type: 'Start', transitions: [{ to: 'end' }] },
        { id: 'end', type: 'Disconnect', transitions: [] },
      ],
    };
    state.flows.insert({
      flow_id: `flow_seed_${channel}`,
      flow_name: `Sample ${channel.replace('_', ' ')} flow`,
      flow_description: `The ${channel} sample flow every account starts with`,
      channel,
      ...seeded,
      versions: [
        {
          flow_version_id: `flow_seed_${channel}_v1`,
          flow_version_description: '',
          flow_version_status: 'published',
          flow_version: 1,
          flow_version_modified_by: 'seed',
          flow_version_last_modified_time: seeded.last_modified_time,
          file: Buffer.from(JSON.stringify(file, null, 2)),
        },
      ],
    });
  }

  state.flowEntries.set('flow_seed_voice', [{ entry_id: 'ep_phone_1', entry_language: 'en-US' }]);

  const agents = state.users.all().slice(0, 30);
  for (let i = 1; i <= 60; i++) {
    const channel = CHANNELS[i % CHANNELS.length];
    const agent = agents[i % agents.length];
    const start = SEED_EPOCH + i * 37 * 60_000;
    const duration = 60 + ((i * 97) % 900);
    const id = `eng_${String(i).padStart(4, '0')}`;
    state.engagements.insert({
      engagement_id: id,
      channel,
      direction: i % 4 === 0 ? 'outbound' : 'inbound',
      queue_id: 'q_seed_support',
      queue_name: 'Support Queue',
      agent_id: agent.user_id,
      agent_name: agent.display_name,
      start_time: new Date(start).toISOString(),
      end_time: new Date(start + duration * 1000).toISOString(),
      duration,
      wait_time: (i * 13) % 240,
      disposition: DISPOSITIONS[i % DISPOSITIONS.length],
      consumer_phone: `+1415555${String(1000 + i)}`,
      has_recording: channel === 'voice' && i % 3 !== 0,
    });
    const events = ['created', 'queued', 'assigned', 'ended'].map((type, n) => ({
      engagement_id: id,
      event_id: `${id}_ev${n + 1}`,
      event_type: type,
      time: new Date(start + n * 20_000).toISOString(),
      detail: type === 'assigned' ? agent.user_id : '',
    }));
    state.engagementEvents.set(id, events);
  }
}

/**
 * What every account has from its first day, even an empty one (`--seed none`): the built-in roles (Admin,
 * Supervisor, Agent), the main region, the built-in agent statuses and one asset category. Users created later get
 * the Agent role and the main region.
 */
function accountDefaults(state: EmulatorState): void {
  const at = new Date(SEED_EPOCH).toISOString();
  for (const [id, name, privileges] of [
    [
      'role_admin',
      'Admin',
      ['admin_queues_manage', 'admin_flows_manage', 'admin_users_manage', 'admin_roles_manage', 'admin_assets_manage', 'analytics_dashboards_view'],
    ],
    ['role_supervisor', 'Supervisor', ['analytics_dashboards_view', 'analytics_realtime_view', 'general_engagements_monitor']],
    [DEFAULT_AGENT_ROLE, 'Agent', ['general_agent_status_change']],
  ] as const)
    state.roles.insert({
      role_id: id,
      role_name: name,
      role_description: `Built-in ${name.toLowerCase()} role`,
      privileges: [...privileges],
      modified_by: 'seed',
      last_modified_time: at,
      _default: true,
    });
  state.regions.insert({ region_id: MAIN_REGION, region_name: 'Main', is_main_region: true, last_modified_time: at });
  for (const [id, name] of [
    ['status_offline', 'Offline'],
    ['status_ready', 'Ready'],
    ['status_not_ready', 'Not Ready'],
    ['status_occupied', 'Occupied'],
  ] as const)
    state.systemStatuses.insert({
      status_id: id,
      status_name: name,
      status_type: 'default',
      status_category: 'agent_status',
      enable: true,
      status_assigned_queues: [],
      last_modified_time: at,
    });
  state.assetCategories.insert({ category_id: 'asset_cat_general', category_name: 'General', category_scope: 'system', last_modified_time: at });
}
