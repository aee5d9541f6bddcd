import { check, diff } from '../../provider/handlers';
import { UNKNOWN } from '../../provider/engine/compare';

const valid = { name: 'Support', channel: 'voice', maxWaitTime: 120, distributionType: 2, shortAbandon: { enable: true, threshold: 10 } };

describe('Queue check', () => {
  it('accepts valid inputs and fills server defaults', async () => {
    const result = await check('Queue', {}, { ...valid, __provider: 'stub' });
    expect(result.failures ?? []).toEqual([]);
    expect(result.inputs).toMatchObject({ ...valid, description: '', __provider: 'stub' });
  });

  it.each([
    ['name', { ...valid, name: '' }, /Queue\.name is invalid: got ""; must not be empty/],
    ['name', { ...valid, name: 'x'.repeat(151) }, /at most 150 characters/],
    ['description', { ...valid, description: 'd'.repeat(257) }, /at most 256 characters/],
    ['channel', { ...valid, channel: 'fax' }, /got "fax"; expected one of: voice, video, messaging, email, work_item/],
    // An object or list value is quoted in the reason, not left for Pulumi to print whole: no property named.
    ['', { ...valid, channel: ['voice'] }, /Queue\.channel is invalid: got \["voice"\]; expected one of/],
    ['distributionType', { ...valid, distributionType: 8 }, /got 8; must be a whole number from 0 to 7/],
    ['maxWaitTime', { ...valid, maxWaitTime: -5 }, /got -5; must be a whole number from 0 to 86400/],
    ['maxWaitTime', { ...valid, maxWaitTime: 1.5 }, /whole number/],
    ['maxWaitTime', { ...valid, maxWaitTime: '60' }, /got "60"; expected a number/],
    [
      '',
      { ...valid, shortAbandon: { enable: true, seconds: 3 } },
      /Queue\.shortAbandon is invalid: got \{"enable":true,"seconds":3\}; Unrecognized key: "seconds"/,
    ],
    ['', { ...valid, shortAbandon: { enable: 'yes', threshold: 10 } }, /^Queue\.shortAbandon\.enable is invalid: got "yes"; expected true or false\.$/],
    ['serviceLevelTargetInPercentage', { ...valid, serviceLevelTargetInPercentage: 101 }, /from 0 to 100/],
    ['name', { channel: 'voice' }, /Queue\.name is required: got nothing/],
    ['colour', { ...valid, colour: 'blue' }, /Queue has no property "colour"\. Allowed properties: name, /],
    ['overflowToFlowId', { ...valid, overflowToQueueId: 'q2', overflowToFlowId: 'f1' }, /cannot be set together with overflowToQueueId/],
    ['messageAccept', { ...valid, messageAccept: 'auto' }, /only applies to messaging queues; this queue's channel is "voice"/],
  ])('rejects %s with a message naming the field, value and what is allowed', async (property, news, reason) => {
    const result = await check('Queue', {}, news);
    expect(result.failures).toEqual([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]);
  });

  it('accepts boundary values, messaging settings and counts emoji as one character', async () => {
    const name = '🎧'.repeat(150);
    expect((await check('Queue', {}, { ...valid, name, description: '', maxWaitTime: 86_400 })).failures ?? []).toEqual([]);
    expect(
      (await check('Queue', {}, { name: 'Chat', channel: 'messaging', messageAccept: 'auto', autoCloseTimeout: 600, overflowToGoodbyeMessage: true }))
        .failures ?? [],
    ).toEqual([]);
  });

  it('does not reject values that are unknown during preview', async () => {
    const result = await check('Queue', {}, { ...valid, name: UNKNOWN, overflowToQueueId: UNKNOWN });
    expect(result.failures ?? []).toEqual([]);
  });
});

describe('Queue diff', () => {
  const olds = { ...valid, description: '', queueId: 'q1', lastModifiedTime: 't', __provider: 'stub' };

  it('sees no change for NFD names, nested-object key order and omitted server defaults', async () => {
    const result = await diff(
      'Queue',
      'q1',
      { ...olds, name: 'Café' },
      { ...valid, name: 'Café'.normalize('NFD'), shortAbandon: { threshold: 10, enable: true } },
    );
    expect(result.changes).toBe(false);
  });

  it('updates in place for description and settings changes', async () => {
    const result = await diff('Queue', 'q1', olds, { ...valid, description: 'new', maxWaitTime: 60 });
    expect(result).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it('replaces when the channel changes, deleting first when the name stays (names are unique)', async () => {
    expect(await diff('Queue', 'q1', olds, { ...valid, channel: 'video' })).toMatchObject({ changes: true, replaces: ['channel'], deleteBeforeReplace: true });
    expect(await diff('Queue', 'q1', olds, { ...valid, name: 'Other', channel: 'video' })).toMatchObject({ replaces: ['channel'], deleteBeforeReplace: false });
  });

  it('reports a change when a new value is unknown, without forcing replacement', async () => {
    expect(await diff('Queue', 'q1', olds, { ...valid, description: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff('Queue', 'q1', olds, { ...valid, channel: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
  });
});
