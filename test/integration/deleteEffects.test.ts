import { check, create, diff, read } from '../../provider/handlers';
import { UNKNOWN } from '../../provider/engine/compare';
import { forgetAllListings } from '../../provider/engine/listings';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

/**
 * What deleting a resource does beyond the object is recorded at check as the input `onDelete`: Pulumi shows a
 * deleted resource's recorded inputs in `destroy --preview-only` and runs no provider code then, so this is how
 * that preview names messages deleted, members removed and numbers left on no flow. It never makes a diff.
 */
const emulator = useEmulatorEnv({ plan: 'unlimited' });
const stub = { __provider: 'stub' };
const onDelete = async (kind: string, inputs: Record<string, unknown>) => {
  const result = await check(kind, {}, { ...inputs, ...stub });
  expect(result.failures ?? []).toEqual([]);
  return result.inputs!.onDelete;
};

beforeEach(async () => {
  forgetAllListings();
  await callControl(emulator(), 'POST', '/reset');
});

describe('onDelete: what a delete does, recorded for destroy --preview-only', () => {
  it('names the members a set removes, the messages an inbox deletes or moves, the numbers a flow lets go', async () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await onDelete('QueueMembers', { queueId: 'q1', userIds: ['agent_001', UNKNOWN] })).toBe(
        'removes from its Queue: userIds agent_001, 1 known after up',
      );
      expect(await onDelete('UserSkills', { userId: 'agent_001', skills: [{ skillId: 's1', proficiencyLevel: 2 }] })).toBe('removes from its User: skills s1');
      expect(await onDelete('Inbox', { name: 'Voicemail', deleteMessagesOnDelete: true })).toBe('deletes the inbox and every voicemail message in it');
      expect(await onDelete('Inbox', { name: 'Voicemail', moveMessagesOnDeleteTo: 'inbox_2' })).toBe(
        'moves its voicemail messages to inbox inbox_2, then deletes the inbox',
      );
      expect(await onDelete('Inbox', { name: 'Voicemail' })).toBe('refused: deleting the inbox needs deleteMessagesOnDelete or moveMessagesOnDeleteTo');
      expect(await onDelete('FlowEntryPoints', { flowId: UNKNOWN, entryPoints: [{ entryId: 'ep_phone_9' }] })).toBe(
        'leaves entry points ep_phone_9 reaching no flow, unless a FlowEntryPoints of the same run takes them',
      );
      expect(await onDelete('Queue', { name: 'Support', channel: 'voice' })).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });

  it('is never a declaration: not a diff, kept by a refresh, and what a program passes as onDelete is replaced', async () => {
    const queue = await create('Queue', { name: 'Effects', channel: 'voice', ...stub });
    const declared = { queueId: queue.id, userIds: ['agent_001'], mode: 'additive', ...stub };
    const checked = (await check('QueueMembers', {}, declared)).inputs!;
    expect((await diff('QueueMembers', queue.id, { ...checked, onDelete: 'older words' }, checked)).changes).toBe(false);
    expect((await check('QueueMembers', {}, { ...declared, onDelete: 'anything' })).inputs!.onDelete).toBe('removes from its Queue: userIds agent_001');
    const made = await create('QueueMembers', checked);
    expect(made.outs!.onDelete).toBe('removes from its Queue: userIds agent_001');
    const refreshed = await read('QueueMembers', made.id, made.outs!);
    expect(refreshed.inputs!.onDelete).toBe('removes from its Queue: userIds agent_001');
  });
});
