import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

/**
 * A role's users and the block list rules on the real Pulumi CLI: create, empty preview, a console edit caught and
 * restored, a replacement where Zoom cannot change a rule (deleted first, said in the preview), removal and destroy.
 * (Roles, regions, statuses and asset categories walk the whole lifecycle in everyKind.test.ts.)
 */
describe('RoleUsers and block list rules on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const objects = async (collection: string) => (await current().control('GET', `/objects/${collection}`)) as Row[];
  const roleOf = async (userId: string) => (await current().control('GET', `/objects/users/${userId}`)).role_id as string;

  const declaration = (options: { comment?: string; withUsers?: boolean } = {}) => [
    { kind: 'Role', name: 'leads', args: { name: 'Leads', privileges: ['analytics_realtime_view'], transferRoleId: 'role_agent' } },
    ...(options.withUsers === false
      ? []
      : [{ kind: 'RoleUsers', name: 'leads-users', args: { roleId: { $ref: 'leads.roleId' }, userIds: ['agent_040', 'agent_041'] } }]),
    {
      kind: 'PhoneBlockListRule',
      name: 'premium',
      args: {
        phoneNumber: '+1900',
        matchType: 'prefix',
        countryIsoCode: 'US',
        direction: ['inbound'],
        channel: ['voice'],
        comment: options.comment ?? 'premium-rate',
      },
    },
    { kind: 'IpBlockListRule', name: 'range', args: { ipAddress: '198.51.100.0/24' } },
  ];

  it('create → empty preview → console edit restored → rule replaced (deleted first) → users released → destroy', async () => {
    const { stack, control } = current();
    await current().declare(declaration());
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 5 });
    const role = (await objects('roles')).find((row) => row.role_name === 'Leads')!;
    expect([await roleOf('agent_040'), await roleOf('agent_041')]).toEqual([role.role_id, role.role_id]);
    await expectNoChanges(stack);

    // In the console: agent_042 given the role too. The exclusive set reports it and up takes it back.
    await control('PATCH', '/objects/users/agent_042', { role_id: role.role_id, role_name: 'Leads' });
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('agent_042');
    await stack.up({ refresh: true, ...quiet() });
    expect(await roleOf('agent_042')).toBe('role_agent');
    await expectNoChanges(stack);

    // A new comment: Zoom cannot change a rule, so it is replaced, the old one deleted first, and the preview says why.
    const rule = (await objects('phone_block_rules'))[0];
    await current().declare(declaration({ comment: 'premium-rate numbers' }));
    const preview = outputCollector();
    await stack.preview({ onOutput: preview.onOutput });
    expect(preview.text()).toContain('the number is not blocked meanwhile');
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 1 });
    const rules = await objects('phone_block_rules');
    expect(rules).toEqual([expect.objectContaining({ phone_number: '+1900', comment: 'premium-rate numbers' })]);
    expect(rules[0].phone_block_list_rule_id).not.toBe(rule.phone_block_list_rule_id);
    await expectNoChanges(stack);

    // The set removed from the program: its users lose the role (the preview says whom).
    await current().declare(declaration({ comment: 'premium-rate numbers', withUsers: false }));
    const removal = outputCollector();
    await stack.preview({ diff: true, onOutput: removal.onOutput });
    expect(removal.text()).toMatch(/removes from its Role: userIds agent_040, agent_041/);
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ delete: 1 });
    expect([await roleOf('agent_040'), await roleOf('agent_041')]).toEqual(['role_agent', 'role_agent']);
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect((await objects('roles')).map((row) => row.role_name)).toEqual(['Admin', 'Supervisor', 'Agent']);
    expect([...(await objects('phone_block_rules')), ...(await objects('ip_block_rules'))]).toEqual([]);
  });

  it("a user's role has one owner: the preview refuses a RoleUsers naming a user whose User sets roleId", async () => {
    const { stack, control } = current();
    const user = { kind: 'User', name: 'lead', args: { email: 'lead.one@example.com', roleId: 'role_supervisor', removeFromContactCenterOnDelete: true } };
    const leads = { kind: 'Role', name: 'leads', args: { name: 'Leads', privileges: ['analytics_realtime_view'], transferRoleId: 'role_agent' } };
    await current().declare([leads, user]);
    await stack.up(quiet());
    expect((await objects('users')).find((row) => row.user_email === 'lead.one@example.com')).toMatchObject({ role_id: 'role_supervisor' });
    await current().declare([
      leads,
      user,
      { kind: 'RoleUsers', name: 'leads-users', args: { roleId: { $ref: 'leads.roleId' }, userIds: [{ $ref: 'lead.userId' }], mode: 'additive' } },
    ]);
    await control('DELETE', '/requests');
    const refused = outputCollector();
    await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
    expect(refused.text()).toMatch(/both set the role of user \w+, and would undo each other at every up: set it in one of them only/);
    expect(refused.text()).toContain('lead.one@example.com');
    expect((await control('GET', '/requests')).writes).toBe(0);
    await current().declare([leads, user]);
    await stack.destroy(quiet());
  });
});
