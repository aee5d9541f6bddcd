import { Table } from './table';

export const CHANNELS = ['voice', 'video', 'chat', 'sms', 'email'] as const;
export const SKILL_TYPES = ['text', 'proficiency'] as const;

/** The channels of a queue (`channel`); `channel_types` is the legacy, finer list. */
export const QUEUE_CHANNELS = ['voice', 'video', 'messaging', 'email', 'work_item'] as const;

/** A queue: its identity and channel, then every setting as the GET shows it (flat, as Zoom's fields are). */
export interface QueueRow {
  queue_id: string;
  cc_queue_id: string;
  queue_name: string;
  queue_description: string;
  channel: string;
  channel_types?: string[];
  modified_by: string;
  last_modified_time: string;
  [setting: string]: unknown;
}
/** A Contact Center user (agents and supervisors are users), in the official fields. */
export interface UserRow {
  user_id: string;
  cc_user_id: string;
  display_name: string;
  user_email: string;
  role_id: string;
  role_name: string;
  status_id: string;
  status_name: string;
  user_access: 'active' | 'inactive';
  client_integration?: string;
  client_integration_name?: string;
  country_iso_code?: string;
  region_id?: string;
  region_name?: string;
  package_name?: string;
  modified_by: string;
  last_modified_time: string;
  [setting: string]: unknown;
}
export interface SkillCategoryRow {
  skill_category_id: string;
  skill_category_name: string;
  skill_category_description: string;
  skill_type: string;
  max_proficiency_level?: number;
  modified_by: string;
  last_modified_time: string;
}
export interface SkillRow {
  skill_id: string;
  skill_name: string;
  skill_category_id: string;
  modified_by: string;
  last_modified_time: string;
}
/** One skill a user holds, with the user's level in proficiency categories. */
export interface UserSkillRow {
  skill_id: string;
  user_proficiency_level?: number;
}
/** One imported version of a flow: the file exactly as imported, and its status. */
export interface FlowVersionRow {
  flow_version_id: string;
  flow_version_description: string;
  flow_version_status: 'draft' | 'published' | 'archived';
  flow_version: number;
  flow_version_modified_by: string;
  flow_version_last_modified_time: string;
  file: Buffer;
}
export interface FlowRow {
  flow_id: string;
  flow_name: string;
  flow_description: string;
  channel: string;
  modified_by: string;
  last_modified_time: string;
  versions: FlowVersionRow[];
}
/** An agent routing profile, as the API answers it (priorities with Zoom's ids, order and names filled in). */
export interface AgentRoutingProfileRow {
  agent_routing_profile_id: string;
  agent_routing_profile_name: string;
  agent_routing_profile_description: string;
  wait_time_agent_in_seconds?: number;
  priorities?: Array<Record<string, unknown>>;
  time_steps?: number[];
  ignore_transferring_skills?: boolean;
}
export interface ConsumerRoutingProfileRow {
  consumer_routing_profile_id: string;
  consumer_routing_profile_name: string;
  consumer_routing_profile_description: string;
  top_priorities?: Array<Record<string, unknown>>;
  accumulated_priorities?: Array<Record<string, unknown>>;
}
export interface EngagementRow {
  engagement_id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  queue_id: string;
  queue_name: string;
  agent_id: string;
  agent_name: string;
  start_time: string;
  end_time: string;
  duration: number;
  wait_time: number;
  disposition: string;
  consumer_phone: string;
  has_recording: boolean;
}
export interface EngagementEventRow {
  engagement_id: string;
  event_id: string;
  event_type: string;
  time: string;
  detail: string;
}

