import { RULES, kindOf, type StackResource } from '../../policy/rules';

/** Each rule of the policy pack: a stack that breaks it (the message names the object) and one that passes. */
const resource = (kind: string, name: string, props: Record<string, unknown>, dependsOn: Record<string, string[]> = {}): StackResource => ({
  kind,
  name,
  urn: `urn:pulumi:dev::center::pulumi-nodejs:dynamic/zcc:${kind}::${name}`,
  props,
  dependsOn,
});
const urnOf = (kind: string, name: string) => `urn:pulumi:dev::center::pulumi-nodejs:dynamic/zcc:${kind}::${name}`;
const run = (name: string, resources: StackResource[], config: Record<string, unknown> = {}) => {
  const rule = RULES.find((candidate) => candidate.name === name)!;
  const defaults = Object.fromEntries(Object.entries(rule.config ?? {}).map(([key, value]) => [key, value.default]));
  return rule.check(resources, { ...defaults, ...config }).map((violation) => violation.message);
};

const cases: Array<{ rule: string; bad: StackResource[]; message: RegExp; good: StackResource[]; config?: Record<string, unknown> }> = [
  {
    rule: 'queue-follows-business-hours',
    bad: [resource('Queue', 'support', { name: 'Support', channel: 'voice' })],
    message: /Queue "support" has no QueueOperatingHours in this stack/,
    good: [
      resource('Queue', 'support', { name: 'Support', channel: 'voice' }),
      resource('Queue', 'chat', { name: 'Chat', channel: 'messaging' }),
      resource('QueueOperatingHours', 'support-hours', { queueId: undefined }, { queueId: [urnOf('Queue', 'support')] }),
    ],
  },
  {
    rule: 'queue-has-agents',
    bad: [resource('Queue', 'support', { channel: 'voice', queueId: 'q_1' }), resource('QueueMembers', 'other', { queueId: 'q_2', userIds: ['u'] })],
    message: /Queue "support" has no agents or teams in this stack/,
    // A literal id names an existing queue as well as a reference does.
    good: [resource('Queue', 'support', { channel: 'voice', queueId: 'q_1' }), resource('QueueTeams', 'teams', { queueId: 'q_1', teamIds: ['t'] })],
  },
  {
    rule: 'queue-wait-within-bounds',
    bad: [resource('Queue', 'support', { maxWaitTime: 900 })],
    message: /Queue "support" lets callers wait 900 s with nowhere to overflow to/,
    good: [resource('Queue', 'support', { maxWaitTime: 900, overflowToInboxId: 'inbox_1' }), resource('Queue', 'short', { maxWaitTime: 120 })],
  },
  {
    rule: 'queue-wait-within-bounds',
    bad: [resource('Queue', 'support', { maxWaitTime: 300 })],
    config: { maxSeconds: 120 },
    message: /Queue "support" has maxWaitTime 300 s; allowed: 30 to 120 s\./,
    good: [resource('Queue', 'support', { maxWaitTime: 90 })],
  },
  {
    rule: 'delete-decisions-declared',
    bad: [resource('Inbox', 'voicemail', { name: 'Voicemail' }), resource('User', 'ann', { email: 'ann@example.com', removeFromContactCenterOnDelete: false })],
    message: /Inbox "voicemail" does not say what its delete does: set deleteMessagesOnDelete or moveMessagesOnDeleteTo\./,
    good: [
      resource('Inbox', 'voicemail', { moveMessagesOnDeleteTo: 'inbox_2' }),
      resource('CampaignContactList', 'list', { deleteContactsOnDelete: true }),
      resource('Role', 'leads', { transferRoleId: 'role_agent' }),
    ],
  },
  {
    rule: 'no-entry-point-taken-from-outside',
    bad: [resource('FlowEntryPoints', 'main', { flowId: 'f', takeFrom: ['flow_seed_voice'] })],
    message: /FlowEntryPoints "main" takes entry points from flows outside this stack \(takeFrom: flow_seed_voice\)/,
    good: [resource('FlowEntryPoints', 'main', { flowId: 'f', takeFrom: [] })],
  },
  {
    rule: 'published-flow-has-entry-point',
    bad: [resource('Flow', 'ivr', { name: 'IVR' })],
    message: /Flow "ivr" is published but no FlowEntryPoints in this stack reaches it/,
    good: [
      resource('Flow', 'ivr', { name: 'IVR' }),
      resource('Flow', 'draft', { name: 'Draft', publish: false }),
      resource('FlowEntryPoints', 'main', { flowId: undefined }, { flowId: [urnOf('Flow', 'ivr')] }),
    ],
  },
  {
    rule: 'user-has-role',
    bad: [resource('User', 'ann', { email: 'ann@example.com' })],
    message: /User "ann" has no role declared/,
    good: [
      resource('User', 'ann', { email: 'ann@example.com' }),
      resource('User', 'bob', { email: 'bob@example.com', roleId: 'role_agent' }),
      resource('RoleUsers', 'leads', { roleId: 'r', userIds: [undefined] }, { userIds: [urnOf('User', 'ann')] }),
    ],
  },
  {
    rule: 'no-plaintext-credentials',
    bad: [
      resource('Flow', 'ivr', { definition: { nodes: [{ id: 'crm', headers: { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz' } }] } }),
      resource('Variable', 'key', { defaultValue: 'AKIAABCDEFGHIJKLMNOP' }),
    ],
    message: /Flow "ivr" holds a bearer token in plain text at definition\.nodes\[0\]\.headers\.Authorization/,
    good: [
      resource('Flow', 'ivr', { definition: { nodes: [{ id: 'crm', headers: { Authorization: '{{crm_token}}' } }] } }),
      resource('Variable', 'tier', { name: 'password_hint', defaultValue: 'ask the lead' }),
    ],
  },
  {
    rule: 'exclusive-set-not-emptied',
    bad: [resource('QueueMembers', 'emptied', { queueId: 'q', userIds: [], allowEmpty: true })],
    message: /QueueMembers "emptied" is empty with allowEmpty: true/,
    good: [
      resource('QueueMembers', 'kept', { queueId: 'q', userIds: ['u'], allowEmpty: true }),
      resource('QueueMembers', 'none', { queueId: 'q', userIds: [], mode: 'additive' }),
    ],
  },
  {
    rule: 'campaign-honours-do-not-contact',
    bad: [resource('OutboundCampaign', 'renewals', { name: 'Renewals', dncListIds: [] })],
    message: /OutboundCampaign "renewals" names no do-not-contact list: set dncListIds\./,
    good: [resource('OutboundCampaign', 'renewals', { name: 'Renewals', dncListIds: ['dnc_1'] })],
  },
];

describe('the policy pack rules', () => {
  it.each(cases.map((entry) => [entry.rule, entry] as const))('%s fails a stack that breaks it and passes one that keeps it', (_name, entry) => {
    const failed = run(entry.rule, entry.bad, entry.config);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.join('\n')).toMatch(entry.message);
    expect(run(entry.rule, entry.good, entry.config)).toEqual([]);
  });

  it('covers every rule, each with a description, and reads both resource tokens', () => {
    expect(new Set(cases.map((entry) => entry.rule))).toEqual(new Set(RULES.map((rule) => rule.name)));
    expect(RULES.length).toBeGreaterThanOrEqual(8);
    for (const rule of RULES) expect(rule.description.length).toBeGreaterThan(30);
    expect(kindOf('pulumi-nodejs:dynamic/zcc:Queue')).toBe('Queue');
    expect(kindOf('zcc:index:Queue')).toBe('Queue');
    expect(kindOf('aws:s3/bucket:Bucket')).toBeUndefined();
  });

  it('never prints the credential it found, and escapes hostile names', () => {
    const [message] = run('no-plaintext-credentials', [resource('Variable', 'x\u001b[31m', { defaultValue: 'Bearer abcdefghijklmnopqrstuvwxyz' })]);
    expect(message).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(message).not.toContain('\u001b');
  });
});
