import { queueSchema } from './queueSpec';
import { skillUserSchema } from './skillSpecs';
import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { isNotFound } from '../client/errors';
import { shown } from '../client/printable';
import { UNKNOWN } from '../engine/compare';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { restStore } from '../engine/restStore';
import { integer, listedModificationTime, numberIn, oneOf, text, zoomId } from './fields';
import { idSetSpec } from './idSets';

export const INBOX_LOCATIONS = ['US', 'AU', 'BR', 'CA', 'DE', 'JP', 'SG'] as const;

/** A voicemail inbox: the list item (counts and time), or the GET with its voicemail settings. */
export const inboxSchema = z.object({
  inbox_id: z.string(),
  inbox_name: z.string(),
  inbox_description: z.string().optional(),
  inbox_type: z.literal('voicemail').optional(),
  inbox_content_storage_location: z.enum(INBOX_LOCATIONS).optional(),
  access_user_count: z.number().optional(),
  access_queue_count: z.number().optional(),
  voicemail: z.record(z.string(), z.unknown()).optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
export type ZccInbox = z.infer<typeof inboxSchema>;

// Deleted by DELETE /inboxes?inbox_ids=… (with what happens to the messages), not at the object's path.
export const inboxesEndpoint: Collection<z.infer<typeof inboxSchema>> = {
  path: '/contact_center/inboxes',
  objectId: 'inboxId',
  listKey: 'inboxes',
  item: inboxSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const inboxQueuesEndpoint: Collection<Partial<z.infer<typeof queueSchema>> & { queue_id: string }> = {
  path: '/contact_center/inboxes/{inboxId}/queues',
  objectId: 'queueId',
  listKey: 'queues',
  item: queueSchema.partial().extend({ queue_id: queueSchema.shape.queue_id }),
  maxPageSize: 0,
  categories: LIGHT_WRITES,
};
export const inboxUsersEndpoint: Collection<z.infer<typeof skillUserSchema>> = {
  path: '/contact_center/inboxes/{inboxId}/users',
  objectId: 'userId',
  listKey: 'users',
  item: skillUserSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Voicemail inboxes (`/inboxes`, the document's only `inbox_type`): configuration only, never messages. Deleting
 * one needs a decision about its messages, which Zoom's DELETE takes (`delete_all_messages_and_inboxes` or
 * `move_to_inbox_id`): it is an input with no default, and without one the delete is refused, saying what to set.
 */
const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();

const voicemail = z
  .strictObject({
    softDelete: flag('Keep deleted messages for a while (`soft_delete`).'),
    softDeleteDaysLimit: integer('Days deleted messages are kept (`soft_delete_days_limit`).', 0, 3650).optional(),
    voicemailTimeLimit: integer('Longest message, in minutes (`voicemail_time_limit`).', 0, 600).optional(),
    deleteVoicemailDaysLimit: integer('Days before messages are deleted (`delete_voicemail_days_limit`).', 0, 3650).optional(),
    voicemailTranscription: flag('Transcribe messages.'),
    voicemailNotificationByEmail: z
      .strictObject({
        enable: flag('Send an email for each message.'),
        includeVoicemailFile: flag('Attach the recording.'),
        includeVoicemailTranscription: flag('Include the transcription.'),
        forwardVoicemailToEmails: flag('Forward to the addresses in `emails`.'),
        emails: z
          .array(z.email({ error: 'expected an email address' }), { error: 'expected a list of email addresses' })
          .max(50)
          .describe('Where to send them.')
          .optional(),
      })
      .describe('Email notifications (`voicemail_notification_by_email`).')
      .optional(),
    greetingAudioAssetId: zoomId('Greeting audio asset (`greeting_audio_asset_id`); set after the create (the create does not take it).').optional(),
    voicemailAutoAssignment: z
      .strictObject({
        enable: flag('Assign new messages to agents.'),
        voicemailAutoAssignmentType: numberIn([1, 2, 3, 4, 5], '`voicemail_auto_assignment_type` as Zoom numbers it (1-5).').optional(),
        voicemailAutoAssignmentDuringActiveWorkSession: numberIn([0, 1], '`voicemail_auto_assignment_during_active_work_session` (0 or 1).').optional(),
        voicemailAutoAssignmentContentId: zoomId('`voicemail_auto_assignment_content_id`.').optional(),
        voicemailAutoAssignmentRoutineProfileId: zoomId('`voicemail_auto_assignment_routine_profile_id`.').optional(),
      })
      .describe('Automatic assignment (`voicemail_auto_assignment`); set after the create.')
      .optional(),
    voicemailSendRemindersForUnresolved: z
      .strictObject({
        enable: flag('Remind about unresolved messages.'),
        sendAlertForUnresolvedVoicemailTimeout: integer('After how long (`send_alert_for_unresolved_voicemail_timeout`).', 0, 100_000).optional(),
      })
      .describe('Reminders (`voicemail_send_reminders_for_unresolved`); set after the create.')
      .optional(),
  })
  .describe('Voicemail settings.');

/** What the create takes of the voicemail settings; the rest is set by a PATCH right after it. */
const CREATE_VOICEMAIL = [
  'soft_delete',
  'soft_delete_days_limit',
  'voicemail_time_limit',
  'delete_voicemail_days_limit',
  'voicemail_transcription',
  'voicemail_notification_by_email',
];

function inboxStore(): ObjectStore {
  const rest = restStore(inboxesEndpoint);
  return {
    ...rest,
    create: async (client, body) => {
      const settings = (body.voicemail as Props | undefined) ?? {};
      const later = Object.keys(settings).filter((key) => !CREATE_VOICEMAIL.includes(key));
      const created = await rest.create(client, {
        ...body,
        voicemail: Object.fromEntries(Object.entries(settings).filter(([key]) => CREATE_VOICEMAIL.includes(key))),
      });
      if (later.length === 0) return created;
      await client.updateOne(inboxesEndpoint, [String(created.inbox_id)], { voicemail: settings });
      return { ...created, voicemail: settings };
    },
    // PATCH merges voicemail settings; send them whole so a removed one does not linger.
    update: (client, id, changed, full) =>
      client.updateOne(inboxesEndpoint, [id], changed.voicemail !== undefined ? { ...changed, voicemail: full.voicemail } : changed),
    remove: async (client, id, previous) => {
      const deleteAll = previous.deleteMessagesOnDelete === true;
      const moveTo = previous.moveMessagesOnDeleteTo;
      if (!deleteAll && typeof moveTo !== 'string')
        throw new Error(
          `Inbox ${shown(String(previous.inbox_name ?? id))} (${id}) was not deleted: deleting an inbox deletes or moves its voicemail messages, and this resource does not say which. Set deleteMessagesOnDelete: true, or moveMessagesOnDeleteTo: <another inbox's id>, run \`pulumi up\`, then delete again (or set retainOnDelete to leave the inbox in ZCC).`,
        );
      try {
        await client.http.request<void>('DELETE', inboxesEndpoint.path, {
          category: inboxesEndpoint.categories.delete,
          query: deleteAll ? { inbox_ids: id, delete_all_messages_and_inboxes: 'true' } : { inbox_ids: id, move_to_inbox_id: String(moveTo) },
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

export const inboxSpec = defineSpec<ZccInbox>()({
  kind: 'Inbox',
  description:
    'A voicemail inbox (configuration only, never its messages). Deleting it needs `deleteMessagesOnDelete: true` or `moveMessagesOnDeleteTo`: without one the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`), so a preview that removes it fails before anything, its InboxQueues and InboxUsers included, is touched; set one and run `up`, then remove it. Who can reach it: InboxQueues and InboxUsers.',
  endpoint: inboxesEndpoint,
  idField: 'inbox_id',
  idOutput: 'inboxId',
  inputSchema: z.strictObject({
    name: text('Inbox name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    contentStorageLocation: oneOf(INBOX_LOCATIONS, 'Where messages are stored (`inbox_content_storage_location`); ZCC uses US when omitted.').optional(),
    voicemail: voicemail.optional(),
    deleteMessagesOnDelete: flag(
      'When this resource is deleted, delete the inbox with all its messages (`delete_all_messages_and_inboxes`). No default: set this or moveMessagesOnDeleteTo before deleting.',
    ),
    moveMessagesOnDeleteTo: zoomId("When this resource is deleted, move the inbox's messages to this inbox (`move_to_inbox_id`).").optional(),
  }),
  apiFields: { name: 'inbox_name', description: 'inbox_description', contentStorageLocation: 'inbox_content_storage_location', voicemail: 'voicemail' },
  serverDefaults: { description: '' },
  uniqueName: true,
  naturalKey: ['name'],
  references: { moveMessagesOnDeleteTo: 'Inbox', 'voicemail.greetingAudioAssetId': 'Asset' },
  onDelete: (inputs) =>
    inputs.deleteMessagesOnDelete === true
      ? 'deletes the inbox and every voicemail message in it'
      : typeof inputs.moveMessagesOnDeleteTo === 'string' && inputs.moveMessagesOnDeleteTo !== UNKNOWN
        ? `moves its voicemail messages to inbox ${inputs.moveMessagesOnDeleteTo}, then deletes the inbox`
        : inputs.moveMessagesOnDeleteTo !== undefined
          ? 'moves its voicemail messages to another inbox (known after up), then deletes the inbox'
          : 'refused: deleting the inbox needs deleteMessagesOnDelete or moveMessagesOnDeleteTo',
  crossFieldCheck: (inputs) =>
    inputs.deleteMessagesOnDelete === true && inputs.moveMessagesOnDeleteTo !== undefined
      ? [['moveMessagesOnDeleteTo', 'cannot be set with deleteMessagesOnDelete: true; the messages are either deleted or moved.']]
      : [],
  ...listedModificationTime,
  computedOutputs: (server) => ({ lastModifiedTime: server.last_modified_time }),
  exportAs: { role: 'object' },
  deleteNeedsOneOf: ['deleteMessagesOnDelete', 'moveMessagesOnDeleteTo'],
  lookup: {
    returns: {
      inboxId: { from: 'inbox_id', type: 'string', required: true, description: 'The inbox id.' },
      name: { from: 'inbox_name', type: 'string', required: true, description: 'The name.' },
      accessQueueCount: { from: 'access_queue_count', type: 'number', description: 'How many queues reach it.' },
      accessUserCount: { from: 'access_user_count', type: 'number', description: 'How many users reach it.' },
    },
  },
  outputs: {
    inboxId: { description: 'The inbox id ZCC assigned.' },
    lastModifiedTime: { description: 'When the inbox was last changed (ISO 8601), as ZCC reports it.' },
  },
  example: `const voicemailBox = new zcc.Inbox('support-voicemail', {
  name: 'Support voicemail',
  voicemail: { voicemailTranscription: true, voicemailTimeLimit: 5 },
  deleteMessagesOnDelete: true,
});`,
  store: inboxStore(),
});

export const inboxQueuesSpec = idSetSpec({
  kind: 'InboxQueues',
  description: 'The queues whose voicemail goes to one inbox.',
  endpoint: inboxQueuesEndpoint,
  parent: { kind: 'Inbox', input: 'inboxId', noun: 'inbox' },
  members: { input: 'queueIds', field: 'queue_ids', itemId: 'queue_id', kind: 'Queue', noun: 'queues' },
  example: `new zcc.InboxQueues('support-voicemail-queues', { inboxId: voicemailBox.inboxId, queueIds: [support.queueId] });`,
});

export const inboxUsersSpec = idSetSpec({
  kind: 'InboxUsers',
  description: 'The users who can open one inbox.',
  endpoint: inboxUsersEndpoint,
  parent: { kind: 'Inbox', input: 'inboxId', noun: 'inbox' },
  members: { input: 'userIds', field: 'user_ids', itemId: 'user_id', kind: 'User', noun: 'users' },
  example: `const team = zcc.getUsers({ search: '@example.com' });
new zcc.InboxUsers('support-voicemail-users', { inboxId: voicemailBox.inboxId, userIds: team.then((users) => users.slice(0, 3).map((u) => u.userId)) });`,
});
