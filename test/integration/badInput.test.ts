import { check } from '../../provider/handlers';
import { control, useEmulatorEnv } from './emulatorEnv';
import { UNKNOWN } from '../../provider/engine/compare';

const emulator = useEmulatorEnv();

const queue = { name: 'Support', channel: 'voice' };
const category = { name: 'Languages', skillType: 'proficiency', maxProficiencyLevel: 3 };
const skill = { name: 'German', skillCategoryId: 'cat_language' };
const flow = { name: 'IVR', definition: { studioType: 0, start: {} } };
const profile = { name: 'Frontline' };
const members = { queueId: 'q1', userIds: ['agent_001'] };
const membership = { queueId: 'q1', userId: 'agent_001' };

// [kind, inputs, property (with the path inside it), what the message must say (the value and what is allowed)]
const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['Queue', { ...queue, name: '' }, 'name', /got ""; must not be empty \(1 to 150 characters\)/],
  ['Queue', { ...queue, name: '   ' }, 'name', /got "   "; must not be empty/],
  ['Queue', { ...queue, name: 'n'.repeat(151) }, 'name', /must be at most 150 characters/],
  ['Queue', { ...queue, name: 42 }, 'name', /got 42; expected a string/],
  ['Queue', { ...queue, description: 'd'.repeat(257) }, 'description', /must be at most 256 characters/],
  ['Queue', { ...queue, channel: 'fax' }, 'channel', /got "fax"; expected one of: voice, video, messaging, email, work_item/],
  ['Queue', { ...queue, channel: ['voice'] }, 'channel', /Queue\.channel is invalid: got \["voice"\]; expected one of/],
  ['Queue', { ...queue, distributionType: 'round_robin' }, 'distributionType', /got "round_robin"; expected a number/],
  ['Queue', { ...queue, overflowToQueueId: '..' }, 'overflowToQueueId', /got "\.\."; an id is/],
  ['Queue', { ...queue, shortAbandon: { enable: 'yes' } }, 'shortAbandon.enable', /Queue\.shortAbandon\.enable is invalid: got "yes"; expected true or false/],
  ['Queue', { ...queue, maxWaitTime: -1 }, 'maxWaitTime', /got -1; must be a whole number from 0 to 86400/],
  ['Queue', { ...queue, maxWaitTime: 1e9 }, 'maxWaitTime', /got 1000000000; must be a whole number from 0 to 86400/],
  ['Queue', { ...queue, maxWaitTime: 2.5 }, 'maxWaitTime', /got 2.5; must be a whole number/],
  [
    'Queue',
    { ...queue, colour: 'blue' },
    'colour',
    /^Queue has no property "colour"\. Allowed properties: name, .*, … \(\d+ more in docs\/resources\.md#queue\)\.$/,
  ],
  ['Queue', { ...queue, adoptId: '' }, 'adoptId', /got ""; expected the id of an existing Queue/],
  ['SkillCategory', { ...category, skillType: 'numeric' }, 'skillType', /got "numeric"; expected one of: text, proficiency/],
  ['SkillCategory', { ...category, maxProficiencyLevel: 0 }, 'maxProficiencyLevel', /got 0; must be a whole number from 1 to 5/],
  ['SkillCategory', { ...category, maxProficiencyLevel: 6 }, 'maxProficiencyLevel', /got 6; must be a whole number from 1 to 5/],
  ['SkillCategory', { name: 'L', skillType: 'proficiency' }, 'maxProficiencyLevel', /required when skillType is "proficiency"/],
  ['SkillCategory', { name: 'L', skillType: 'text', maxProficiencyLevel: 2 }, 'maxProficiencyLevel', /only allowed when skillType is "proficiency"; got 2/],
  ['SkillCategory', { ...category, name: 'x'.repeat(65) }, 'name', /must be at most 64 characters/],
  ['Skill', { ...skill, skillCategoryId: '' }, 'skillCategoryId', /got ""; an id is 1 to 128 letters/],
  ['Skill', { name: 'German' }, 'skillCategoryId', /is required: got nothing/],
  ['Skill', { ...skill, name: null }, 'name', /got null; expected a string/],
  ['Flow', { ...flow, definition: '{"start": ' }, 'definition', /got "\{\\"start\\": "; expected a JSON object/],
  ['Flow', { ...flow, definition: [1, 2] }, 'definition', /got \[1,2\]; expected a JSON object/],
  ['Flow', { ...flow, definition: { studioType: 9 } }, 'definition', /definition\.studioType must be one of 0, 1, 2, 3, 4/],
  ['Flow', { ...flow, channel: 'voice' }, 'channel', /Flow has no property "channel"/],
  ['Flow', { ...flow, publish: 'yes' }, 'publish', /got "yes"; expected true or false/],
  ['AgentRoutingProfile', { ...profile, priorities: [{ categoryType: 'team' }] }, 'priorities[0].categoryType', /got "team"; expected one of: skill, intent/],
  ['AgentRoutingProfile', { ...profile, priorities: [{ categoryType: 'skill' }] }, 'priorities', /item 0: categoryType "skill" needs skillCategoryId/],
  ['AgentRoutingProfile', { ...profile, waitTimeAgentInSeconds: -1 }, 'waitTimeAgentInSeconds', /got -1; must be a whole number from 0 to 86400/],
  [
    'ConsumerRoutingProfile',
    { name: 'C', accumulatedPriorities: [{ attributeType: 'new_customer' }] },
    'accumulatedPriorities[0].incrementalRate',
    /is required: got nothing; expected a number/,
  ],
  [
    'ConsumerRoutingProfile',
    { name: 'C', topPriorities: [{ attributeType: 'vip' }] },
    'topPriorities[0].attributeType',
    /got "vip"; expected one of: address_book_contacts/,
  ],
  ['QueueMembers', { ...members, userIds: ['agent_001', 'agent_001'] }, 'userIds', /must not list the same user twice/],
  ['QueueMembers', { ...members, mode: 'sometimes' }, 'mode', /got "sometimes"; expected one of: exclusive, additive/],
  ['QueueMembers', { ...members, userIds: [''] }, 'userIds[0]', /got ""; an id is 1 to 128 letters/],
  ['QueueAgent', { ...membership, userId: 7 }, 'userId', /got 7; expected a string/],
  ['QueueAgent', { queueId: 'q1' }, 'userId', /is required: got nothing/],
];