export interface DispositionRow {
  disposition_id: string;
  disposition_name: string;
  disposition_description: string;
  status: 'inactive' | 'active';
  disposition_type: 'single' | 'multi_level';
  sub_dispositions: Array<{ sub_disposition_id: string; sub_disposition_name: string; current_index: number; parent_index: number }>;
  modified_by: string;
  last_modified_time: string;
}
export interface DispositionSetRow {
  disposition_set_id: string;
  disposition_set_name: string;
  disposition_set_description: string;
  status: 'inactive' | 'active';
  disposition_ids: string[];
  modified_by: string;
  last_modified_time: string;
}
export interface VariableGroupRow {
  variable_group_id: string;
  variable_group_name: string;
  variable_group_description: string;
  variable_group_type: 'system' | 'custom';
}
export interface VariableRow {
  variable_id: string;
  variable_group_id: string;
  variable_name: string;
  variable_description: string;
  variable_type: 'global_variable' | 'address_book_variable';
  data_type: string;
  default_value?: string;
  values?: string[];
  value_category?: string;
  address_book_ids?: string[];
  use_in_reporting?: boolean;
  mask_variable_data?: boolean;
  use_as_routing_profile_parameters?: boolean;
  linked_value_lock?: boolean;
  use_in_external_url_parameters?: boolean;
  client_show_in_client_profile_section?: boolean;
  client_show_in_client_engagement_section?: boolean;
  client_show_in_inbound_call_notifications?: boolean;
}
export interface InboxRow {
  inbox_id: string;
  inbox_name: string;
  inbox_description: string;
  inbox_type: 'voicemail';
  inbox_content_storage_location: string;
  voicemail: Record<string, unknown>;
  modified_by: string;
  last_modified_time: string;
}
export interface TeamRow {
  team_id: string;
  team_name: string;
  team_description: string;
  parent_team_id?: string;
  created_time: string;
  modify_time?: string;
}
/** A phone number or address of the account that can reach a flow. */
export interface EntryPointRow {
  entry_id: string;
  entry_name: string;
  entry_number?: string;
  entry_email?: string;
  entry_number_type?: 2 | 3 | 5;
  entry_number_country_code?: string;
  entry_number_area_code?: string;
  channel: string;
  channel_source?: string;
}
export interface BusinessHoursRow {
  business_hour_id: string;
  business_hour_name: string;
  business_hour_description: string;
  timezone: string;
  account_default: boolean;
  hours: {
    hour_type: number;
    custom_hours?: Array<{ day_of_week: number; custom_hour_type: number; custom_hour_ranges?: Array<{ start_time: string; end_time: string }> }>;
  };
}

export interface ClosureRow {
  closure_id: string;
  closure_name: string;
  closure_hour_type: number;
  start_time: string;
  end_time: string;
  recurring_frequency: number;
  recurring_frequency_type?: number;
  recurring_month?: number;
  recurring_week_interval?: number;
  recurring_days_of_week?: string[];
}
export interface ClosureSetRow {
  closure_set_id: string;
  closure_set_name: string;
  closure_set_description: string;
  timezone: string;
  account_default: boolean;
  closures: ClosureRow[];
}
/** A queue's operating hours: which business hours and closure set it follows (ids; the defaults when unset). */
export interface QueueOperatingHoursRow {
  business_hour_id?: string;
  closure_set_id?: string;
  operating_hours_overflow_enabled?: boolean;
}

/** A role and its privileges (`_default`: one of the account's built-in roles, which cannot be deleted). */
export interface RoleRow {
  role_id: string;
  role_name: string;
  role_description: string;
  privileges: string[];
  modified_by: string;
  last_modified_time: string;
  _default?: boolean;
}
export interface RegionRow {
  region_id: string;
  region_name: string;
  sip_zone_id?: string;
  is_main_region: boolean;
  last_modified_time: string;
}
/** An agent status or a not-ready / queue opt-out reason (`status_category`). */
export interface SystemStatusRow {
  status_id: string;
  status_name: string;
  status_type: 'default' | 'custom';
  status_category: 'agent_status' | 'queue_opt_out_and_not_ready_status';
  enable: boolean;
  status_assigned_queues: Array<{ id: string }>;
  last_modified_time: string;
}
export interface AssetCategoryRow {
  category_id: string;
  category_name: string;
  category_scope: 'system' | 'agent';
  last_modified_time: string;
}

/** One language's item of an asset: text content, or an uploaded file (kept as its name, size and digest). */
export interface AssetItemRow {
  asset_item_id: string;
  asset_item_name?: string;
  asset_item_language: string;
  is_default: boolean;
  asset_item_content?: string;
  asset_item_voice?: string;
  asset_item_file_url?: string;
  /** The emulator's own: the uploaded file's content digest (the API shows only a URL). */
  _file_sha256?: string;
}
export interface AssetRow {
  asset_id: string;
  asset_name: string;
  asset_description?: string;
  asset_type: 'audio' | 'image' | 'slides' | 'text' | 'video' | 'saved_reply';
  category_id?: string;
  items: AssetItemRow[];
  archived: boolean;
  archived_time?: string;
  modified_by: string;
  last_modified_time: string;
}

