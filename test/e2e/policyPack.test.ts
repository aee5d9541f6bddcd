import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

/**
 * The contact-center policy pack as users run it: `pulumi preview --policy-pack node_modules/zcc-pulumi/policy-pack`
 * (an executable: this CLI starts it directly), on the real CLI. A program that breaks mandatory rules fails the
 * preview, naming the rule and the object, and writes nothing; the same center done right passes; a rule's settings
 * come from `--policy-pack-config`.
 */
describe('the policy pack on the real Pulumi CLI', () => {
  const current = useProject('program');
  const pack = () => path.join(current().dir, 'node_modules/zcc-pulumi/policy-pack');
  const ref = (name: string, output: string) => ({ $ref: `${name}.${output}` });
  const center = (good: boolean) => [
    { kind: 'BusinessHours', name: 'office', args: { name: 'Office', timezone: 'Europe/Berlin', hours: { hourType: 'alwaysOpen' } } },
    {
      kind: 'Queue',
      name: 'support',
      args: { name: 'Support', channel: 'voice', maxWaitTime: good ? 300 : 7200 },
    },
    ...(good
      ? [
          { kind: 'QueueOperatingHours', name: 'support-hours', args: { queueId: ref('support', 'queueId'), businessHourId: ref('office', 'businessHourId') } },
          { kind: 'QueueMembers', name: 'support-agents', args: { queueId: ref('support', 'queueId'), userIds: ['agent_001'] } },
        ]
      : []),
    { kind: 'Inbox', name: 'voicemail', args: { name: 'Voicemail', ...(good ? { deleteMessagesOnDelete: true } : {}) } },
    { kind: 'VariableGroup', name: 'crm', args: { name: 'CRM' } },
    {
      kind: 'Variable',
      name: 'crm-token',
      args: {
        variableGroupId: ref('crm', 'variableGroupId'),
        name: 'crm_endpoint',
        variableType: 'global_variable',
        dataType: 'string',
        defaultValue: good ? 'https://crm.example.com' : 'Bearer abcdefghijklmnopqrstuvwxyz012345',
      },
    },
  ];

  it('fails a preview that breaks mandatory rules, naming each; passes the same center done right; reads its settings', async () => {
    const { stack, control } = current();
    await current().declare(center(false));
    await control('DELETE', '/requests');
    const bad = outputCollector();
    await expect(stack.preview({ policyPacks: [pack()], onOutput: bad.onOutput })).rejects.toThrow();
    const text = bad.text();
    expect(text).toContain('queue-wait-within-bounds');
    expect(text).toContain('Queue "support" has maxWaitTime 7200 s; allowed: 30 to 3600 s.');
    expect(text).toContain('delete-decisions-declared');
    expect(text).toContain('Inbox "voicemail" does not say what its delete does: set deleteMessagesOnDelete or moveMessagesOnDeleteTo.');
    expect(text).toContain('no-plaintext-credentials');
    expect(text).toContain('Variable "crm-token" holds a bearer token in plain text at defaultValue');
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    // Advisory rules warn without failing: hours and agents.
    expect(text).toContain('queue-follows-business-hours');
    expect((await control('GET', '/requests')).writes).toBe(0);

    await current().declare(center(true));
    const good = outputCollector();
    await stack.preview({ policyPacks: [pack()], onOutput: good.onOutput });
    expect(good.text()).not.toContain('mandatory');

    // A stricter bound from the pack's configuration fails the good center's 300 s.
    const config = path.join(current().dir, 'policy-config.json');
    writeFileSync(config, JSON.stringify({ 'queue-wait-within-bounds': { enforcementLevel: 'mandatory', maxSeconds: 120 } }));
    const strict = outputCollector();
    await expect(stack.preview({ policyPacks: [pack()], policyPackConfigs: [config], onOutput: strict.onOutput })).rejects.toThrow();
    expect(strict.text()).toContain('Queue "support" has maxWaitTime 300 s; allowed: 30 to 120 s.');
  });
});
