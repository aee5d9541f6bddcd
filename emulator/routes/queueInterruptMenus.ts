import { z } from 'zod';
import { invalidField, notFound } from '../errors';
import { asBody, isTimezone } from '../validate';
import { defineRoutes, params, query } from '../context';
import { findQueue } from './queues';

/**
 * A queue's interrupt menu (`/queues/{queueId}/interrupt_menu`): POST and DELETE, as the document has them; it has
 * no read, and neither does the emulator's API (the control surface shows the menus). Assumptions the README states:
 * a POST sets the whole menu (a second one replaces it) and answers it with the queue id; a DELETE of a queue without
 * a menu is 404; `bucket_id` is accepted and ignored; an option's flow, inbox and assets are not checked.
 */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
const DAYS = z.enum(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
const seconds = z.number().int().min(0).max(3600);
const message = z.string().max(1000);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const zone = z.string().refine(isTimezone, { message: 'Not a time zone.' });
const customAudio = z.strictObject({
  custom_audio_type: z.enum(['advanced', 'standard']),
  custom_audio: z.array(
    z.strictObject({ order: z.number().int().min(1), audio_asset_id: z.string().min(1).optional(), audio_variable: z.literal('keypress').optional() }),
  ),
});
const callbackSettings = z.strictObject({
  callback_number_type: z.enum(['flow_entry_id', 'account_default_caller_id', 'queue_default_caller_id']).optional(),
  callback_confirm_keypress: z.enum(['#', '*']).optional(),
  accept_callback_timeout: seconds.optional(),
  enable_offer_phone_number: z.boolean().optional(),
  offer_number_message: message.optional(),
  offer_number_message_custom_audio: customAudio.optional(),
  callback_confirm_messsage: message.optional(),
  callback_confirm_message: message.optional(),
  callback_confirm_message_custom_audio: customAudio.optional(),
  enable_offer_extension_number: z.boolean().optional(),
  offer_extension_number_message: message.optional(),
  offer_extension_number_message_custom_audio: customAudio.optional(),
  confirm_extension_number_message: message.optional(),
  confirm_extension_number_message_custom_audio: customAudio.optional(),
  outbound_dial_option: z.enum(['auto_greeting', 'directly_connect']).optional(),
  outbound_dial_greeting_message: message.optional(),
  outbound_dial_greeting_message_custom_audio: customAudio.optional(),
  callback_timeout: seconds.optional(),
  enable_callback_cancel_message: z.boolean().optional(),
  callback_cancel_message: message.optional(),
  callback_cancel_message_custom_audio: customAudio.optional(),
  callback_returning_message: message.optional(),
  callback_returning_message_custom_audio: customAudio.optional(),
  enable_callback_offer_time: z.boolean().optional(),
  callback_offer_timezone_id: zone.optional(),
  callback_offer_time: z
    .array(z.strictObject({ callback_offer_day: DAYS.optional(), callback_offer_start_time: clock.optional(), callback_offer_end_time: clock.optional() }))
    .optional(),
  enable_callback_return_time: z.boolean().optional(),
  callback_return_timezone_id: zone.optional(),
  callback_return_day: z
    .array(z.strictObject({ callback_return_day: DAYS.optional(), callback_return_start_time: clock.optional(), callback_return_end_time: clock.optional() }))
    .optional(),
  enable_advanced_callback_confirmation: z.boolean().optional(),
  advanced_callback_confirmation: z
    .strictObject({
      keypress_voice_message: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*']).optional(),
      advanced_callback_confirm_message: message.optional(),
      callback_voice_message_time_limit: seconds.optional(),
      enable_voice_message_transcription: z.boolean().optional(),
      callback_voice_message_display_time: seconds.optional(),
      advanced_callback_confirm_message_with_extension: message.optional(),
      greeting_message: message.optional(),
      end_message: message.optional(),
      save_recording_message: message.optional(),
      short_recording_message: message.optional(),
      keypress_listen_recording_message: message.optional(),
      keypress_save_recording_message: message.optional(),
      keypress_re_recording_message: message.optional(),
    })
    .optional(),
});
const menuSchema = z.strictObject({
  menu_language_code: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/),
  voice_id: z.enum(['Danielle', 'Gregory', 'Ivy', 'Joanna', 'Joey', 'Justin', 'Kendra', 'Kevin', 'Kimberly', 'Matthew', 'Ruth', 'Salli', 'Stephen']),
  accept_timeout: seconds.optional(),
  play_interval: seconds,
  loop_play: z.boolean().optional(),
  loop_interval: seconds.optional(),
  menu_options: z
    .array(
      z.strictObject({
        keypress: z.enum(KEYS),
        menu_action: z.enum(['request_callback', 'leave_voicemail', 'route_flow', 'repeat_menu']),
        play_message: message.optional(),
        play_message_custom_audio: customAudio.optional(),
        route_to_flow_id: z.string().min(1).optional(),
        voice_mail_inbox_id: z.string().min(1).optional(),
        callback_settings: callbackSettings.optional(),
      }),
    )
    .min(1)
    .max(12)
    .refine((options) => new Set(options.map((option) => option.keypress)).size === options.length, { message: 'Lists the same key twice.' }),
  invalid_option_message_custom_audio: customAudio.optional(),
});

export function registerQueueInterruptMenuRoutes(route: ReturnType<typeof defineRoutes>) {
  route('POST', '/contact_center/queues/:queueId/interrupt_menu', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    void query(request).bucket_id;
    const parsed = menuSchema.safeParse(asBody(request.body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidField(issue.path.join('.') || 'body', issue.message);
    }
    state.queueInterruptMenus.set(queue.queue_id, parsed.data);
    return { status: 201, body: { queue_id: queue.queue_id, ...parsed.data } };
  });
  route('DELETE', '/contact_center/queues/:queueId/interrupt_menu', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    if (!state.queueInterruptMenus.delete(queue.queue_id)) throw notFound('Interrupt menu of queue', queue.queue_id);
    return { status: 204 };
  });
}
