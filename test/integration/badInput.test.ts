import { check } from '../../provider/engine/handlers';
import { control, useEmulatorEnv } from './emulatorEnv';
import { UNKNOWN } from '../../provider/engine/normalize';

const emulator = useEmulatorEnv();

const queue = { name: 'Support', channels: ['voice'] };
const category = { name: 'Languages', skillType: 'proficiency', maxProficiencyLevel: 3 };
const skill = { name: 'German', skillCategoryId: 'cat_language' };
const flow = { name: 'IVR', channel: 'voice', definition: { start: {} } };
const profile = { name: 'Frontline' };
const members = { queueId: 'q1', agentIds: ['agent_001'] };
const membership = { queueId: 'q1', agentId: 'agent_001' };

// [kind, inputs, property, what the message must say (the value and what is allowed)]
const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['Queue', { ...queue, name: '' }, 'name', /got ""; must not be empty \(1 to 150 characters\)/],
  ['Queue', { ...queue, name: '   ' }, 'name', /got "   "; must not be empty/],
  ['Queue', { ...queue, name: 'n'.repeat(151) }, 'name', /must be at most 150 characters/],
  ['Queue', { ...queue, name: 42 }, 'name', /got 42; expected a string/],
  ['Queue', { ...queue, description: 'd'.repeat(257) }, 'description', /must be at most 256 characters/],
  ['Queue', { ...queue, channels: ['fax'] }, 'channels', /got \["fax"\]; item 0: each item must be one of: voice, video, chat, sms, email/],
  ['Queue', { ...queue, channels: 'voice' }, 'channels', /got "voice"; expected a list/],
  ['Queue', { ...queue, channels: [] }, 'channels', /got \[\]; must list at least one of/],
  ['Queue', { ...queue, channels: ['chat', 'chat'] }, 'channels', /must not list the same value twice/],
  ['Queue', { ...queue, routingMethod: 'random' }, 'routingMethod', /got "random"; expected one of: round_robin, skills_based, longest_idle, priority/],
  ['Queue', { ...queue, maxWaitTime: -1 }, 'maxWaitTime', /got -1; must be a whole number from 0 to 3600/],
  ['Queue', { ...queue, maxWaitTime: 1e9 }, 'maxWaitTime', /got 1000000000; must be a whole number from 0 to 3600/],
  ['Queue', { ...queue, maxWaitTime: 2.5 }, 'maxWaitTime', /got 2.5; must be a whole number/],
  ['Queue', { ...queue, colour: 'blue' }, 'colour', /Queue has no property "colour"\. Allowed properties: name, description, channels, routingMethod, maxWaitTime, adoptId/],
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
  ['Flow', { ...flow, channel: 'pigeon' }, 'channel', /got "pigeon"; expected one of: voice, video, chat, sms, email/],
  ['Flow', { ...flow, publish: 'yes' }, 'publish', /got "yes"; expected true or false/],
  ['RoutingProfile', { ...profile, queueIds: ['q1', 'q1'] }, 'queueIds', /must not list the same queue twice/],
  ['RoutingProfile', { ...profile, queueIds: 'q1' }, 'queueIds', /got "q1"; expected a list of queue ids/],
  ['QueueMembers', { ...members, agentIds: ['agent_001', 'agent_001'] }, 'agentIds', /must not list the same agent twice/],
  ['QueueMembers', { ...members, mode: 'sometimes' }, 'mode', /got "sometimes"; expected one of: exclusive, additive/],
  ['QueueMembers', { ...members, agentIds: [''] }, 'agentIds', /item 0: an id is 1 to 128 letters/],
  ['QueueAgent', { ...membership, agentId: 7 }, 'agentId', /got 7; expected a string/],
  ['QueueAgent', { queueId: 'q1' }, 'agentId', /is required: got nothing/],
];

const valid: Array<[string, Record<string, unknown>]> = [
  ['Queue', { name: 'q', channels: ['voice', 'video', 'chat', 'sms', 'email'], maxWaitTime: 0, description: '' }],
  ['Queue', { name: 'n'.repeat(150), channels: ['voice'], maxWaitTime: 3600, description: 'd'.repeat(256) }],
  ['Queue', { name: '🎧'.repeat(150), channels: ['chat'] }],
  ['Queue', { name: 'دعم العملاء', channels: ['chat'] }],
  ['Queue', { name: 'Café'.normalize('NFD'), channels: ['chat'] }],
  ['SkillCategory', { name: 'L', skillType: 'proficiency', maxProficiencyLevel: 1 }],
  ['SkillCategory', { name: 'L', skillType: 'proficiency', maxProficiencyLevel: 5 }],
  ['Flow', { name: 'F', channel: 'voice', definition: {}, publish: false }],
  ['QueueMembers', { queueId: 'q1', agentIds: [], mode: 'additive' }],
  ['Queue', { name: UNKNOWN, channels: [UNKNOWN], maxWaitTime: UNKNOWN }],
];

describe(`bad input: ${invalid.length} invalid inputs rejected at check, before any API call`, () => {
  it.each(invalid)('%s %j is rejected on %s', async (kind, inputs, property, message) => {
    const result = await check(kind, {}, inputs);
    expect(result.failures).toEqual([expect.objectContaining({ property, reason: expect.stringMatching(message) })]);
    expect(result.failures![0].reason).toContain(property);
  });

  it.each(valid)('%s boundary value %j passes', async (kind, inputs) => {
    expect((await check(kind, {}, inputs)).failures ?? []).toEqual([]);
  });

  it('made zero API calls for all of the above', async () => {
    const log = (await control(emulator(), 'GET', '/requests')) as { total: number };
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    expect(log.total).toBe(0);
  });
});
