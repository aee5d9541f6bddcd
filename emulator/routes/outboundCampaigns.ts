import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EmulatorError, conflict, invalidField, notFound } from '../errors';
import { registerRestCollection, type FieldRule } from '../restRoutes';
import { paginate } from '../pagination';
import { now } from '../table';
import type { ContactListCustomFieldRow, ContactListRow, EmulatorState, OutboundCampaignRow } from '../state';
import { asBody, rejectUnknownFields } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Outbound campaigns, their contact lists (and do-not-contact lists), the lists' custom fields and a DNC list's
 * phone numbers (`/contact_center/outbound_campaign/…`), in the official shapes. Contacts are customer data: only
 * their count is kept (a DNC list's count is its phone numbers) and the contact routes are not served.
 * Assumptions the README states: names are unique (campaigns, lists, custom fields); a list's type is fixed at
 * create; a list a campaign uses cannot be deleted (409, naming the campaigns); `dnc_lists/{id}` is a list of type
 * `do_not_contact` (another list: 400), adding a number it holds already leaves it as it is, and a number is E.164;
 * a campaign is `draft` when created, becomes `ready` only with a contact list, and its numbers are integers from 0
 * to 100,000 (priority 1-10); `phone_number_id` is the id of one of the account's voice entry points (its phone
 * numbers, `/flows_entry_points`).
 */
export const CONTACT_DATA_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'percent', 'currency', 'date_time', 'pick_list'] as const;

const listProblem = (state: EmulatorState, id: string) => (state.contactLists.get(id) ? undefined : `Contact list does not exist: ${id}.`);
const FIELD_RULES: Record<string, FieldRule> = {
  custom_field_name: { type: 'string', required: true, min: 1, max: 64 },
  data_type: { type: 'enum', values: CONTACT_DATA_TYPES, required: true },
  default_value: { type: 'string', max: 256 },
  pick_list_values: { type: 'strings' },
  contact_list_ids: { type: 'strings', check: listProblem },
  use_as_routing_profile_parameter: { type: 'boolean' },
  use_as_external_url_parameter: { type: 'boolean' },
  show_in_transferred_calls: { type: 'boolean' },
  allow_third_party_access: { type: 'boolean' },
  show_in_inbound_notification: { type: 'boolean' },
  show_in_profile_tab: { type: 'boolean' },
};

const count = z.number().int().min(0).max(100000);
const id = z.string().min(1).max(64);
/** Fields the create and the PATCH both take, flat. */
const common = {
  outbound_campaign_name: z.string().min(1).max(128),
  outbound_campaign_description: z.string().max(512),
  phone_number_id: id,
  assign_type: z.enum(['queue', 'default', 'customer']),
  outbound_campaign_priority: z.number().int().min(1).max(10),
  campaign_do_not_contact_list_ids: z.array(id),
  exclusion_logic: z.enum(['and', 'or']),
  max_attempts_per_contact: count,
  attempts_use_same_period: z.boolean(),
  second_attempt_period: count,
  third_attempt_period: count,
  other_attempt_period: count,
  retry_period: count,
  retry_period_unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
  dial_sequence: z.enum(['list_dial', 'contact_dial', 'contact_with_lock']),
  enable_max_ring_time: z.boolean(),
  max_ring_time: count,
  business_hour_source: z.enum(['queue', 'campaign']),
  business_hour_id: id,
  enable_closure_hour: z.boolean(),
  closure_set_id: id,
  contact_timezone_source: z.enum(['none', 'area_code', 'timezone']),
  contact_phone_order: z.string().max(256),
  enable_always_running: z.boolean(),
  enable_diagnostics: z.boolean(),
};
const optionalAll = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const SETTINGS = {
  progressive: z.strictObject({
    enable_amd: z.boolean().optional(),
    amd_settings: z.strictObject({ greeting_asset_id: id.optional(), answering_machine_asset_id: id.optional() }).optional(),
    enable_abandonment_timeout: z.boolean().optional(),
    abandonment_timeout: count.optional(),
    abandonment_message_asset_id: id.optional(),
  }),
  preview: z.strictObject({
    dialing_strategy: z.enum(['automatic', 'manual']).optional(),
    preview_timer: count.optional(),
    enable_skip: z.boolean().optional(),
    max_skips: count.optional(),
    enable_ignore_preview_notification: z.boolean().optional(),
    allow_retry_preview_dialer: z.boolean().optional(),
  }),
  agentless: z.strictObject({
    max_concurrent_calls: count,
    agentless_amd_off_action: z.enum(['useFlow', 'hangUp', 'playMedia']).optional(),
    agentless_amd_off_resource_id: id.optional(),
    old_flow_id: id.optional(),
    new_flow_id: id,
  }),
} as const;
const createSchema = z.strictObject({
  ...optionalAll(common),
  outbound_campaign_name: common.outbound_campaign_name,
  queue_id: id,
  phone_number_id: id,
  dialing_method: z.enum(['progressive', 'preview', 'agentless']),
  dialing_method_settings: z.record(z.string(), z.unknown()),
  campaign_contact_list_ids: z.array(id).optional(),
});
/** The PATCH: flat, with the settings of every dialing method that can change in place. */
const SNAKE_ACTIONS = { use_flow: 'useFlow', hang_up: 'hangUp', play_media: 'playMedia' } as const;
const patchSchema = z.strictObject({
  ...optionalAll(common),
  enable_abandonment_timeout: z.boolean().optional(),
  abandonment_timeout: count.optional(),
  abandonment_message_asset_id: id.optional(),
  enable_skip: z.boolean().optional(),
  max_skips: count.optional(),
  allow_retry_preview_dialer: z.boolean().optional(),
  max_concurrent_calls: count.optional(),
  old_flow_id: id.optional(),
  new_flow_id: id.optional(),
  agentless_amd_off_action: z.enum(['use_flow', 'hang_up', 'play_media']).optional(),
  agentless_amd_off_resource_id: id.optional(),
  contact_order: count.optional(),
});
const SETTING_FIELDS = Object.fromEntries(Object.entries(SETTINGS).map(([method, schema]) => [method, Object.keys(schema.shape)])) as Record<
  keyof typeof SETTINGS,
  string[]