const valid: Array<[string, Record<string, unknown>]> = [
  ['Queue', { name: 'q', channel: 'work_item', maxWaitTime: 0, description: '' }],
  ['Queue', { name: 'n'.repeat(150), channel: 'voice', maxWaitTime: 86_400, description: 'd'.repeat(256) }],
  ['Queue', { name: '🎧'.repeat(150), channel: 'messaging' }],
  ['Queue', { name: 'دعم العملاء', channel: 'messaging' }],
  ['Queue', { name: 'Café'.normalize('NFD'), channel: 'messaging' }],
  ['SkillCategory', { name: 'L', skillType: 'proficiency', maxProficiencyLevel: 1 }],
  ['SkillCategory', { name: 'L', skillType: 'proficiency', maxProficiencyLevel: 5 }],
  ['Flow', { name: 'F', definition: { studioType: 4 }, publish: false }],
  ['QueueMembers', { queueId: 'q1', userIds: [], mode: 'additive' }],
  ['Queue', { name: UNKNOWN, channel: UNKNOWN, maxWaitTime: UNKNOWN }],
];

describe(`bad input: ${invalid.length} invalid inputs rejected at check, before any API call`, () => {
  it.each(invalid)('%s %j is rejected on %s', async (kind, inputs, property, message) => {
    const result = await check(kind, {}, inputs);
    // Pulumi prints a named property's whole value (a Go map dump for objects and lists): those are named in the
    // reason only, which quotes the bad part.
    const key = property.split(/[.[]/)[0];
    const value = inputs[key];
    const named = value !== null && typeof value === 'object' ? '' : key;
    expect(result.failures).toEqual([expect.objectContaining({ property: named, reason: expect.stringMatching(message) })]);
    expect(result.failures![0].reason).toContain(property);
    expect(result.failures![0].reason.length).toBeLessThan(200);
  });

  it('made zero API calls for all of the above', async () => {
    const log = (await control(emulator(), 'GET', '/requests')) as { total: number };
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    expect(log.total).toBe(0);
  });

  it.each(valid)('%s boundary value %j passes', async (kind, inputs) => {
    expect((await check(kind, {}, inputs)).failures ?? []).toEqual([]);
  });

  it('valid new objects only read, at check: does an object with their name exist already?', async () => {
    const log = (await control(emulator(), 'GET', '/requests')) as { entries: Array<{ method: string; path: string }> };
    expect(log.entries.filter((entry) => entry.method !== 'GET' && entry.path !== '/oauth/token')).toEqual([]);
    expect(log.entries.filter((entry) => entry.path !== '/oauth/token').map((entry) => entry.path)).toContain('/v2/contact_center/queues');
  });
});