/** A user template: its blocks as the API shows them (`selected_blocks` says which apply). */
export interface UserTemplateRow {
  template_id: string;
  template_name: string;
  template_description?: string;
  template_type: 'add' | 'update';
  template_status: 'active' | 'inactive' | 'needs_attention';
  selected_blocks: string[];
  role: string;
  package: { package_name: string; add_ons_plan?: string[]; billing_account_id?: string };
  team?: { team_id: string; team_supervisor: boolean };
  client_integration?: { client_integration_application: string; client_integration_name?: string };
  external_url?: { enable_external_url: boolean; external_launch_url: string };
  user_access?: boolean;
  country_or_region?: string;
  region?: string;
  mobile_client?: boolean;
  emergency_calling?: boolean;
  assigned_queues?: {
    agent_queue_ids?: string[];
    supervisor_queue_ids?: string[];
    default_outbound_voice_queue_id?: string;
    default_outbound_message_queue_id?: string;
  };
  skills?: Array<{ skill_id: string; proficiency_level?: number }>;
  engagement_capacity?: Record<string, number | undefined>;
  modified_by: string;
  created_by: string;
  created_time: string;
  last_modified_time: string;
}

export interface QueueTemplateRow {
  queue_template_id: string;
  queue_template_name: string;
  queue_template_description?: string;
  channel: 'voice' | 'video' | 'messaging' | 'email' | 'work_item';
  queue_template_type: 'add' | 'update';
  queue_template_status: 'active' | 'inactive';
  queue_template_need_attention: boolean;
  modified_by: string;
  last_modified_time: string;
}

export interface PhoneBlockRuleRow {
  phone_block_list_rule_id: string;
  status: 'active' | 'inactive';
  match_type: 'phone_number' | 'prefix';
  country_iso_code: string;
  phone_number: string;
  exceptions?: string[];
  direction: Array<'inbound' | 'outbound'>;
  channel: Array<'voice' | 'sms'>;
  comment?: string;
  created_time: string;
  last_modified_time: string;
}
export interface IpBlockRuleRow {
  ip_address_block_list_rule_id: string;
  ip_address: string;
  match_type: 'ip_address';
  status: 'active' | 'inactive';
  comment?: string;
  created_time: string;
  last_modified_time: string;
}

export interface AddressBookUnitRow {
  unit_id: string;
  unit_name: string;
  unit_description: string;
  last_modified_time: string;
}
/** An address book (its contacts are customer data: only their count is kept). */
export interface AddressBookRow {
  address_book_id: string;
  address_book_name: string;
  address_book_description: string;
  unit_id: string;
  total_contacts: number;
  last_modified_time: string;
}
export interface AddressBookCustomFieldRow {
  custom_field_id: string;
  custom_field_name: string;
  custom_field_description?: string;
  data_type: string;
  default_value?: string;
  pick_list_values?: string[];
  address_book_ids?: string[];
  use_as_routing_profile_parameter?: boolean;
  use_as_external_url_parameter?: boolean;
  show_in_transferred_calls?: boolean;
  show_in_inbound_notification?: boolean;
  show_in_profile_tab?: boolean;
  last_modified_time: string;
}

/** An outbound campaign's contact list or do-not-contact list (its contacts are customer data: only their count). */
export interface ContactListRow {
  contact_list_id: string;
  contact_list_name: string;
  contact_list_description: string;
  contact_list_type: 'contact' | 'do_not_contact';
  contacts_count: number;
  last_modified_time: string;
}
export interface ContactListCustomFieldRow {
  custom_field_id: string;
  custom_field_name: string;
  data_type: string;
  default_value?: string;
  pick_list_values?: string[];
  contact_list_ids?: string[];
  use_as_routing_profile_parameter?: boolean;
  use_as_external_url_parameter?: boolean;
  show_in_transferred_calls?: boolean;
  allow_third_party_access?: boolean;
  show_in_inbound_notification?: boolean;
  show_in_profile_tab?: boolean;
  last_modified_time: string;
}
/** An outbound campaign, its dialing settings kept flat (the GET nests the ones of its dialing method). */
export interface OutboundCampaignRow {
  outbound_campaign_id: string;
  outbound_campaign_name: string;
  outbound_campaign_status: 'draft' | 'ready' | 'running' | 'paused' | 'completed' | 'not_running';
  dialing_method: 'progressive' | 'preview' | 'agentless';
  campaign_contact_list_ids: string[];
  campaign_do_not_contact_list_ids: string[];
  [field: string]: unknown;
}

