import { identified } from '../lookup';
import { conflict, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import type { EmulatorState } from '../state';
import { asBody, booleanField, enumField, rejectUnknownFields, stringField, type Body, idList } from '../validate';
import { defineRoutes, params, query } from '../context';
import { findQueue } from './queues';

/**
 * Voicemail inboxes (`/inboxes`) and who can reach them (their queues and users), in the shapes of Zoom's document.
 * Configuration only: the emulator holds no messages, but a delete must say what happens to them
 * (`delete_all_messages_and_inboxes` or `move_to_inbox_id`), as Zoom's DELETE offers.
 */
const LOCATIONS = ['US', 'AU', 'BR', 'CA', 'DE', 'JP', 'SG'] as const;
const VOICEMAIL_CREATE = [
  'soft_delete',
  'soft_delete_days_limit',
  'voicemail_time_limit',
  'delete_voicemail_days_limit',
  'voicemail_transcription',
  'voicemail_notification_by_email',
];
const VOICEMAIL_UPDATE = [...VOICEMAIL_CREATE, 'greeting_audio_asset_id', 'voicemail_auto_assignment', 'voicemail_send_reminders_for_unresolved'];

function voicemail(body: Body, allowed: string[], previous: Record<string, unknown> = {}): Record<string, unknown> {
  if (body.voicemail === undefined) return previous;
  const settings = asBody(body.voicemail);
  rejectUnknownFields(settings, allowed);
  for (const field of ['soft_delete_days_limit', 'voicemail_time_limit', 'delete_voicemail_days_limit'])
    if (settings[field] !== undefined && (typeof settings[field] !== 'number' || !Number.isInteger(settings[field]) || (settings[field] as number) < 0))
      throw invalidField(`voicemail.${field}`, 'Expected a whole number.');
  for (const field of ['soft_delete', 'voicemail_transcription']) booleanField(settings, field);
  if (settings.voicemail_notification_by_email !== undefined) {
    const email = asBody(settings.voicemail_notification_by_email);
    rejectUnknownFields(email, ['enable', 'include_voicemail_file', 'include_voicemail_transcription', 'forward_voicemail_to_emails', 'emails']);
    if (email.emails !== undefined && (!Array.isArray(email.emails) || email.emails.some((e) => typeof e !== 'string' || !e.includes('@'))))
      throw invalidField('voicemail.voicemail_notification_by_email.emails', 'Expected a list of email addresses.');
  }
  if (settings.voicemail_auto_assignment !== undefined) {
    const auto = asBody(settings.voicemail_auto_assignment);
    rejectUnknownFields(auto, [
      'enable',
      'voicemail_auto_assignment_type',
      'voicemail_auto_assignment_during_active_work_session',
      'voicemail_auto_assignment_content_id',
      'voicemail_auto_assignment_routine_profile_id',
    ]);
  }
  if (settings.voicemail_send_reminders_for_unresolved !== undefined)
    rejectUnknownFields(asBody(settings.voicemail_send_reminders_for_unresolved), ['enable', 'send_alert_for_unresolved_voicemail_timeout']);
  return { ...previous, ...settings };
}

export function registerInboxRoutes(route: ReturnType<typeof defineRoutes>) {
  const inboxOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Inbox',
      { id: (k: string) => state.inboxes.get(k), name: (k: string) => state.inboxes.all().find((i) => i.inbox_name === k) },
      'inbox_identifier_type',
      type,
      key,
    );
  const unique = (state: EmulatorState, name: string | undefined, except?: string) => {
    if (name !== undefined && state.inboxes.all().some((i) => i.inbox_name === name && i.inbox_id !== except))
      throw conflict(`Inbox name already exists: ${name}.`);
  };
  /** `a,b` or repeated parameters: either way a list of ids. */
  const idsOf = (value: unknown, field: string, required: boolean): string[] => {
    if (value === undefined) {
      if (required) throw invalidField(field, 'This field is required.');
      return [];
    }
    const ids = idList(value);
    if (ids.length === 0) throw invalidField(field, 'Expected at least one id.');
    return ids;
  };

  route('GET', '/contact_center/inboxes', 'medium', (request, { state }) => ({
    body: paginate(
      state.inboxes.all().map((row) => ({
        inbox_id: row.inbox_id,
        inbox_name: row.inbox_name,
        inbox_type: row.inbox_type,
        access_user_count: (state.inboxUsers.get(row.inbox_id) ?? []).length,
        access_queue_count: (state.inboxQueues.get(row.inbox_id) ?? []).length,
        last_modified_time: row.last_modified_time,
        modified_by: row.modified_by,
      })),
      query(request),
      'inboxes',
      300,
    ),
  }));
  route('POST', '/contact_center/inboxes', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['inbox_name', 'inbox_description', 'inbox_type', 'inbox_content_storage_location', 'voicemail']);
    const name = stringField(body, 'inbox_name', { required: true, min: 1, max: 64 })!;
    unique(state, name);
    enumField(body, 'inbox_type', ['voicemail']);
    const row = state.inboxes.insert({
      inbox_id: state.inboxes.nextId(),
      inbox_name: name,
      inbox_description: stringField(body, 'inbox_description', { max: 256 }) ?? '',
      inbox_type: 'voicemail',
      inbox_content_storage_location: enumField(body, 'inbox_content_storage_location', LOCATIONS) ?? 'US',
      voicemail: voicemail(body, VOICEMAIL_CREATE),
      modified_by: 'api',
      last_modified_time: now(),
    });
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/inboxes/:inboxId', 'light', (request, { state }) => ({
    body: inboxOf(state, params(request).inboxId, query(request).inbox_identifier_type),
  }));
  route('PATCH', '/contact_center/inboxes/:inboxId', 'light', (request, { state }) => {
    const row = inboxOf(state, params(request).inboxId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['inbox_name', 'inbox_description', 'inbox_content_storage_location', 'voicemail']);
    const name = stringField(body, 'inbox_name', { min: 1, max: 64 });
    unique(state, name, row.inbox_id);
    const description = stringField(body, 'inbox_description', { max: 256 });
    const location = enumField(body, 'inbox_content_storage_location', LOCATIONS);
    Object.assign(row, {
      ...(name !== undefined ? { inbox_name: name } : {}),
      ...(description !== undefined ? { inbox_description: description } : {}),
      ...(location !== undefined ? { inbox_content_storage_location: location } : {}),
      voicemail: voicemail(body, VOICEMAIL_UPDATE, row.voicemail),
      modified_by: 'api',
      last_modified_time: now(),
    });
    return { status: 204 };
  });
  route('DELETE', '/contact_center/inboxes', 'light', (request, { state }) => {
    const q = query(request);
    const ids = idsOf(q.inbox_ids, 'inbox_ids', true);
    const deleteAll = q.delete_all_messages_and_inboxes === 'true' || q.delete_all_messages_and_inboxes === true;
    const moveTo = typeof q.move_to_inbox_id === 'string' && q.move_to_inbox_id !== '' ? q.move_to_inbox_id : undefined;
    if (deleteAll === (moveTo !== undefined))
      throw invalidField('delete_all_messages_and_inboxes', 'Say what happens to the messages: delete_all_messages_and_inboxes=true, or move_to_inbox_id.');
    if (moveTo !== undefined && (ids.includes(moveTo) || !state.inboxes.get(moveTo)))
      throw invalidField('move_to_inbox_id', `No other inbox ${moveTo} to move the messages to.`);
    for (const id of ids) if (!state.inboxes.get(id)) throw notFound('Inbox', id);
    for (const id of ids) {
      state.inboxes.delete(id);
      state.inboxQueues.delete(id);
      state.inboxUsers.delete(id);
    }
    return { status: 204 };
  });

  // Who can reach an inbox: queues and users, added and removed by lists of ids.
  route('GET', '/contact_center/inboxes/:inboxId/queues', 'medium', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, query(request).inbox_identifier_type);
    const queues = (state.inboxQueues.get(inbox.inbox_id) ?? []).map((id) => state.queues.get(id)).filter((queue) => queue !== undefined);
    return {
      body: paginate(
        queues.map((queue) => ({ queue_id: queue.queue_id, cc_queue_id: queue.cc_queue_id, queue_name: queue.queue_name, channel: queue.channel })),
        query(request),
        'queues',
        300,
      ),
    };
  });
  route('POST', '/contact_center/inboxes/:inboxId/queues', 'light', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['queue_ids', 'cc_queue_ids']);
    const ids = [...idsOf(body.queue_ids, 'queue_ids', false), ...idsOf(body.cc_queue_ids, 'cc_queue_ids', false)].map((id) => findQueue(state, id).queue_id);
    if (ids.length === 0) throw invalidField('queue_ids', 'Expected at least one queue id.');
    const current = state.inboxQueues.get(inbox.inbox_id) ?? [];
    state.inboxQueues.set(inbox.inbox_id, [...current, ...ids.filter((id) => !current.includes(id))]);
    return { status: 204 };
  });
  route('DELETE', '/contact_center/inboxes/:inboxId/queues', 'light', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, 'id');
    const q = query(request);
    const ids = new Set(
      [...idsOf(q.queue_ids, 'queue_ids', false), ...idsOf(q.cc_queue_ids, 'cc_queue_ids', false)].map((id) => findQueue(state, id).queue_id),
    );
    state.inboxQueues.set(
      inbox.inbox_id,
      (state.inboxQueues.get(inbox.inbox_id) ?? []).filter((id) => !ids.has(id)),
    );
    return { status: 204 };
  });
  route('GET', '/contact_center/inboxes/:inboxId/users', 'medium', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, query(request).inbox_identifier_type);
    const users = (state.inboxUsers.get(inbox.inbox_id) ?? []).map((id) => state.users.get(id)).filter((user) => user !== undefined);
    return {
      body: paginate(
        users.map((user) => ({ user_id: user.user_id, cc_user_id: user.cc_user_id, display_name: user.display_name, user_email: user.user_email })),
        query(request),
        'users',
        300,
      ),
    };
  });
  route('POST', '/contact_center/inboxes/:inboxId/users', 'light', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, query(request).inbox_identifier_type);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['user_ids']);
    const ids = idsOf(body.user_ids, 'user_ids', true);
    for (const id of ids) if (!state.users.get(id)) throw notFound('User', id);
    const current = state.inboxUsers.get(inbox.inbox_id) ?? [];
    state.inboxUsers.set(inbox.inbox_id, [...current, ...ids.filter((id) => !current.includes(id))]);
    return { status: 204 };
  });
  route('DELETE', '/contact_center/inboxes/:inboxId/users', 'light', (request, { state }) => {
    const inbox = inboxOf(state, params(request).inboxId, query(request).inbox_identifier_type);
    const ids = new Set(idsOf(query(request).user_ids, 'user_ids', true));
    state.inboxUsers.set(
      inbox.inbox_id,
      (state.inboxUsers.get(inbox.inbox_id) ?? []).filter((id) => !ids.has(id)),
    );
    return { status: 204 };
  });
}
