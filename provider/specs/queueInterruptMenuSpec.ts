import { z } from 'zod';
import { LIGHT_WRITES, fillPath, type Collection } from '../client/endpoints';
import { isNotFound, unlessNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { integer, LANGUAGE_CODES, oneOf, text, timezone, zoomId } from './fields';
import { queuesEndpoint } from './queueSpec';

/**
 * A queue's interrupt menu (`/queues/{queueId}/interrupt_menu`): the keys a waiting caller may press (ask for a
 * callback, leave a voicemail, go to a flow, hear the menu again) and what each says. Zoom documents a POST and a
 * DELETE and no read, so this kind is write-only: state holds what was declared, and a refresh can only confirm
 * that the queue still exists (a menu changed in the console is not seen). The docs say so. The POST is taken to
 * set the whole menu (a second POST replaces it), so it is what every create and update sends.
 */
const VOICES = ['Danielle', 'Gregory', 'Ivy', 'Joanna', 'Joey', 'Justin', 'Kendra', 'Kevin', 'Kimberly', 'Matthew', 'Ruth', 'Salli', 'Stephen'] as const;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const queueInterruptMenuEndpoint: Collection<Props> = {
  path: '/contact_center/queues/{queueId}/interrupt_menu',
  objectId: '',
  listKey: '',
  item: z.record(z.string(), z.unknown()),
  maxPageSize: 0,
  categories: LIGHT_WRITES,
  unlisted: true,
};

const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();
const seconds = (description: string) => integer(description, 0, 3600).optional();
const message = (description: string) => text(description, { max: 1000 }).optional();
const clock = (description: string) =>
  z
    .string({ error: 'expected a time' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day as HH:MM (00:00 to 23:59)' })
    .describe(description)
    .optional();
/** Audio in parts instead of a spoken message (`*_custom_audio`): assets and the pressed key, in order. */
const customAudio = (description: string) =>
  z
    .strictObject({
      customAudioType: oneOf(['standard', 'advanced'], '`standard` (Zoom says the message) or `advanced` (these parts).'),
      customAudio: z
        .array(
          z.strictObject({
            order: integer('Its place, from 1.', 1, 20),
            audioAssetId: zoomId('An audio asset (e.g. `prompt.assetId`).').optional(),
            audioVariable: oneOf(['keypress'], 'Says the key to press.').optional(),
          }),
        )
        .max(20, { error: 'at most 20 parts' })
        .describe('The parts, in order.'),
    })
    .describe(description)
    .optional();

const callbackSettings = z
  .strictObject({
    callbackNumberType: oneOf(['flow_entry_id', 'account_default_caller_id', 'queue_default_caller_id'], 'The number the callback comes from.').optional(),
    callbackConfirmKeypress: oneOf(['#', '*'], 'The key that confirms the callback.').optional(),
    acceptCallbackTimeout: seconds('Seconds to confirm.'),
    enableOfferPhoneNumber: flag('Offer to call back another number.'),
    offerNumberMessage: message('What offering it says.'),
    offerNumberMessageCustomAudio: customAudio('Or audio parts for it.'),
    callbackConfirmMessage: message('What confirming says.'),
    callbackConfirmMessageCustomAudio: customAudio('Or audio parts for it.'),
    enableOfferExtensionNumber: flag('Offer to enter an extension.'),
    offerExtensionNumberMessage: message('What offering it says.'),
    offerExtensionNumberMessageCustomAudio: customAudio('Or audio parts for it.'),
    confirmExtensionNumberMessage: message('What confirming the extension says.'),
    confirmExtensionNumberMessageCustomAudio: customAudio('Or audio parts for it.'),
    outboundDialOption: oneOf(['auto_greeting', 'directly_connect'], 'What the called-back customer hears first.').optional(),
    outboundDialGreetingMessage: message('The greeting of `auto_greeting`.'),
    outboundDialGreetingMessageCustomAudio: customAudio('Or audio parts for it.'),
    callbackTimeout: seconds('Seconds the callback rings.'),
    enableCallbackCancelMessage: flag('Say something when a callback is cancelled.'),
    callbackCancelMessage: message('What that says.'),
    callbackCancelMessageCustomAudio: customAudio('Or audio parts for it.'),
    callbackReturningMessage: message('What the returning call says.'),
    callbackReturningMessageCustomAudio: customAudio('Or audio parts for it.'),
    enableCallbackOfferTime: flag('Offer callbacks only in `callbackOfferTime`.'),
    callbackOfferTimezoneId: timezone('The time zone of those hours.').optional(),
    callbackOfferTime: z
      .array(
        z.strictObject({
          callbackOfferDay: oneOf(DAYS, 'The day.').optional(),
          callbackOfferStartTime: clock('From (HH:MM).'),
          callbackOfferEndTime: clock('Until (HH:MM).'),
        }),
      )
      .max(14, { error: 'at most 14 ranges' })
      .describe('When callbacks are offered.')
      .optional(),
    enableCallbackReturnTime: flag('Call back only in `callbackReturnDay`.'),
    callbackReturnTimezoneId: timezone('The time zone of those hours.').optional(),
    callbackReturnDay: z
      .array(
        z.strictObject({
          callbackReturnDay: oneOf(DAYS, 'The day.').optional(),
          callbackReturnStartTime: clock('From (HH:MM).'),
          callbackReturnEndTime: clock('Until (HH:MM).'),
        }),
      )
      .max(14, { error: 'at most 14 ranges' })
      .describe('When callbacks are made.')
      .optional(),
    enableAdvancedCallbackConfirmation: flag('Let the caller leave a voice message with the callback.'),
    advancedCallbackConfirmation: z
      .strictObject({
        keypressVoiceMessage: oneOf(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'], 'The key that starts the voice message.').optional(),
        advancedCallbackConfirmMessage: message('What confirming says.'),
        callbackVoiceMessageTimeLimit: seconds('Longest voice message, in seconds.'),
        enableVoiceMessageTranscription: flag('Transcribe the voice message.'),
        callbackVoiceMessageDisplayTime: seconds('How long agents see it, in seconds.'),
        advancedCallbackConfirmMessageWithExtension: message('The confirmation when an extension was given.'),
        greetingMessage: message('The greeting.'),
        endMessage: message('The goodbye.'),
        saveRecordingMessage: message('Said when the message is saved.'),
        shortRecordingMessage: message('Said when it is too short.'),
        keypressListenRecordingMessage: message('How to listen to it.'),
        keypressSaveRecordingMessage: message('How to save it.'),
        keypressReRecordingMessage: message('How to record it again.'),
      })
      .describe('The voice message settings.')
      .optional(),
  })
  .describe('For `request_callback`: how the callback is offered, confirmed and made (`callback_settings`).');

const ACTIONS = ['request_callback', 'leave_voicemail', 'route_flow', 'repeat_menu'] as const;

function menuStore(): ObjectStore {
  const queues = queuesEndpoint;
  const path = (queueId: string) => fillPath(queueInterruptMenuEndpoint.path, [queueId]);
  const write = async (client: Parameters<ObjectStore['list']>[0], api: Props): Promise<Props> => {
    const { queue_id: queueId, ...menu } = api;
    // The POST sets the whole menu: repeating it after a lost answer sets the same menu again.
    await client.http.request('POST', path(String(queueId)), {
      category: queueInterruptMenuEndpoint.categories.create,
      body: menu,
      idempotent: true,
      objectKey: path(String(queueId)),
    });
    return api;
  };
  return {
    list: async () => [],
    create: (client, api) => write(client, api),
    // No call reads the menu: the queue's existence is all a refresh can confirm; the recorded menu stands.
    get: async (client, queueId, previous) => ((await unlessNotFound(() => client.getOne(queues, [queueId]))) ? { ...previous, queue_id: queueId } : undefined),
    update: async (client, queueId, _changed, full) => {
      await write(client, { ...full, queue_id: queueId });
    },
    remove: async (client, queueId) => {
      try {
        await client.http.request<void>('DELETE', path(queueId), {
          category: queueInterruptMenuEndpoint.categories.delete,
          idempotent: true,
          objectKey: path(queueId),
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

export const queueInterruptMenuSpec = defineSpec<Props>()({
  kind: 'QueueInterruptMenu',
  description:
    "A queue's interrupt menu: the keys a waiting caller may press to ask for a callback, leave a voicemail, go to a flow or hear the menu again. **Write-only:** Zoom's API has no call that reads the menu, so state holds what was declared and a refresh only confirms that the queue exists: a menu changed in the console is not seen as drift (`up` writes the whole menu again whenever the declaration changes). Destroying it deletes the menu.",
  endpoint: queueInterruptMenuEndpoint,
  idField: 'queue_id',
  idOutput: 'queueId',
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
    languageCode: oneOf(LANGUAGE_CODES, 'The language the menu speaks (`menu_language_code`).'),
    voiceId: oneOf(VOICES, 'The voice that speaks it (`voice_id`).'),
    acceptTimeout: seconds('Seconds to press a key (`accept_timeout`).'),
    playInterval: integer('Seconds of waiting before the menu plays (`play_interval`).', 0, 3600),
    loopPlay: flag('Play it again and again (`loop_play`).'),
    loopInterval: seconds('Seconds between two plays (`loop_interval`).'),
    menuOptions: z
      .array(
        z.strictObject({
          keypress: oneOf(KEYS, 'The key.'),
          menuAction: oneOf(ACTIONS, 'What pressing it does.'),
          playMessage: message('What the option says (spoken in the menu voice).'),
          playMessageCustomAudio: customAudio('Or audio parts for it.'),
          routeToFlowId: zoomId('For `route_flow`: the flow (e.g. `ivr.flowId`).').optional(),
          voiceMailInboxId: zoomId('For `leave_voicemail`: the inbox (e.g. `voicemailBox.inboxId`).').optional(),
          callbackSettings: callbackSettings.optional(),
        }),
      )
      .min(1, { error: 'must offer at least one option' })
      .max(12, { error: 'at most 12 options (one per key)' })
      .refine((options) => new Set(options.map((option) => option.keypress)).size === options.length, { error: 'must not use the same key twice' })
      .describe('The options, one per key (`menu_options`).'),
    invalidOptionMessageCustomAudio: customAudio('Audio parts said when a key offers nothing (`invalid_option_message_custom_audio`).'),
  }),
  apiFields: {
    queueId: 'queue_id',
    languageCode: 'menu_language_code',
    voiceId: 'voice_id',
    acceptTimeout: 'accept_timeout',
    playInterval: 'play_interval',
    loopPlay: 'loop_play',
    loopInterval: 'loop_interval',
    menuOptions: 'menu_options',
    invalidOptionMessageCustomAudio: 'invalid_option_message_custom_audio',
  },
  replaceOnChanges: ['queueId'],
  writeOnly: "Zoom's API has no call that reads a queue's interrupt menu",
  references: {
    queueId: 'Queue',
    'menuOptions[].routeToFlowId': 'Flow',
    'menuOptions[].voiceMailInboxId': 'Inbox',
    'menuOptions[].playMessageCustomAudio.customAudio[].audioAssetId': 'Asset',
  },
  crossFieldCheck: (inputs) => {
    const failures: Array<[string, string]> = [];
    const options = Array.isArray(inputs.menuOptions) ? (inputs.menuOptions as Props[]) : [];
    options.forEach((option, index) => {
      const needs: Record<string, string> = { route_flow: 'routeToFlowId', leave_voicemail: 'voiceMailInboxId' };
      const needed = needs[String(option.menuAction)];
      if (needed && option[needed] === undefined)
        failures.push([`menuOptions[${index}].${needed}`, `is required when menuAction is "${String(option.menuAction)}".`]);
      for (const [action, input] of Object.entries(needs))
        if (option[input] !== undefined && option.menuAction !== action)
          failures.push([`menuOptions[${index}].${input}`, `is only allowed when menuAction is "${action}".`]);
      if (option.callbackSettings !== undefined && option.menuAction !== 'request_callback')
        failures.push([`menuOptions[${index}].callbackSettings`, 'is only allowed when menuAction is "request_callback".']);
    });
    return failures;
  },
  onDelete: () => "deletes the queue's interrupt menu: waiting callers are offered no keys any more",
  exportAs: { role: 'none', because: "Zoom's API has no call that reads a queue's interrupt menu, so an existing one cannot be exported." },
  outputs: { queueId: { description: 'The queue whose menu this is.' } },
  example: `new zcc.QueueInterruptMenu('support-menu', {
  queueId: support.queueId,
  languageCode: 'en-US',
  voiceId: 'Joanna',
  playInterval: 60,
  menuOptions: [
    { keypress: '1', menuAction: 'request_callback', playMessage: 'Press 1 and we call you back.' },
    { keypress: '2', menuAction: 'leave_voicemail', voiceMailInboxId: voicemailBox.inboxId },
  ],
});`,
  store: menuStore(),
});