>;

function parsed<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body');
    throw invalidField(field, issue.message);
  }
  return result.data;
}

export function registerOutboundCampaignRoutes(route: ReturnType<typeof defineRoutes>) {
  const usedBy = (state: EmulatorState, listId: string) =>
    state.outboundCampaigns
      .all()
      .filter((campaign) => campaign.campaign_contact_list_ids.includes(listId) || campaign.campaign_do_not_contact_list_ids.includes(listId));
  const listView = (row: ContactListRow) => ({
    contact_list_id: row.contact_list_id,
    contact_list_name: row.contact_list_name,
    contact_list_description: row.contact_list_description,
    contacts_count: row.contacts_count,
  });
  const { find: findList } = registerRestCollection<ContactListRow>(route, {
    noun: 'Contact list',
    path: '/contact_center/outbound_campaign/contact_lists',
    param: 'contactListId',
    listKey: 'contact_lists',
    maxPageSize: 100,
    idField: 'contact_list_id',
    nameField: 'contact_list_name',
    identifierType: 'contact_list_identifier_type',
    table: (state) => state.contactLists,
    create: {
      contact_list_name: { type: 'string', required: true, min: 1, max: 64 },
      contact_list_description: { type: 'string', max: 256 },
      contact_list_type: { type: 'enum', values: ['contact', 'do_not_contact'] },
    },
    patch: { contact_list_name: { type: 'string', min: 1, max: 64 }, contact_list_description: { type: 'string', max: 256 } },
    newRow: (_state, body) => ({
      contact_list_id: '',
      contact_list_name: String(body.contact_list_name),
      contact_list_description: String(body.contact_list_description ?? ''),
      contact_list_type: (body.contact_list_type as ContactListRow['contact_list_type'] | undefined) ?? 'contact',
      contacts_count: 0,
    }),
    listFilter: (rows, q) => (q.contact_list_type === undefined ? rows : rows.filter((row) => row.contact_list_type === q.contact_list_type)),
    listView: (_state, row) => listView(row),
    view: (_state, row) => ({ ...listView(row), contact_list_type: row.contact_list_type }),
    beforeDelete: (state, row) => {
      const campaigns = usedBy(state, row.contact_list_id);
      if (campaigns.length > 0)
        throw conflict(
          `Contact list ${row.contact_list_id} is used by outbound campaigns: ${campaigns.map((c) => `${c.outbound_campaign_name} (${c.outbound_campaign_id})`).join(', ')}.`,
        );
      // Its contacts (or numbers) go with it; custom fields stop naming it.
      state.dncListPhones.delete(row.contact_list_id);
      for (const field of state.contactListCustomFields.all())
        field.contact_list_ids = field.contact_list_ids?.filter((listId) => listId !== row.contact_list_id);
    },
  });
  // The document's batch rename takes one list per call (its body is an object, not an array).
  route('PATCH', '/contact_center/outbound_campaign/contact_lists', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['contact_list_id', 'contact_list_name', 'contact_list_description']);
    const row = state.contactLists.get(String(body.contact_list_id ?? ''));
    if (!row) return { body: { failed_contact_lists: [{ contact_list_id: body.contact_list_id, error: 'Contact list does not exist.' }] } };
    if (typeof body.contact_list_name === 'string') row.contact_list_name = body.contact_list_name;
    if (typeof body.contact_list_description === 'string') row.contact_list_description = body.contact_list_description;
    row.last_modified_time = now();
    return { body: { failed_contact_lists: [] } };
  });

  registerRestCollection<ContactListCustomFieldRow>(route, {
    noun: 'Contact list custom field',
    path: '/contact_center/outbound_campaign/contact_list_custom_fields',
    param: 'customFieldId',
    listKey: 'custom_fields',
    maxPageSize: 100,
    idField: 'custom_field_id',
    nameField: 'custom_field_name',
    table: (state) => state.contactListCustomFields,
    create: FIELD_RULES,
    newRow: (_state, body) => ({ custom_field_id: '', ...(body as Omit<ContactListCustomFieldRow, 'custom_field_id' | 'last_modified_time'>) }),
    view: (_state, row) => {
      const { last_modified_time: _at, ...rest } = row;
      return rest;
    },
  });

  // A DNC list's phone numbers.
  const dncList = (state: EmulatorState, listId: string) => {
    const list = findList(state, listId);
    if (list.contact_list_type !== 'do_not_contact') throw invalidField('dncListId', `Contact list ${listId} is not a do-not-contact list.`);
    return list;
  };
  // A number's id is stable per list (a hash), so ids do not depend on the order numbers were added in.
  const phoneId = (listId: string, number: string) => createHash('sha1').update(`${listId}:${number}`).digest('hex').slice(0, 22);
  route('GET', '/contact_center/outbound_campaign/dnc_lists/:dncListId/phones', 'medium', (request, { state }) => {
    const list = dncList(state, params(request).dncListId);
    return { body: paginate(state.dncListPhones.get(list.contact_list_id) ?? [], query(request), 'dnc_list_phones', 300) };
  });
  route('POST', '/contact_center/outbound_campaign/dnc_lists/:dncListId/phones', 'light', (request, { state }) => {
    const list = dncList(state, params(request).dncListId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['phone_numbers']);
    const numbers = body.phone_numbers;
    if (!Array.isArray(numbers) || numbers.length === 0) throw invalidField('phone_numbers', 'This field is required.');
    if (numbers.length > 300) throw invalidField('phone_numbers', 'At most 300 numbers per call.');
    for (const number of numbers)
      if (typeof number !== 'string' || !/^\+[1-9]\d{6,14}$/.test(number)) throw invalidField('phone_numbers', `Not an E.164 number: ${String(number)}.`);
    const phones = state.dncListPhones.get(list.contact_list_id) ?? [];
    const added = (numbers as string[])
      .filter((number, index) => numbers.indexOf(number) === index && !phones.some((phone) => phone.phone_number === number))
      .map((number) => ({ phone_id: phoneId(list.contact_list_id, number), phone_number: number }));
    state.dncListPhones.set(list.contact_list_id, [...phones, ...added]);
    list.contacts_count = phones.length + added.length;
    return { status: 201, body: { dnc_list_phones: added } };
  });
  route('DELETE', '/contact_center/outbound_campaign/dnc_lists/:dncListId/phones', 'light', (request, { state }) => {
    const list = dncList(state, params(request).dncListId);
    const body = asBody(request.body ?? {});
    rejectUnknownFields(body, ['phone_ids']);
    const ids = Array.isArray(body.phone_ids) ? body.phone_ids.map(String) : [];
    const phones = state.dncListPhones.get(list.contact_list_id) ?? [];
    const kept = phones.filter((phone) => !ids.includes(phone.phone_id));
    state.dncListPhones.set(list.contact_list_id, kept);
    list.contacts_count = kept.length;
    return { status: 204 };
  });

  registerCampaignRoutes(route, findList);
}

