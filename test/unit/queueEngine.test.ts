import { check, diff } from '../../provider/engine/handlers';
import { UNKNOWN } from '../../provider/engine/normalize';

const valid = { name: 'Support', channels: ['voice', 'chat'], routingMethod: 'skills_based', maxWaitTime: 120 };

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
    ['channels', { ...valid, channels: ['fax'] }, /got \["fax"\]; item 0: each item must be one of: voice, video, chat, sms, email/],
    ['channels', { ...valid, channels: ['voice', 'voice'] }, /must not list the same value twice/],
    ['channels', { ...valid, channels: [] }, /must list at least one of/],
    ['routingMethod', { ...valid, routingMethod: 'random' }, /got "random"; expected one of: round_robin, skills_based, longest_idle, priority/],
    ['maxWaitTime', { ...valid, maxWaitTime: -5 }, /got -5; must be a whole number from 0 to 3600/],
    ['maxWaitTime', { ...valid, maxWaitTime: 1.5 }, /whole number/],
    ['maxWaitTime', { ...valid, maxWaitTime: '60' }, /got "60"; expected a number/],
    ['name', { channels: ['voice'] }, /Queue\.name is required: got nothing/],
    ['colour', { ...valid, colour: 'blue' }, /Queue has no property "colour"\. Allowed properties: name, description, channels, routingMethod, maxWaitTime/],
  ])('rejects %s with a message naming the field, value and what is allowed', async (property, news, reason) => {
    const result = await check('Queue', {}, news);
    expect(result.failures).toEqual([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]);
  });

  it('accepts boundary values and counts emoji as one character', async () => {
    const name = '🎧'.repeat(150);
    const result = await check('Queue', {}, { ...valid, name, description: '', maxWaitTime: 3600, channels: ['voice', 'video', 'chat', 'sms', 'email'] });
    expect(result.failures ?? []).toEqual([]);
  });

  it('does not reject values that are unknown during preview', async () => {
    const result = await check('Queue', {}, { ...valid, name: UNKNOWN, channels: [UNKNOWN] });
    expect(result.failures ?? []).toEqual([]);
  });
});

describe('Queue diff', () => {
  const olds = { ...valid, description: '', queueId: 'q1', createdAt: 't', __provider: 'stub' };

  it('sees no change for reordered channels, NFD names and omitted server defaults', async () => {
    const result = await diff('Queue', 'q1', { ...olds, name: 'Café' }, { name: 'Café'.normalize('NFD'), channels: ['chat', 'voice'], routingMethod: 'skills_based', maxWaitTime: 120 });
    expect(result.changes).toBe(false);
  });

  it('updates in place for description and routing changes', async () => {
    const result = await diff('Queue', 'q1', olds, { ...valid, description: 'new', maxWaitTime: 60 });
    expect(result).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it('replaces when channels change, deleting first when the name stays (names are unique)', async () => {
    expect(await diff('Queue', 'q1', olds, { ...valid, channels: ['sms'] })).toMatchObject({ changes: true, replaces: ['channels'], deleteBeforeReplace: true });
    expect(await diff('Queue', 'q1', olds, { ...valid, name: 'Other', channels: ['sms'] })).toMatchObject({ replaces: ['channels'], deleteBeforeReplace: false });
  });

  it('reports a change when a new value is unknown, without forcing replacement', async () => {
    expect(await diff('Queue', 'q1', olds, { ...valid, description: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff('Queue', 'q1', olds, { ...valid, channels: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
  });
});
