import { z } from 'zod';
import { LIGHT_WRITES, fillPath, lockKeyOf, objectTemplate, type Collection } from '../client/endpoints';
import type { ZccClient } from '../client/client';
import { unlessNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { integer, oneOf, text, zoomId } from './fields';
import { idList } from './ownership';

/**
 * An outbound campaign (`/contact_center/outbound_campaign/campaigns`). Zoom's shapes differ by call, and this file
 * is where that is absorbed: the create nests the dialing method's settings (`dialing_method_settings`, AMD under
 * `amd_settings`) and the PATCH takes them flat; the GET names its lists `campaign_contact_list` (objects) and the
 * create answer `campaign_do_not_contact_list_ids` (objects too); the agentless AMD-off action is `useFlow` in the
 * create and GET but `use_flow` in the PATCH. The store reads and writes one flat shape (the PATCH's), so the
 * engine compares field by field. Settings the PATCH does not take (the queue, the dialing method, the contact
 * lists, AMD, the preview strategy and timer) replace the campaign. Its status is an input set by its own call.
 */
const ACTIONS = ['useFlow', 'hangUp', 'playMedia'] as const;
const SNAKE_ACTION: Record<string, string> = { useFlow: 'use_flow', hangUp: 'hang_up', playMedia: 'play_media' };
const CAMEL_ACTION: Record<string, string> = Object.fromEntries(Object.entries(SNAKE_ACTION).map(([camel, snake]) => [snake, camel]));
const STATUSES = ['draft', 'ready', 'running', 'paused', 'completed', 'not_running'] as const;

const listRef = z.object({ contact_list_id: z.string().optional(), contact_list_name: z.string().optional() });
const settingsSchema = z
  .object({
    enable_amd: z.boolean().optional(),
    amd_settings: z.object({ greeting_asset_id: z.string().nullish(), answering_machine_asset_id: z.string().nullish() }).nullish(),
    enable_abandonment_timeout: z.boolean().optional(),
    abandonment_timeout: z.number().optional(),
    abandonment_message_asset_id: z.string().nullish(),
    dialing_strategy: z.string().optional(),
    preview_timer: z.number().optional(),
    enable_skip: z.boolean().optional(),
    max_skips: z.number().optional(),
    enable_ignore_preview_notification: z.boolean().optional(),
    allow_retry_preview_dialer: z.boolean().optional(),
    max_concurrent_calls: z.number().optional(),
    agentless_amd_off_action: z.string().nullish(),
    agentless_amd_off_resource_id: z.string().nullish(),
    new_flow_id: z.string().nullish(),
  })
  .passthrough();
const campaignSchema = z
  .object({
    outbound_campaign_id: z.string(),
    outbound_campaign_name: z.string(),
    outbound_campaign_description: z.string().default(''),
    outbound_campaign_status: z.enum(STATUSES).optional(),
    queue_id: z.string().optional(),
    dialing_method: z.enum(['progressive', 'preview', 'agentless']).optional(),
    dialing_method_settings: settingsSchema.optional(),
    campaign_contact_list: z.array(listRef).optional(),
    campaign_do_not_contact_list: z.array(listRef).optional(),
    campaign_do_not_contact_list_ids: z.array(z.union([z.string(), listRef])).optional(),
  })
  .passthrough();
type ZccCampaign = z.infer<typeof campaignSchema> & Props;

export const outboundCampaignsEndpoint: Collection<ZccCampaign> = {
  path: '/contact_center/outbound_campaign/campaigns',
  objectId: 'campaignId',
  listKey: 'outbound_campaign_items',
  item: campaignSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};

/** The dialing settings, flat as the PATCH names them, per method (AMD's two assets renamed out of `amd_settings`). */
const METHOD_SETTINGS = {
  progressive: [
    'enable_amd',
    'amd_greeting_asset_id',
    'amd_answering_machine_asset_id',
    'enable_abandonment_timeout',
    'abandonment_timeout',
    'abandonment_message_asset_id',
  ],
  preview: ['dialing_strategy', 'preview_timer', 'enable_skip', 'max_skips', 'enable_ignore_preview_notification', 'allow_retry_preview_dialer'],
  agentless: ['max_concurrent_calls', 'agentless_amd_off_action', 'agentless_amd_off_resource_id', 'new_flow_id'],
} as const;
type Method = keyof typeof METHOD_SETTINGS;

/** The campaign as the store holds it: flat, lists as ids, AMD-off action in camel case, status as declared. */
function flat(server: Props | undefined): Props | undefined {
  if (!server) return undefined;
  const { dialing_method_settings: nested, campaign_contact_list: lists, campaign_do_not_contact_list: dnc, ...rest } = server as ZccCampaign;
  const settings = { ...((nested ?? {}) as Props) };
  const amd = (settings.amd_settings ?? {}) as Props;
  delete settings.amd_settings;
  const ids = (items: unknown) =>
    Array.isArray(items) ? items.map((item) => (typeof item === 'string' ? item : String((item as Props).contact_list_id))) : undefined;
  const status = rest.outbound_campaign_status;
  const out: Props = {
    ...rest,
    ...settings,
    ...(amd.greeting_asset_id ? { amd_greeting_asset_id: amd.greeting_asset_id } : {}),
    ...(amd.answering_machine_asset_id ? { amd_answering_machine_asset_id: amd.answering_machine_asset_id } : {}),
    campaign_contact_list_ids: ids(lists) ?? [],
    campaign_do_not_contact_list_ids: ids(dnc ?? rest.campaign_do_not_contact_list_ids) ?? [],
    // A ready campaign runs, or waits for its hours, by itself: both are what `ready` asked for. The status as Zoom
    // reports it stays an output (`runStatus`).
    run_status: status,
    outbound_campaign_status: status === 'running' || status === 'not_running' ? 'ready' : status,
  };
  if (typeof out.agentless_amd_off_action === 'string')
    out.agentless_amd_off_action = CAMEL_ACTION[out.agentless_amd_off_action] ?? out.agentless_amd_off_action;
  for (const key of Object.keys(out)) if (out[key] === null) delete out[key];
  return out;
}

/** The create's body: the dialing method's settings nested, as the POST takes them. */
function createBody(body: Props): Props {
  const method = body.dialing_method as Method;
  const settingKeys = new Set<string>(Object.values(METHOD_SETTINGS).flat());
  const top = Object.fromEntries(Object.entries(body).filter(([key]) => !settingKeys.has(key)));
  const settings: Props = {};
  for (const key of METHOD_SETTINGS[method] ?? []) if (body[key] !== undefined) settings[key] = body[key];
  if (settings.amd_greeting_asset_id !== undefined || settings.amd_answering_machine_asset_id !== undefined) {
    settings.amd_settings = {
      ...(settings.amd_greeting_asset_id !== undefined ? { greeting_asset_id: settings.amd_greeting_asset_id } : {}),
      ...(settings.amd_answering_machine_asset_id !== undefined ? { answering_machine_asset_id: settings.amd_answering_machine_asset_id } : {}),
    };
    delete settings.amd_greeting_asset_id;
    delete settings.amd_answering_machine_asset_id;
  }
  return { ...top, dialing_method_settings: settings };
}

const STATUS_CALL: Record<string, string> = { draft: 'Draft', ready: 'Ready', paused: 'Paused' };

function campaignStore(): ObjectStore {
  const get = async (client: ZccClient, id: string) => flat(await unlessNotFound(() => client.getOne(outboundCampaignsEndpoint, [id]) as Promise<Props>));
  return {
    list: async (client) => (await client.listOf(outboundCampaignsEndpoint)).map((item) => flat(item as Props)!),
    create: async (client, body) => flat((await client.createIn(outboundCampaignsEndpoint, createBody(body))) as Props)!,
    get: (client, id) => get(client, id),
    update: async (client, id, changed) => {
      const { outbound_campaign_status: status, ...settings } = changed;
      if (Object.keys(settings).length > 0) {
        const patch: Props = { ...settings };
        if (typeof patch.agentless_amd_off_action === 'string') patch.agentless_amd_off_action = SNAKE_ACTION[patch.agentless_amd_off_action];
        // A flow change names the flow it replaces: the campaign's, as Zoom has it now.
        if (patch.new_flow_id !== undefined) patch.old_flow_id = (await get(client, id))?.new_flow_id;
        await client.updateOne(outboundCampaignsEndpoint, [id], patch);
      }
      // After the settings: a campaign made ready runs with them.
      if (status !== undefined)
        await client.http.request<void>('PATCH', fillPath(`${outboundCampaignsEndpoint.path}/{campaignId}/status`, [id]), {
          category: outboundCampaignsEndpoint.categories.update,
          body: { status: STATUS_CALL[String(status)] },
          objectKey: lockKeyOf(objectTemplate(outboundCampaignsEndpoint), [id]),
        });
    },
    remove: async (client, id) => {
      await unlessNotFound(() => client.deleteOne(outboundCampaignsEndpoint, [id]));
    },
  };
}

const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();
const count = (description: string) => integer(description, 0, 100000).optional();
const asset = (description: string) => zoomId(description).optional();

/** Each input's API field (the flat shape the store holds: `flat` above). */
const API_FIELDS = {
  name: 'outbound_campaign_name',
  description: 'outbound_campaign_description',
  queueId: 'queue_id',
  phoneNumberId: 'phone_number_id',
  assignType: 'assign_type',
  dialingMethod: 'dialing_method',
  status: 'outbound_campaign_status',
  priority: 'outbound_campaign_priority',
  contactListIds: 'campaign_contact_list_ids',
  dncListIds: 'campaign_do_not_contact_list_ids',
  exclusionLogic: 'exclusion_logic',
  maxAttemptsPerContact: 'max_attempts_per_contact',
  attemptsUseSamePeriod: 'attempts_use_same_period',
  secondAttemptPeriod: 'second_attempt_period',
  thirdAttemptPeriod: 'third_attempt_period',
  otherAttemptPeriod: 'other_attempt_period',
  retryPeriod: 'retry_period',
  retryPeriodUnit: 'retry_period_unit',
  dialSequence: 'dial_sequence',
  enableMaxRingTime: 'enable_max_ring_time',
  maxRingTime: 'max_ring_time',
  businessHourSource: 'business_hour_source',
  businessHourId: 'business_hour_id',
  enableClosureHour: 'enable_closure_hour',
  closureSetId: 'closure_set_id',
  contactTimezoneSource: 'contact_timezone_source',
  contactPhoneOrder: 'contact_phone_order',
  enableAlwaysRunning: 'enable_always_running',
  contactOrder: 'contact_order',
  enableDiagnostics: 'enable_diagnostics',
  enableAmd: 'enable_amd',
  amdGreetingAssetId: 'amd_greeting_asset_id',
  amdAnsweringMachineAssetId: 'amd_answering_machine_asset_id',
  enableAbandonmentTimeout: 'enable_abandonment_timeout',
  abandonmentTimeout: 'abandonment_timeout',
  abandonmentMessageAssetId: 'abandonment_message_asset_id',
  dialingStrategy: 'dialing_strategy',
  previewTimer: 'preview_timer',
  enableSkip: 'enable_skip',
  maxSkips: 'max_skips',
  enableIgnorePreviewNotification: 'enable_ignore_preview_notification',
  allowRetryPreviewDialer: 'allow_retry_preview_dialer',
  maxConcurrentCalls: 'max_concurrent_calls',
  amdOffAction: 'agentless_amd_off_action',
  amdOffResourceId: 'agentless_amd_off_resource_id',
  flowId: 'new_flow_id',
} as const;

/** Inputs that belong to one dialing method (METHOD_SETTINGS by input name): another method's are refused. */
const INPUT_OF: Record<string, string> = Object.fromEntries(Object.entries(API_FIELDS).map(([input, field]) => [field, input]));
const METHOD_INPUTS = Object.fromEntries(Object.entries(METHOD_SETTINGS).map(([method, fields]) => [method, fields.map((field) => INPUT_OF[field])])) as Record<
  Method,
  string[]
>;

export const outboundCampaignSpec = defineSpec<ZccCampaign>()({
  kind: 'OutboundCampaign',
  description:
    'An outbound campaign: the queue whose agents take its calls, the number it calls from, its dialing method and settings, its contact and do-not-contact lists, retries and hours, and its status (draft, ready or paused). Settings the PATCH cannot change (queue, dialing method, contact lists, AMD, preview strategy and timer) replace it.',
  endpoint: outboundCampaignsEndpoint,
  idField: 'outbound_campaign_id',
  idOutput: 'campaignId',
  inputSchema: z.strictObject({
    name: text('Campaign name, unique in the account (1-128 characters). Renaming updates in place.', { min: 1, max: 128 }),
    description: text('Description (up to 512 characters). Defaults to empty.', { max: 512 }).optional(),
    queueId: zoomId('The queue whose agents take its calls (`queue_id`). Changing it replaces the campaign.'),
    phoneNumberId: zoomId(
      "The number it calls from (`phone_number_id`): one of the account's phone numbers, as `getEntryPoint({ channel: 'voice', number })` finds it (its `entryId`; the document does not name the list these ids come from, and this package assumes that one).",
    ),
    assignType: oneOf(['queue', 'default', 'customer'], 'Which caller id contacts see (`assign_type`).').optional(),
    dialingMethod: oneOf(['progressive', 'preview', 'agentless'], 'How it dials (`dialing_method`). Changing it replaces the campaign.'),
    status: oneOf(
      ['draft', 'ready', 'paused'],
      "The status to keep it in: `ready` lets it run in its hours (Zoom then reports `running` or `not_running`, both read as `ready`; `runStatus` has Zoom's word), `paused` stops it, `draft` takes it back to editing. Not managed when omitted; a new campaign is a draft.",
    ).optional(),
    priority: integer('Its priority among campaigns, 1 to 10 (`outbound_campaign_priority`).', 1, 10).optional(),
    contactListIds: idList({
      noun: 'contact lists',
      max: 50,
      description:
        'The contact lists it dials (`campaign_contact_list_ids`); order does not matter. Changing them replaces the campaign (the PATCH does not take them).',
    }).optional(),
    dncListIds: idList({
      noun: 'do-not-contact lists',
      max: 50,
      description: 'The do-not-contact lists it never dials (`campaign_do_not_contact_list_ids`); order does not matter.',
    }).optional(),
    exclusionLogic: oneOf(['and', 'or'], 'How several do-not-contact lists combine (`exclusion_logic`).').optional(),
    maxAttemptsPerContact: count('Attempts per contact (`max_attempts_per_contact`).'),
    attemptsUseSamePeriod: flag('Wait the same period between every attempt (`attempts_use_same_period`).'),
    secondAttemptPeriod: count('Wait before the second attempt (`second_attempt_period`, in `retryPeriodUnit`).'),
    thirdAttemptPeriod: count('Wait before the third attempt (`third_attempt_period`).'),
    otherAttemptPeriod: count('Wait before later attempts (`other_attempt_period`).'),
    retryPeriod: count('Wait between attempts (`retry_period`).'),
    retryPeriodUnit: oneOf(['seconds', 'minutes', 'hours', 'days'], 'The unit of the waits (`retry_period_unit`).').optional(),
    dialSequence: oneOf(['list_dial', 'contact_dial', 'contact_with_lock'], 'The order contacts are dialed in (`dial_sequence`).').optional(),
    enableMaxRingTime: flag('Stop ringing after `maxRingTime` (`enable_max_ring_time`).'),
    maxRingTime: count('Seconds to ring (`max_ring_time`).'),
    businessHourSource: oneOf(['queue', 'campaign'], "Whose hours it dials in: the queue's or its own `businessHourId` (`business_hour_source`).").optional(),
    businessHourId: zoomId('Its own business hours (`business_hour_id`, e.g. `hours.businessHourId`).').optional(),
    enableClosureHour: flag('Keep off closures (`enable_closure_hour`).'),
    closureSetId: zoomId('The closures it keeps off (`closure_set_id`).').optional(),
    contactTimezoneSource: oneOf(['none', 'area_code', 'timezone'], "How a contact's time zone is known (`contact_timezone_source`).").optional(),
    contactPhoneOrder: text("The order a contact's numbers are tried in (`contact_phone_order`, as Zoom writes it).", { max: 256 }).optional(),
    enableAlwaysRunning: flag('Run outside business hours too (`enable_always_running`).'),
    contactOrder: count('The order of contacts (`contact_order`, a number Zoom defines; set after the create).'),
    enableDiagnostics: flag('Record diagnostics (`enable_diagnostics`).'),
    enableAmd: flag('Progressive: detect answering machines (`enable_amd`). Changing it replaces the campaign.'),
    amdGreetingAssetId: asset('Progressive: the asset played to a person (`amd_settings.greeting_asset_id`). Changing it replaces the campaign.'),
    amdAnsweringMachineAssetId: asset(
      'Progressive: the asset left on a machine (`amd_settings.answering_machine_asset_id`). Changing it replaces the campaign.',
    ),
    enableAbandonmentTimeout: flag('Progressive: end calls no agent takes (`enable_abandonment_timeout`).'),
    abandonmentTimeout: count('Progressive: seconds before that (`abandonment_timeout`).'),
    abandonmentMessageAssetId: asset('Progressive: the asset played then (`abandonment_message_asset_id`).'),
    dialingStrategy: oneOf(
      ['automatic', 'manual'],
      'Preview: dial after the timer or when the agent says (`dialing_strategy`). Changing it replaces the campaign.',
    ).optional(),
    previewTimer: count('Preview: seconds of preview (`preview_timer`). Changing it replaces the campaign.'),
    enableSkip: flag('Preview: agents may skip a contact (`enable_skip`).'),
    maxSkips: count('Preview: skips allowed (`max_skips`).'),
    enableIgnorePreviewNotification: flag(
      'Preview: agents may ignore the notification (`enable_ignore_preview_notification`). Changing it replaces the campaign.',
    ),
    allowRetryPreviewDialer: flag('Preview: agents may retry (`allow_retry_preview_dialer`).'),
    maxConcurrentCalls: count('Agentless: calls at once (`max_concurrent_calls`); required for agentless.'),
    amdOffAction: oneOf(ACTIONS, 'Agentless: what a call without AMD does (`agentless_amd_off_action`).').optional(),
    amdOffResourceId: zoomId('Agentless: the flow or asset that action uses (`agentless_amd_off_resource_id`).').optional(),
    flowId: zoomId('Agentless: the flow calls go to (`new_flow_id`); required for agentless.').optional(),
  }),
  apiFields: API_FIELDS,
  serverDefaults: { description: '' },
  setFields: ['contactListIds', 'dncListIds'],
  // The create takes all but the status (its own call) and the contact order (the PATCH's only).
  createFields: [
    'name',
    'description',
    'queueId',
    'phoneNumberId',
    'assignType',
    'dialingMethod',
    'priority',
    'contactListIds',
    'dncListIds',
    'exclusionLogic',
    'maxAttemptsPerContact',
    'attemptsUseSamePeriod',
    'secondAttemptPeriod',
    'thirdAttemptPeriod',
    'otherAttemptPeriod',
    'retryPeriod',
    'retryPeriodUnit',
    'dialSequence',
    'enableMaxRingTime',
    'maxRingTime',
    'businessHourSource',
    'businessHourId',
    'enableClosureHour',
    'closureSetId',
    'contactTimezoneSource',
    'contactPhoneOrder',
    'enableAlwaysRunning',
    'enableDiagnostics',
    'enableAmd',
    'amdGreetingAssetId',
    'amdAnsweringMachineAssetId',
    'enableAbandonmentTimeout',
    'abandonmentTimeout',
    'abandonmentMessageAssetId',
    'dialingStrategy',
    'previewTimer',
    'enableSkip',
    'maxSkips',
    'enableIgnorePreviewNotification',
    'allowRetryPreviewDialer',
    'maxConcurrentCalls',
    'amdOffAction',
    'amdOffResourceId',
    'flowId',
  ],
  replaceOnChanges: [
    'queueId',
    'dialingMethod',
    'contactListIds',
    'enableAmd',
    'amdGreetingAssetId',
    'amdAnsweringMachineAssetId',
    'dialingStrategy',
    'previewTimer',
    'enableIgnorePreviewNotification',
  ],
  uniqueName: true,
  whileReplaced: 'the campaign does not dial meanwhile, and its call history stays with the deleted campaign',
  naturalKey: ['name'],
  references: {
    queueId: 'Queue',
    phoneNumberId: 'EntryPoint',
    'contactListIds[]': 'CampaignContactList',
    'dncListIds[]': 'CampaignContactList',
    businessHourId: 'BusinessHours',
    closureSetId: 'ClosureSet',
    amdGreetingAssetId: 'Asset',
    amdAnsweringMachineAssetId: 'Asset',
    abandonmentMessageAssetId: 'Asset',
    flowId: 'Flow',
  },
  crossFieldCheck: (inputs) => {
    const method = inputs.dialingMethod as Method | undefined;
    if (!method || !(method in METHOD_INPUTS)) return [];
    const failures: Array<[string, string]> = [];
    for (const [other, keys] of Object.entries(METHOD_INPUTS))
      if (other !== method)
        for (const key of keys)
          if (inputs[key] !== undefined) failures.push([key, `is a setting of the ${other} dialing method; this campaign dials ${method}.`]);
    if (method === 'agentless')
      for (const key of ['maxConcurrentCalls', 'flowId']) if (inputs[key] === undefined) failures.push([key, 'is required for the agentless dialing method.']);
    if (inputs.status === 'ready' && Array.isArray(inputs.contactListIds) && inputs.contactListIds.length === 0)
      failures.push(['status', 'cannot be "ready" without a contact list to dial (contactListIds is empty).']);
    return failures;
  },
  computedOutputs: (server) => ({ runStatus: server.run_status }),
  // A status the write just set is the status Zoom reports now (no GET for it); otherwise the recorded one stays.
  afterWrite: async (_client, _id, inputs, previous) =>
    inputs.status !== undefined && inputs.status !== previous?.status ? { runStatus: inputs.status } : undefined,
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      campaignId: { from: 'outbound_campaign_id', type: 'string', required: true, description: 'The campaign id.' },
      name: { from: 'outbound_campaign_name', type: 'string', required: true, description: 'The name.' },
      runStatus: { from: 'run_status', type: 'string', description: 'Its status as Zoom reports it (draft, ready, running, paused, completed, not_running).' },
    },
  },
  outputs: {
    campaignId: { description: 'The campaign id ZCC assigned.' },
    runStatus: { description: 'Its status as Zoom reports it: draft, ready, running, paused, completed or not_running.' },
  },
  example: `new zcc.OutboundCampaign('renewals', {
  name: 'Renewals',
  queueId: support.queueId,
  phoneNumberId: zcc.getEntryPoint({ channel: 'voice', number: '+16505550100' }).then((point) => point.entryId),
  dialingMethod: 'preview',
  dialingStrategy: 'manual',
  contactListIds: [renewalList.contactListId],
  dncListIds: [doNotCall.contactListId],
  maxAttemptsPerContact: 3,
  status: 'ready',
});`,
  store: campaignStore(),
});