/** Everything the emulator holds; reset replaces it wholesale. */
export class EmulatorState {
  readonly queues = new Table<QueueRow>('queues', 'queue_id');
  readonly users = new Table<UserRow>('users', 'user_id');
  /** `<queueId>/<userId>` → the agent's opt_in_out_status in that queue (0 when never set). */
  readonly queueAgentOptIn = new Map<string, number>();
  /** queue id → agent ids, in the order they were assigned. */
  readonly queueAgents = new Map<string, string[]>();
  /** queue id → supervisor user ids, in the order they were assigned. */
  readonly queueSupervisors = new Map<string, string[]>();
  readonly skillCategories = new Table<SkillCategoryRow>('skill_categories', 'skill_category_id');
  readonly skills = new Table<SkillRow>('skills', 'skill_id');
  /** user id → the skills the user holds. */
  readonly userSkills = new Map<string, UserSkillRow[]>();
  readonly flows = new Table<FlowRow>('flows', 'flow_id');
  readonly agentRoutingProfiles = new Table<AgentRoutingProfileRow>('agent_routing_profiles', 'agent_routing_profile_id');
  readonly consumerRoutingProfiles = new Table<ConsumerRoutingProfileRow>('consumer_routing_profiles', 'consumer_routing_profile_id');
  readonly engagements = new Table<EngagementRow>('engagements', 'engagement_id');
  readonly engagementEvents = new Map<string, EngagementEventRow[]>();
  readonly dispositions = new Table<DispositionRow>('dispositions', 'disposition_id');
  readonly dispositionSets = new Table<DispositionSetRow>('disposition_sets', 'disposition_set_id');
  /** queue id → the dispositions (and sets) it offers, as `<assign_type>:<id>`, in the order added. */
  readonly queueDispositions = new Map<string, string[]>();
  readonly queueDispositionSets = new Map<string, string[]>();
  readonly variableGroups = new Table<VariableGroupRow>('variable_groups', 'variable_group_id');
  readonly variables = new Table<VariableRow>('variables', 'variable_id');
  readonly inboxes = new Table<InboxRow>('inboxes', 'inbox_id');
  readonly teams = new Table<TeamRow>('teams', 'team_id');
  readonly entryPoints = new Table<EntryPointRow>('entry_points', 'entry_id');
  /** flow id → the entry points that reach it (and their language settings), and its language detection. */
  readonly flowEntries = new Map<string, Array<{ entry_id: string; entry_language?: string; customer_identity_source?: string }>>();
  readonly flowDetectLanguage = new Map<string, boolean>();
  /** team id → its agents and supervisors; queue id → its teams. */
  readonly teamAgents = new Map<string, string[]>();
  readonly teamSupervisors = new Map<string, string[]>();
  readonly queueTeams = new Map<string, string[]>();
  /** inbox id → the queues and the users who can reach it. */
  readonly inboxQueues = new Map<string, string[]>();
  readonly inboxUsers = new Map<string, string[]>();
  readonly businessHours = new Table<BusinessHoursRow>('business_hours', 'business_hour_id');
  readonly closureSets = new Table<ClosureSetRow>('closure_sets', 'closure_set_id');
  /** queue id → its operating hours, when set (unset: the account defaults). */
  readonly queueOperatingHours = new Map<string, QueueOperatingHoursRow>();
  readonly roles = new Table<RoleRow>('roles', 'role_id');
  readonly regions = new Table<RegionRow>('regions', 'region_id');
  readonly systemStatuses = new Table<SystemStatusRow>('system_statuses', 'status_id');
  readonly assetCategories = new Table<AssetCategoryRow>('asset_categories', 'category_id');
  readonly queueTemplates = new Table<QueueTemplateRow>('queue_templates', 'queue_template_id');
  readonly assets = new Table<AssetRow>('assets', 'asset_id');
  readonly userTemplates = new Table<UserTemplateRow>('user_templates', 'template_id');
  /** queue id → its interrupt settings, as last written (absent: none). */
  readonly queueInterrupts = new Map<string, unknown>();
  /** queue id → its interrupt menu, as last written (absent: none). */
  readonly queueInterruptMenus = new Map<string, unknown>();
  readonly addressBookUnits = new Table<AddressBookUnitRow>('address_book_units', 'unit_id');
  readonly addressBooks = new Table<AddressBookRow>('address_books', 'address_book_id');
  readonly addressBookCustomFields = new Table<AddressBookCustomFieldRow>('address_book_custom_fields', 'custom_field_id');
  readonly contactLists = new Table<ContactListRow>('contact_lists', 'contact_list_id');
  readonly contactListCustomFields = new Table<ContactListCustomFieldRow>('contact_list_custom_fields', 'custom_field_id');
  readonly outboundCampaigns = new Table<OutboundCampaignRow>('outbound_campaigns', 'outbound_campaign_id');
  /** DNC list id → its phone numbers, in the order added. */
  readonly dncListPhones = new Map<string, Array<{ phone_id: string; phone_number: string }>>();
  readonly phoneBlockRules = new Table<PhoneBlockRuleRow>('phone_block_rules', 'phone_block_list_rule_id');
  readonly ipBlockRules = new Table<IpBlockRuleRow>('ip_block_rules', 'ip_address_block_list_rule_id');

