import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Members = Record<string, string[]>;
const agent = (n: number) => `agent_${String(n).padStart(3, '0')}`;
const agents = (...ns: number[]) => ns.map(agent);

describe('QueueMembers and QueueAgent on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const members = () => current().control('GET', '/objects/queue_agents') as Promise<Members>;
  const queueIds = async () =>
    Object.fromEntries(
      ((await current().control('GET', '/objects/queues')) as Array<{ queue_name: string; queue_id: string }>).map((q) => [q.queue_name, q.queue_id]),
    );

  function declaration(opts: { support: string[]; salesAgent?: string; additiveQueue?: string }) {
    return [
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice' } },
      { kind: 'Queue', name: 'sales', args: { name: 'Sales', channel: 'messaging' } },
      { kind: 'Queue', name: 'overflow', args: { name: 'Overflow', channel: 'messaging' } },
      { kind: 'QueueMembers', name: 'support-members', args: { queueId: { $ref: 'support.queueId' }, userIds: opts.support } },
      {
        kind: 'QueueMembers',
        name: 'sales-members',
        args: { queueId: { $ref: `${opts.additiveQueue ?? 'sales'}.queueId` }, userIds: agents(4, 5), mode: 'additive' },
      },
      { kind: 'QueueAgent', name: 'sales-lead', args: { queueId: { $ref: 'sales.queueId' }, userId: opts.salesAgent ?? agent(10) } },
    ];
  }

  it('keeps exclusive and additive member sets, tolerates console edits, and never fails a queue delete', async () => {
    const { stack, control } = current();
    await current().declare(declaration({ support: agents(1, 2, 3) }));
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 7 });
    const ids = await queueIds();
    expect((await members())[ids.Support]).toEqual(agents(1, 2, 3));
    expect([...(await members())[ids.Sales]].sort()).toEqual(agents(4, 5, 10));
    await expectNoChanges(stack);

    // In place: one agent out, one in.
    await current().declare(declaration({ support: agents(3, 1, 6) }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect([...(await members())[ids.Support]].sort()).toEqual(agents(1, 3, 6));
    await expectNoChanges(stack);

    // Console edits: an extra agent and a missing one in the exclusive queue, an extra one in the additive queue.
    await control('PUT', `/queue_agents/${ids.Support}`, agents(1, 6, 9));
    await control('PUT', `/queue_agents/${ids.Sales}`, agents(4, 5, 10, 11));
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('support-members');
    expect(drift.text()).toContain(agent(9)); // the agent the exclusive set will remove is named
    expect(drift.text()).not.toContain('sales-members: (update)');
    await stack.refresh(quiet());
    await stack.up(quiet());
    expect([...(await members())[ids.Support]].sort()).toEqual(agents(1, 3, 6));
    expect([...(await members())[ids.Sales]].sort()).toEqual(agents(4, 5, 10, 11)); // additive leaves others alone
    await expectNoChanges(stack);

    // Replacement of a single membership; then its out-of-band removal is detected and repaired.
    await current().declare(declaration({ support: agents(3, 1, 6), salesAgent: agent(12) }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 1 });
    expect((await members())[ids.Sales]).toContain(agent(12));
    expect((await members())[ids.Sales]).not.toContain(agent(10));
    await control('PUT', `/queue_agents/${ids.Sales}`, agents(4, 5, 11));
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ delete: 1 });
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ create: 1 });
    expect((await members())[ids.Sales]).toContain(agent(12));
    await expectNoChanges(stack);

    // A queue deleted behind Pulumi's back takes its members with it: refresh forgets both, up recreates both.
    await control('DELETE', `/objects/queues/${ids.Support}`);
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ delete: 2 });
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ create: 2 });
    const recreated = await queueIds();
    expect([...(await members())[recreated.Support]].sort()).toEqual(agents(1, 3, 6));
    await expectNoChanges(stack);

    // Moving a member set to another queue replaces it: the old queue loses only the agents it had added.
    await current().declare(declaration({ support: agents(3, 1, 6), salesAgent: agent(12), additiveQueue: 'overflow' }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 1 });
    expect([...(await members())[recreated.Overflow]].sort()).toEqual(agents(4, 5));
    expect([...(await members())[recreated.Sales]].sort()).toEqual(agents(11, 12));
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect(await members()).toEqual({});
    expect(await current().control('GET', '/objects/queues')).toEqual([]);
  });
});