function registerCampaignRoutes(route: ReturnType<typeof defineRoutes>, findList: (state: EmulatorState, key: string) => ContactListRow) {
  const PATH = '/contact_center/outbound_campaign/campaigns';
  const find = (state: EmulatorState, key: string, type: unknown) => {
    const row = type === 'name' ? state.outboundCampaigns.all().find((campaign) => campaign.outbound_campaign_name === key) : state.outboundCampaigns.get(key);
    if (!row) throw notFound('Outbound campaign', key);
    return row;
  };
  const lists = (state: EmulatorState, ids: string[]) =>
    ids.map((listId) => {
      const list = state.contactLists.get(listId);
      return {
        contact_list_id: listId,
        contact_list_name: list?.contact_list_name ?? '',
        contact_list_description: list?.contact_list_description ?? '',
        contacts_count: String(list?.contacts_count ?? 0),
      };
    });
  const view = (state: EmulatorState, row: OutboundCampaignRow, created = false) => {
    const { campaign_contact_list_ids: listIds, campaign_do_not_contact_list_ids: dncIds, last_modified_time: _at, ...rest } = row;
    const settings: Record<string, unknown> = {};
    for (const field of SETTING_FIELDS[row.dialing_method]) if (rest[field] !== undefined) settings[field] = rest[field];
    for (const fields of Object.values(SETTING_FIELDS)) for (const field of fields) delete rest[field];
    // The create answers the action in snake case, the GET in camel case (as the document shows them).
    if (created && typeof settings.agentless_amd_off_action === 'string')
      settings.agentless_amd_off_action = Object.entries(SNAKE_ACTIONS).find(([, camel]) => camel === settings.agentless_amd_off_action)?.[0];
    return {
      ...rest,
      queue_name: state.queues.get(String(row.queue_id))?.queue_name ?? '',
      dialing_method_settings: settings,
      campaign_contact_list: lists(state, listIds),
      [created ? 'campaign_do_not_contact_list_ids' : 'campaign_do_not_contact_list']: lists(state, dncIds),
    };
  };
  const checkRefs = (state: EmulatorState, row: Partial<OutboundCampaignRow>) => {
    if (row.queue_id !== undefined && !state.queues.get(String(row.queue_id))) throw invalidField('queue_id', `Queue does not exist: ${String(row.queue_id)}.`);
    for (const [field, type] of [
      ['campaign_contact_list_ids', 'contact'],
      ['campaign_do_not_contact_list_ids', 'do_not_contact'],
    ] as const)
      for (const listId of row[field] ?? []) {
        const list = state.contactLists.get(listId);
        if (list?.contact_list_type !== type) throw invalidField(field, `Not a ${type === 'contact' ? 'contact' : 'do-not-contact'} list: ${listId}.`);
      }
    if (row.phone_number_id !== undefined && state.entryPoints.get(String(row.phone_number_id))?.channel !== 'voice')
      throw invalidField('phone_number_id', `Not a phone number of the account: ${String(row.phone_number_id)}.`);
    if (row.business_hour_id !== undefined && !state.businessHours.get(String(row.business_hour_id)))
      throw invalidField('business_hour_id', `Business hours do not exist: ${String(row.business_hour_id)}.`);
    if (row.closure_set_id !== undefined && !state.closureSets.get(String(row.closure_set_id)))
      throw invalidField('closure_set_id', `Closure set does not exist: ${String(row.closure_set_id)}.`);
  };
  const assertUnique = (state: EmulatorState, name: unknown, self?: OutboundCampaignRow) => {
    if (state.outboundCampaigns.all().some((row) => row !== self && row.outbound_campaign_name === name))
      throw conflict(`Outbound campaign name already exists: ${String(name)}.`);
  };

  route('GET', PATH, 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.outboundCampaigns
      .all()
      .filter((row) => q.outbound_campaign_status === undefined || row.outbound_campaign_status === q.outbound_campaign_status);
    const items = rows.map((row) => ({
      outbound_campaign_id: row.outbound_campaign_id,
      outbound_campaign_name: row.outbound_campaign_name,
      outbound_campaign_description: row.outbound_campaign_description,
      outbound_campaign_status: row.outbound_campaign_status,
    }));
    return { body: paginate(items, q, 'outbound_campaign_items', 100) };
  });
  route('POST', PATH, 'light', (request, { state }) => {
    const body = parsed(createSchema, asBody(request.body));
    const settings = parsed(SETTINGS[body.dialing_method], body.dialing_method_settings) as Record<string, unknown>;
    const { dialing_method_settings: _nested, ...flat } = body;
    assertUnique(state, body.outbound_campaign_name);
    const candidate = {
      assign_type: 'queue',
      outbound_campaign_description: '',
      outbound_campaign_priority: 1,
      exclusion_logic: 'or',
      max_attempts_per_contact: 1,
      dial_sequence: 'list_dial',
      retry_period_unit: 'minutes',
      business_hour_source: 'queue',
      contact_timezone_source: 'none',
      enable_max_ring_time: false,
      enable_closure_hour: false,
      enable_always_running: false,
      enable_diagnostics: false,
      ...flat,
      ...settings,
      campaign_contact_list_ids: flat.campaign_contact_list_ids ?? [],
      campaign_do_not_contact_list_ids: flat.campaign_do_not_contact_list_ids ?? [],
      outbound_campaign_status: 'draft',
      outbound_campaign_id: '',
    } as OutboundCampaignRow;
    for (const listId of [...candidate.campaign_contact_list_ids, ...candidate.campaign_do_not_contact_list_ids]) findList(state, listId);
    checkRefs(state, candidate);
    const row = state.outboundCampaigns.insert({ ...candidate, outbound_campaign_id: state.outboundCampaigns.nextId(), last_modified_time: now() });
    return { status: 201, body: view(state, row, true) };
  });
  route('GET', `${PATH}/:campaignId`, 'light', (request, { state }) => ({
    body: view(state, find(state, params(request).campaignId, query(request).campaign_identifier_type)),
  }));
  route('PATCH', `${PATH}/:campaignId`, 'light', (request, { state }) => {
    const row = find(state, params(request).campaignId, undefined);
    const body = parsed(patchSchema, asBody(request.body));
    if (body.outbound_campaign_name !== undefined) assertUnique(state, body.outbound_campaign_name, row);
    const changes: Record<string, unknown> = { ...body };
    if (body.agentless_amd_off_action !== undefined) changes.agentless_amd_off_action = SNAKE_ACTIONS[body.agentless_amd_off_action];
    // A flow change names the flow it replaces.
    if (body.new_flow_id !== undefined && body.old_flow_id !== row.new_flow_id)
      throw invalidField('old_flow_id', `Must name the campaign's current flow (${String(row.new_flow_id)}).`);
    delete changes.old_flow_id;
    const settingFields = new Set(Object.values(SETTING_FIELDS).flat());
    for (const field of Object.keys(changes))
      if (settingFields.has(field) && !SETTING_FIELDS[row.dialing_method].includes(field))
        throw invalidField(field, `Not a setting of the ${row.dialing_method} dialing method.`);
    checkRefs(state, changes as Partial<OutboundCampaignRow>);
    Object.assign(row, changes, { last_modified_time: now() });
    return { status: 204 };
  });
  route('PATCH', `${PATH}/:campaignId/status`, 'light', (request, { state }) => {
    const row = find(state, params(request).campaignId, undefined);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status']);
    const wanted = { Draft: 'draft', Ready: 'ready', Paused: 'paused', Running: 'running' }[
      String(body.status)
    ] as OutboundCampaignRow['outbound_campaign_status'];
    if (!wanted) throw invalidField('status', 'Must be one of: Draft, Ready, Paused, Running.');
    if (wanted !== 'draft' && wanted !== 'paused' && row.campaign_contact_list_ids.length === 0)
      throw invalidField('status', `Outbound campaign ${row.outbound_campaign_id} has no contact list, so it cannot be ${wanted}.`);
    if (wanted === 'draft' && row.outbound_campaign_status === 'running')
      throw new EmulatorError(409, 409, `Outbound campaign ${row.outbound_campaign_id} is running: pause it first.`);
    row.outbound_campaign_status = wanted;
    row.last_modified_time = now();
    return { status: 204 };
  });
  route('DELETE', `${PATH}/:campaignId`, 'light', (request, { state }) => {
    const row = find(state, params(request).campaignId, undefined);
    state.outboundCampaigns.delete(row.outbound_campaign_id);
    return { status: 204 };
  });
}
