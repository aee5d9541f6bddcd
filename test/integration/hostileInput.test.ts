import { check, create, read, remove, update } from '../../provider/handlers';
import { resetRuntime } from '../../provider/runtime';
import { control, useEmulatorEnv } from './emulatorEnv';

/**
 * Hostile and careless input, through the engine exactly as the dynamic provider calls it. Each case says what
 * must happen — rejected at check, or handled safely (a clear error, or a success) — and the emulator's log
 * must show that no request went anywhere but the intended path.
 */
const emulator = useEmulatorEnv({ plan: 'business' });

type Outcome = { rejected: RegExp } | { handled: RegExp | 'ok'; paths: RegExp[] };
interface Case {
  name: string;
  run: () => Promise<unknown>;
  expect: Outcome;
  /** Set-up against the emulator before the case runs (faults, env). */
  before?: () => Promise<void> | void;
  after?: () => Promise<void> | void;
}

const queue = { name: 'Support', channel: 'voice' };
const flow = { name: 'IVR', definition: { studioType: 0, start: {} } };
const category = { name: 'Languages', skillType: 'text' };
const skill = { name: 'German', skillCategoryId: 'cat_language' };
const profile = { name: 'Frontline' };
const consumerProfile = { name: 'VIP first' };
const members = { queueId: 'q1', userIds: ['agent_001'] };
const membership = { queueId: 'q1', userId: 'agent_001' };

/** check() of a create: rejected means failures naming the property, and never the raw control character. */
// A new queue's check reads the queue list (does its name exist already?): the one path it may reach.
const QUEUE_LIST = /^\/v2\/contact_center\/queues$/;
const checked = (kind: string, inputs: Record<string, unknown>) => async () => {
  const result = await check(kind, {}, inputs);
  if (result.failures?.length) throw new Error(result.failures.map((f) => `[${f.property}] ${f.reason}`).join(' | '));
  return result;
};
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { next: nested(depth - 1) });
const ID_RULE = /an id is 1 to 128 letters, digits/;
const PATH_REFUSED = /Refusing to build an API path: .* is invalid: got /;
const CONTROL = /must not contain control characters/;

