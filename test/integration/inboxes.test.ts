import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getInbox } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';
import { inboxUsersEndpoint } from '../../provider/specs/inboxSpecs';

const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const stub = { __provider: 'stub' };

describe('voicemail inboxes and who reaches them', () => {
  beforeEach(async () => {
    forgetAllListings();
    await control('POST', '/reset');
    await control('DELETE', '/requests');
  });

  it('an inbox is configured, reached by queues and users, and deleted only with a decision about its messages', async () => {
    const declared = {
      name: 'Support voicemail',
      voicemail: {
        voicemailTranscription: true,
        voicemailTimeLimit: 5,
        voicemailSendRemindersForUnresolved: { enable: true, sendAlertForUnresolvedVoicemailTimeout: 60 },
      },
      ...stub,
    };
    const inbox = await create('Inbox', (await check('Inbox', {}, declared)).inputs!);
    // The create takes some voicemail settings; the reminders are set right after it.
    expect((await control('GET', `/objects/inboxes/${inbox.id}`)).voicemail).toMatchObject({ voicemail_send_reminders_for_unresolved: { enable: true } });
    expect((await read('Inbox', inbox.id, inbox.outs!)).inputs).toMatchObject({ name: 'Support voicemail', voicemail: declared.voicemail });
    // Without a recorded time the list cannot vouch for it: a GET.
    expect((await read('Inbox', inbox.id, { ...inbox.outs!, lastModifiedTime: undefined })).inputs).toMatchObject({ voicemail: declared.voicemail });

    const queue = await create('Queue', { name: 'Voicemail queue', channel: 'voice', ...stub });
    const queues = await create('InboxQueues', (await check('InboxQueues', {}, { inboxId: inbox.id, queueIds: [queue.id], ...stub })).inputs!);
    const users = await create('InboxUsers', (await check('InboxUsers', {}, { inboxId: inbox.id, userIds: ['agent_001', 'agent_002'], ...stub })).inputs!);
    // A console admin adds a user; the exclusive set reads it as drift and puts it back.
    const client = (await import('../../provider/runtime')).getClient();
    const { endpoints } = await import('../../provider/client/endpoints');
    await client.addTo(inboxUsersEndpoint, [inbox.id], { user_ids: ['agent_009'] });
    const drifted = await read('InboxUsers', inbox.id, users.outs!);
    expect(drifted.inputs).toMatchObject({ userIds: ['agent_001', 'agent_002', 'agent_009'] });
    await update('InboxUsers', inbox.id, drifted.props!, { inboxId: inbox.id, userIds: ['agent_001', 'agent_002'], mode: 'exclusive', ...stub });
    expect((await client.listOf(inboxUsersEndpoint, [inbox.id])).map((u) => u.user_id)).toEqual(['agent_001', 'agent_002']);
    expect(await getInbox({ name: 'Support voicemail' })).toMatchObject({ inboxId: inbox.id, accessQueueCount: 1, accessUserCount: 2 });

    // No decision about the messages: refused, naming what to set.
    await expect(remove('Inbox', inbox.id, inbox.outs!)).rejects.toThrow(/Set deleteMessagesOnDelete: true, or moveMessagesOnDeleteTo/);
    expect(await control('GET', `/objects/inboxes/${inbox.id}`)).toMatchObject({ inbox_id: inbox.id });
    // Removed by a later run, which does not declare it again (a run's delete leaves what its checks declared).
    forgetAllListings();
    await remove('InboxUsers', inbox.id, users.outs!);
    await remove('InboxQueues', inbox.id, queues.outs!);
    const decided = await update('Inbox', inbox.id, inbox.outs!, {
      ...(await check('Inbox', inbox.outs!, declared)).inputs!,
      moveMessagesOnDeleteTo: 'inbox_default',
    });
    await remove('Inbox', inbox.id, decided.outs!);
    expect((await control('GET', '/objects/inboxes')).map((row: { inbox_id: string }) => row.inbox_id)).toEqual(['inbox_default']);

    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/inboxes',
        'POST /contact_center/inboxes',
        'GET /contact_center/inboxes/{inboxId}',
        'PATCH /contact_center/inboxes/{inboxId}',
        'DELETE /contact_center/inboxes',
        'GET /contact_center/inboxes/{inboxId}/queues',
        'POST /contact_center/inboxes/{inboxId}/queues',
        'DELETE /contact_center/inboxes/{inboxId}/queues',
        'GET /contact_center/inboxes/{inboxId}/users',
        'POST /contact_center/inboxes/{inboxId}/users',
        'DELETE /contact_center/inboxes/{inboxId}/users',
      ]),
    );
  });

  it('check refuses both decisions at once, and an empty exclusive set, before any call', async () => {
    const failures = async (kind: string, inputs: Record<string, unknown>) =>
      ((await check(kind, {}, { ...inputs, ...stub })).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    expect(await failures('Inbox', { name: 'X', deleteMessagesOnDelete: true, moveMessagesOnDeleteTo: 'inbox_default' })).toEqual([
      expect.stringContaining('either deleted or moved'),
    ]);
    expect(await failures('InboxUsers', { inboxId: 'i1', userIds: [] })).toEqual([expect.stringContaining('allowEmpty')]);
    expect(await failures('Inbox', { name: 'X', voicemail: { voicemailNotificationByEmail: { emails: ['not-an-email'] } } })).toEqual([
      expect.stringContaining('email'),
    ]);
    expect((await control('GET', '/requests')).total).toBe(0);
  });
});