  /** Where the server listens (`http://127.0.0.1:<port>`), for the file URLs its answers give; set once it does. */
  origin = '';

  /** The collections the control surface may read and change behind the provider's back. */
  tables(): Record<string, Table<object>> {
    return {
      queues: this.queues,
      users: this.users,
      skill_categories: this.skillCategories,
      skills: this.skills,
      flows: this.flows,
      agent_routing_profiles: this.agentRoutingProfiles,
      consumer_routing_profiles: this.consumerRoutingProfiles,
      engagements: this.engagements,
      dispositions: this.dispositions,
      disposition_sets: this.dispositionSets,
      variable_groups: this.variableGroups,
      variables: this.variables,
      inboxes: this.inboxes,
      teams: this.teams,
      entry_points: this.entryPoints,
      business_hours: this.businessHours,
      closure_sets: this.closureSets,
      roles: this.roles,
      regions: this.regions,
      system_statuses: this.systemStatuses,
      asset_categories: this.assetCategories,
      queue_templates: this.queueTemplates,
      assets: this.assets,
      user_templates: this.userTemplates,
      phone_block_rules: this.phoneBlockRules,
      ip_block_rules: this.ipBlockRules,
      address_book_units: this.addressBookUnits,
      address_books: this.addressBooks,
      address_book_custom_fields: this.addressBookCustomFields,
      contact_lists: this.contactLists,
      contact_list_custom_fields: this.contactListCustomFields,
      outbound_campaigns: this.outboundCampaigns,
    } as Record<string, Table<object>>;
  }

  /**
   * The relations kept beside the tables (members, links and settings per owner), by the name the control API
   * serves them under (`GET objects/<name>`, `PUT <name>/<owner id>`). `ownedBy`: the table whose console deletion
   * takes the owner's entry with it. The one list of them: the control API and `clear()` read it.
   */
  relations(): Record<string, { map: Map<string, unknown>; ownedBy?: string }> {
    return {
      queue_agents: { map: this.queueAgents, ownedBy: 'queues' },
      queue_supervisors: { map: this.queueSupervisors, ownedBy: 'queues' },
      queue_operating_hours: { map: this.queueOperatingHours, ownedBy: 'queues' },
      queue_interrupts: { map: this.queueInterrupts, ownedBy: 'queues' },
      queue_interrupt_menus: { map: this.queueInterruptMenus, ownedBy: 'queues' },
      queue_dispositions: { map: this.queueDispositions, ownedBy: 'queues' },
      queue_disposition_sets: { map: this.queueDispositionSets, ownedBy: 'queues' },
      queue_agent_opt_in: { map: this.queueAgentOptIn },
      user_skills: { map: this.userSkills },
      engagement_events: { map: this.engagementEvents },
      inbox_queues: { map: this.inboxQueues },
      inbox_users: { map: this.inboxUsers },
      team_agents: { map: this.teamAgents },
      team_supervisors: { map: this.teamSupervisors },
      queue_teams: { map: this.queueTeams, ownedBy: 'queues' },
      flow_entry_points: { map: this.flowEntries, ownedBy: 'flows' },
      flow_detect_language: { map: this.flowDetectLanguage },
      dnc_list_phones: { map: this.dncListPhones, ownedBy: 'contact_lists' },
    } as Record<string, { map: Map<string, unknown>; ownedBy?: string }>;
  }

  /**
   * Deletes an object the way Zoom does, by the API or in the console: its row, the relations it owns (a queue's
   * agents, hours, dispositions, teams) and its place in other objects' lists (a status's queues, an inbox's
   * queues), so nothing it used stays "in use" by an object that no longer exists.
   */
  deleteObject(table: string, id: string): boolean {
    const deleted = this.tables()[table]?.delete(id) ?? false;
    for (const relation of Object.values(this.relations())) if (relation.ownedBy === table) relation.map.delete(id);
    if (table === 'queues') {
      for (const members of [this.inboxQueues])
        for (const [owner, ids] of members)
          members.set(
            owner,
            ids.filter((queueId) => queueId !== id),
          );
      for (const status of this.systemStatuses.all()) status.status_assigned_queues = status.status_assigned_queues.filter((queue) => queue.id !== id);
    }
    return deleted;
  }

  /** Empties every table and relation (reset then seeds again). */
  clear(): void {
    for (const table of Object.values(this.tables())) table.clear();
    for (const relation of Object.values(this.relations())) relation.map.clear();
  }
}