const cases: Case[] = [
  // Ids at check: every property that becomes a path segment, and adoptId on every kind.
  {
    name: 'QueueMembers queueId ".."',
    run: checked('QueueMembers', { ...members, queueId: '..' }),
    expect: { rejected: /QueueMembers\.queueId is invalid: got "\.\."/ },
  },
  { name: 'QueueMembers queueId "."', run: checked('QueueMembers', { ...members, queueId: '.' }), expect: { rejected: ID_RULE } },
  {
    name: 'QueueMembers userIds [".."]',
    run: checked('QueueMembers', { ...members, userIds: ['..'] }),
    expect: { rejected: /QueueMembers\.userIds\[0\] is invalid: got "\.\."; an id is/ },
  },
  { name: 'QueueMembers userIds with a slash', run: checked('QueueMembers', { ...members, userIds: ['agent_001/../x'] }), expect: { rejected: ID_RULE } },
  { name: 'QueueAgent queueId ".."', run: checked('QueueAgent', { ...membership, queueId: '..' }), expect: { rejected: ID_RULE } },
  { name: 'QueueAgent userId "../agent_005"', run: checked('QueueAgent', { ...membership, userId: '../agent_005' }), expect: { rejected: ID_RULE } },
  {
    name: 'QueueAgent adoptId "../agent_005"',
    run: checked('QueueAgent', { ...membership, adoptId: '../agent_005' }),
    expect: { rejected: /QueueAgent\.adoptId is invalid: in "\.\.\/agent_005"/ },
  },
  {
    name: 'QueueAgent adoptId "q1/.."',
    run: checked('QueueAgent', { ...membership, adoptId: 'q1/..' }),
    expect: { rejected: /adoptId is invalid: in "q1\/\.\."/ },
  },
  {
    name: 'QueueAgent adoptId with two slashes',
    run: checked('QueueAgent', { ...membership, adoptId: 'q1/a/b' }),
    expect: { rejected: /a membership id is "<queueId>\/<userId>"/ },
  },
  { name: 'Queue adoptId ".."', run: checked('Queue', { ...queue, adoptId: '..' }), expect: { rejected: /Queue\.adoptId is invalid: got "\.\."/ } },
  { name: 'Flow adoptId ".."', run: checked('Flow', { ...flow, adoptId: '..' }), expect: { rejected: /Flow\.adoptId is invalid/ } },
  {
    name: 'AgentRoutingProfile adoptId "."',
    run: checked('AgentRoutingProfile', { ...profile, adoptId: '.' }),
    expect: { rejected: /AgentRoutingProfile\.adoptId is invalid/ },
  },
  {
    name: 'ConsumerRoutingProfile adoptId ".."',
    run: checked('ConsumerRoutingProfile', { ...consumerProfile, adoptId: '..' }),
    expect: { rejected: /ConsumerRoutingProfile\.adoptId is invalid/ },
  },
  {
    name: 'QueueSupervisor adoptId "../agent_001"',
    run: checked('QueueSupervisor', { queueId: 'q1', userId: 'agent_001', adoptId: '../agent_001' }),
    expect: { rejected: /QueueSupervisor\.adoptId is invalid/ },
  },
  {
    name: 'QueueSupervisors userIds [".."]',
    run: checked('QueueSupervisors', { queueId: 'q1', userIds: ['..'] }),
    expect: { rejected: /QueueSupervisors\.userIds\[0\] is invalid/ },
  },
  { name: 'Skill adoptId "%2e%2e"', run: checked('Skill', { ...skill, adoptId: '%2e%2e' }), expect: { rejected: /Skill\.adoptId is invalid: got "%2e%2e"/ } },
  {
    name: 'SkillCategory adoptId "a/b"',
    run: checked('SkillCategory', { ...category, adoptId: 'a/b' }),
    expect: { rejected: /SkillCategory\.adoptId is invalid/ },
  },
  { name: 'Queue adoptId of 129 characters', run: checked('Queue', { ...queue, adoptId: 'q'.repeat(129) }), expect: { rejected: ID_RULE } },
  { name: 'Queue adoptId with NUL', run: checked('Queue', { ...queue, adoptId: 'q1\u0000' }), expect: { rejected: /got "q1\\u0000"/ } },
  { name: 'Queue adoptId with ESC sequences', run: checked('Queue', { ...queue, adoptId: 'q\u001b[2J' }), expect: { rejected: /got "q\\u001b\[2J"/ } },
  { name: 'Skill skillCategoryId ".."', run: checked('Skill', { ...skill, skillCategoryId: '..' }), expect: { rejected: /Skill\.skillCategoryId is invalid/ } },
  {
    name: 'AgentRoutingProfile priority skillCategoryId ".."',
    run: checked('AgentRoutingProfile', { ...profile, priorities: [{ categoryType: 'skill', skillCategoryId: '..' }] }),
    expect: { rejected: /AgentRoutingProfile\.priorities\[0\]\.skillCategoryId is invalid: got "\.\."; an id is/ },
  },
  {
    name: 'Queue agentRoutingProfileId "../x"',
    run: checked('Queue', { ...queue, agentRoutingProfileId: '../x' }),
    expect: { rejected: /Queue\.agentRoutingProfileId is invalid/ },
  },

  // Ids from state or other resources' outputs never reach check: the path builder refuses them.
  { name: 'read Queue with state id ".."', run: () => read('Queue', '..', queue), expect: { handled: PATH_REFUSED, paths: [] } },
  { name: 'delete Queue with state id ".."', run: () => remove('Queue', '..', queue), expect: { handled: PATH_REFUSED, paths: [] } },
  {
    name: 'update Skill with state id "../categories/x"',
    run: () => update('Skill', '../categories/x', skill, { ...skill, name: 'Deutsch' }),
    expect: { handled: PATH_REFUSED, paths: [] },
  },
  { name: 'read QueueMembers with state id ".."', run: () => read('QueueMembers', '..', members), expect: { handled: PATH_REFUSED, paths: [] } },
  {
    name: 'delete QueueAgent with state id "../agent_005"',
    run: () => remove('QueueAgent', '../agent_005', membership),
    expect: { handled: PATH_REFUSED, paths: [] },
  },
  { name: 'read Flow with state id "."', run: () => read('Flow', '.', flow), expect: { handled: PATH_REFUSED, paths: [] } },
  {
    name: 'delete AgentRoutingProfile with state id "a/b"',
    run: () => remove('AgentRoutingProfile', 'a/b', profile),
    expect: { handled: PATH_REFUSED, paths: [] },
  },
  {
    name: 'read ConsumerRoutingProfile with state id ".."',
    run: () => read('ConsumerRoutingProfile', '..', consumerProfile),
    expect: { handled: PATH_REFUSED, paths: [] },
  },
  {
    name: 'create QueueMembers whose queueId output is ".."',
    run: () => create('QueueMembers', { ...members, queueId: '..' }),
    expect: { handled: PATH_REFUSED, paths: [] },
  },

  // Names and descriptions: control, bidi and invisible characters are refused; ordinary Unicode is kept.
  { name: 'Queue name with NUL', run: checked('Queue', { ...queue, name: 'Sup\u0000port' }), expect: { rejected: CONTROL } },
  { name: 'Queue name with ESC', run: checked('Queue', { ...queue, name: '\u001b[31mRed' }), expect: { rejected: CONTROL } },
  { name: 'Queue name with CR/LF', run: checked('Queue', { ...queue, name: 'Support\r\nDeployment succeeded' }), expect: { rejected: CONTROL } },
  { name: 'Queue description with BEL', run: checked('Queue', { ...queue, description: 'ring\u0007' }), expect: { rejected: CONTROL } },
  { name: 'Queue name with a right-to-left override', run: checked('Queue', { ...queue, name: 'Support\u202egnp.exe' }), expect: { rejected: CONTROL } },
  {
    name: 'Queue name of zero-width spaces only',
    run: checked('Queue', { ...queue, name: '\u200b\u200b' }),
    expect: { rejected: /Queue\.name is invalid: got "\\u200b\\u200b"; must contain a visible character/ },
  },
  { name: 'SkillCategory name with a bidi isolate', run: checked('SkillCategory', { ...category, name: '\u2066Languages' }), expect: { rejected: CONTROL } },
  { name: 'Flow name with ESC', run: checked('Flow', { ...flow, name: 'IVR\u001b]0;owned\u0007' }), expect: { rejected: CONTROL } },
  { name: 'AgentRoutingProfile description with CR', run: checked('AgentRoutingProfile', { ...profile, description: 'a\rb' }), expect: { rejected: CONTROL } },
  {
    name: 'Skill name of a byte-order mark only',
    run: checked('Skill', { ...skill, name: '\ufeff' }),
    expect: { rejected: /Skill\.name is invalid: got "\\ufeff"; must not be empty/ },
  },
  {
    name: 'Queue name with emoji and joiners',
    run: checked('Queue', { ...queue, name: 'Family 👨‍👩‍👧 support 🎧' }),
    expect: { handled: 'ok', paths: [QUEUE_LIST] },
  },
  { name: 'Queue name in CJK', run: checked('Queue', { ...queue, name: '客户服务' }), expect: { handled: 'ok', paths: [QUEUE_LIST] } },
  { name: 'Queue name in Hebrew (RTL)', run: checked('Queue', { ...queue, name: 'שירות לקוחות' }), expect: { handled: 'ok', paths: [QUEUE_LIST] } },

  // Flow definitions: plain JSON only, with the JSON path of what is not.
  {
    name: 'Flow definition with a __proto__ key',
    run: checked('Flow', { ...flow, definition: JSON.parse('{"start":{"__proto__":{"polluted":true}}}') }),
    expect: { rejected: /definition\["start"\]\["__proto__"\]: the key "__proto__" is not allowed/ },
  },
  {
    name: 'Flow definition with a constructor key',
    run: checked('Flow', { ...flow, definition: { constructor: { x: 1 } } }),
    expect: { rejected: /the key "constructor" is not allowed/ },
  },
  {
    name: 'Flow definition with a nested prototype key',
    run: checked('Flow', { ...flow, definition: { nodes: [{ prototype: 1 }] } }),
    expect: { rejected: /definition\["nodes"\]\[0\]\["prototype"\]/ },
  },
  {
    name: 'Flow definition with NaN',
    run: checked('Flow', { ...flow, definition: { timeout: NaN } }),
    expect: { rejected: /definition\["timeout"\] is NaN; JSON has only finite numbers/ },
  },
  {
    name: 'Flow definition with Infinity',
    run: checked('Flow', { ...flow, definition: { a: [1, Infinity] } }),
    expect: { rejected: /definition\["a"\]\[1\] is Infinity/ },
  },
  {
    name: 'Flow definition with a BigInt',
    run: checked('Flow', { ...flow, definition: { big: BigInt(1) } }),
    expect: { rejected: /definition\["big"\] is a bigint/ },
  },
  {
    name: 'Flow definition with a Date',
    run: checked('Flow', { ...flow, definition: { at: new Date(0) } }),
    expect: { rejected: /definition\["at"\] is a Date, not a plain JSON object/ },
  },
  {
    name: 'Flow definition with a function',
    run: checked('Flow', { ...flow, definition: { run: () => 1 } }),
    expect: { rejected: /definition\["run"\] is a function/ },
  },
  {
    name: 'Flow definition with a symbol',
    run: checked('Flow', { ...flow, definition: { s: Symbol('x') } }),
    expect: { rejected: /definition\["s"\] is a symbol/ },
  },
  {
    name: 'Flow definition over 10 MB',
    run: checked('Flow', { ...flow, definition: { blob: 'x'.repeat(10 * 1024 * 1024) } }),
    expect: { rejected: /bytes as JSON; Zoom imports flow files up to 10485760 bytes/ },
  },
  {
    name: 'Flow definition nested 300 deep',
    run: checked('Flow', { ...flow, definition: nested(300) as Record<string, unknown> }),
    expect: { rejected: /nested more than 200 levels deep/ },
  },

  // Membership: an empty exclusive set must be asked for.
  {
    name: 'QueueMembers exclusive and empty',
    run: checked('QueueMembers', { queueId: 'q1', userIds: [] }),
    expect: { rejected: /is empty in exclusive mode.*Set allowEmpty: true/ },
  },
  {
    name: 'QueueMembers additive and empty',
    run: checked('QueueMembers', { queueId: 'q1', userIds: [], mode: 'additive' }),
    expect: { handled: 'ok', paths: [] },
  },

  // Server text and configuration.
  {
    name: 'server error text with ESC sequences is escaped',
    before: () =>
      control(emulator(), 'POST', '/faults', {
        method: 'GET',
        path: '/queues/q_esc$',
        action: 'respond',
        status: 400,
        code: 300,
        message: 'bad\u001b[2J\u001b[1;1HDeployment succeeded',
      }),
    run: () => read('Queue', 'q_esc', queue),
    // The queue list first (list-backed reads), then the queue itself.
    expect: {
      handled: /HTTP 400 \(code 300\): bad\\u001b\[2J\\u001b\[1;1HDeployment succeeded/,
      paths: [/^\/v2\/contact_center\/queues$/, /^\/v2\/contact_center\/queues\/q_esc$/],
    },
    after: () => control(emulator(), 'DELETE', '/faults'),
  },
  {
    name: 'adopting a missing queue reads only that queue',
    run: () => create('Queue', { ...queue, adoptId: 'no_such_queue' }),
    expect: { handled: /Queue cannot adopt no_such_queue/, paths: [/^\/v2\/contact_center\/queues\/no_such_queue$/] },
  },
  {
    name: 'baseUrl with a user name and password is refused without repeating the password',
    before: () => {
      process.env.ZCC_BASE_URL = emulator().baseUrl.replace('http://', 'http://admin:Pa55word@');
      resetRuntime();
    },
    run: () => read('Queue', 'q1', queue),
    expect: { handled: /zcc:baseUrl \/ ZCC_BASE_URL must not contain a user name or password \(got "http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1/, paths: [] },
    after: () => {
      process.env.ZCC_BASE_URL = emulator().baseUrl;
      resetRuntime();
    },
  },
];

describe(`hostile input: ${cases.length} cases, none reaching a path other than the intended one`, () => {
  const tally = { rejected: 0, handled: 0, wrongPath: 0 };
  afterAll(() =>
    console.log(
      `hostile input: ${cases.length} cases — ${tally.rejected} rejected at check with 0 API calls, ${tally.handled} handled safely, ${tally.wrongPath} requests to an unintended path`,
    ),
  );

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await testCase.before?.();
    await control(emulator(), 'DELETE', '/requests');
    let error: Error | undefined;
    try {
      await testCase.run();
    } catch (caught) {
      error = caught as Error;
    } finally {
      await testCase.after?.();
    }
    const log = (await control(emulator(), 'GET', '/requests')) as { entries: Array<{ method: string; path: string }> };
    const apiCalls = log.entries.filter((entry) => entry.path !== '/oauth/token');
    if ('rejected' in testCase.expect) {
      expect(error?.message).toMatch(testCase.expect.rejected);
      expect(log.entries).toEqual([]);
      tally.rejected += 1;
    } else {
      if (testCase.expect.handled === 'ok') expect(error).toBeUndefined();
      else expect(error?.message).toMatch(testCase.expect.handled);
      const allowed = testCase.expect.paths;
      const wrong = apiCalls.filter((entry) => !allowed.some((pattern) => pattern.test(entry.path)));
      tally.wrongPath += wrong.length;
      expect(wrong).toEqual([]);
      tally.handled += 1;
    }
    // Whatever the outcome, the message is safe to print: no raw control or bidi character.
    expect(error?.message ?? '').not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('has at least 40 cases over every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const kinds = [
      'Queue',
      'SkillCategory',
      'Skill',
      'Flow',
      'AgentRoutingProfile',
      'ConsumerRoutingProfile',
      'QueueMembers',
      'QueueAgent',
      'QueueSupervisors',
      'QueueSupervisor',
    ];
    for (const kind of kinds) expect(cases.some((c) => c.name.includes(kind))).toBe(true);
  });
});
