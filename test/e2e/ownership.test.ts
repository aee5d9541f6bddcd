import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(15 * 60_000);

type Log = { writes: number; byRoute: Record<string, number>; entries: Array<{ method: string; route: string; status: number }> };
type Resource = { kind: string; name: string; args: Record<string, unknown>; options?: Record<string, unknown> };
const ref = (name: string, property: string) => ({ $ref: `${name}.${property}` });

/**
 * An id belongs to one resource, and what `up` would refuse the preview refuses first, on the real Pulumi CLI:
 * renames and component moves of a named object, a set and a singleton; an inbox removed without a messages
 * decision; two resources with one name. Each checked against the emulator's request log.
 */
describe('who owns an object: renames, component moves, refusals before any write', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const log = () => current().control('GET', '/requests') as Promise<Log>;
  const writes = async () => (await log()).entries.filter((entry) => entry.method !== 'GET' && entry.route !== 'POST /oauth/token');

  /** A queue with members and hours, an inbox reached from it, a team: named objects, sets and a singleton. */
  const center = (names: Record<string, string>, options: (name: string) => Record<string, unknown> | undefined = () => undefined): Resource[] => {
    const resource = (kind: string, key: string, args: Record<string, unknown>): Resource => {
      const opts = options(key);
      return { kind, name: names[key] ?? key, args, ...(opts ? { options: opts } : {}) };
    };
    const at = (key: string, property: string) => ref(names[key] ?? key, property);
    return [
      resource('Queue', 'support', { name: 'Owned support', channel: 'voice', maxWaitTime: 120 }),
      resource('Inbox', 'voicemail', { name: 'Owned voicemail', deleteMessagesOnDelete: true }),
      resource('Team', 'tier1', { name: 'Owned tier 1', parentTeamId: 'team_root' }),
      resource('QueueMembers', 'members', { queueId: at('support', 'queueId'), userIds: ['agent_001', 'agent_002'] }),
      resource('QueueOperatingHours', 'hours', { queueId: at('support', 'queueId'), businessHourId: 'bh_default' }),
      resource('InboxQueues', 'voicemail-queues', { inboxId: at('voicemail', 'inboxId'), queueIds: [at('support', 'queueId')] }),
    ];
  };
  const live = async () => {
    const { control } = current();
    const queue = ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>).find((q) => q.queue_name === 'Owned support');
    const inbox = ((await control('GET', '/objects/inboxes')) as Array<{ inbox_id: string; inbox_name: string }>).find(
      (i) => i.inbox_name === 'Owned voicemail',
    );
    const team = ((await control('GET', '/objects/teams')) as Array<{ team_id: string; team_name: string }>).find((t) => t.team_name === 'Owned tier 1');
    return {
      queue: queue?.queue_id,
      inbox: inbox?.inbox_id,
      team: team?.team_id,
      members: queue ? (await control('GET', '/objects/queue_agents'))[queue.queue_id] : undefined,
      inboxQueues: inbox ? (await control('GET', '/objects/inbox_queues'))[inbox.inbox_id] : undefined,
    };
  };

  it('renames without aliases fail the preview naming the fix; with aliases, and into a component, every object and member stays', async () => {
    const { stack, control } = current();
    await current().declare(center({}));
    await stack.up(quiet());
    await expectNoChanges(stack);
    const before = await live();
    expect(before).toMatchObject({ members: ['agent_001', 'agent_002'], inboxQueues: [before.queue] });

    // Renamed without aliases: the queue, inbox and team would be new resources over live objects.
    const renamed = { support: 'support-renamed', voicemail: 'voicemail-renamed', tier1: 'tier1-renamed', members: 'members-renamed' };
    await current().declare(center(renamed));
    await control('DELETE', '/requests');
    const refused = outputCollector();
    await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
    // Pulumi stops at the first refusal it meets: at least one of the three, each naming its live object's id.
    const named = [before.queue, before.inbox, before.team].filter((id) => refused.text().includes(`already exists in ZCC (${id})`));
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(refused.text()).toContain(`set adoptId: "${id}"`);
    expect(refused.text()).toContain('aliases: [{ name: "<old name>" }]');
    expect(await writes()).toEqual([]);
    // `up` refuses the same, and writes nothing either.
    await expect(stack.up(quiet())).rejects.toThrow();
    expect(await writes()).toEqual([]);
    expect(await live()).toEqual(before);

    // With aliases: Pulumi moves each resource to its new name; nothing is created or deleted.
    await current().declare(center(renamed, (key) => (key in renamed ? { aliases: [{ name: key }] } : undefined)));
    await control('DELETE', '/requests');
    const up = await stack.up(quiet());
    expect(up.summary.resourceChanges).not.toHaveProperty('create');
    expect(up.summary.resourceChanges).not.toHaveProperty('delete');
    expect(await writes()).toEqual([]);
    expect(await live()).toEqual(before);
    await expectNoChanges(stack);

    // Into a component, with aliases to the top level: the same.
    await current().declare(center(renamed, () => ({ component: 'center', aliases: [{ noParent: true }] })));
    await control('DELETE', '/requests');
    const moved = await stack.up(quiet());
    expect(moved.summary.resourceChanges).not.toHaveProperty('delete');
    expect(await writes()).toEqual([]);
    expect(await live()).toEqual(before);
    await expectNoChanges(stack);
  });

  it('a set and a singleton renamed without aliases keep what the new resource declares', async () => {
    const { stack, control } = current();
    const names = { support: 'support-renamed', voicemail: 'voicemail-renamed', tier1: 'tier1-renamed', members: 'members-renamed' };
    const before = await live();
    // The named objects keep their names (in the component, as the last test left them); the sets get new names.
    const sets = { members: 'members-again', hours: 'hours-again', 'voicemail-queues': 'voicemail-queues-again' };
    await current().declare(center({ ...names, ...sets }, () => ({ component: 'center' })));
    await control('DELETE', '/requests');
    const out = outputCollector();
    await stack.up({ onOutput: out.onOutput });
    // Each old set's delete left the members, hours and queue link the new one declares, and said so.
    expect(await live()).toEqual(before);
    expect((await control('GET', '/objects/queue_operating_hours'))[before.queue!]).toMatchObject({ business_hour_id: 'bh_default' });
    expect(out.text()).toContain('its delete leaves agent_001, agent_002 in place');
    expect((await writes()).filter((entry) => entry.method === 'DELETE')).toEqual([]);
    await expectNoChanges(stack);
  });

  it('an inbox removed without a messages decision fails the preview before any write; with one, it goes', async () => {
    const { stack, control } = current();
    const undecided: Resource[] = [
      { kind: 'Queue', name: 'lone', args: { name: 'Lone queue', channel: 'voice' } },
      { kind: 'Inbox', name: 'undecided', args: { name: 'Undecided voicemail' } },
      { kind: 'InboxQueues', name: 'undecided-queues', args: { inboxId: ref('undecided', 'inboxId'), queueIds: [ref('lone', 'queueId')] } },
    ];
    await current().declare(undecided);
    await stack.up(quiet());
    await expectNoChanges(stack);
    await current().declare(undecided.slice(0, 1));
    await control('DELETE', '/requests');
    const refused = outputCollector();
    await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
    expect(refused.text()).toContain('cannot be deleted');
    expect(refused.text()).toContain('undecided');
    // Printed once in the diagnostics (the progress lines above them echo each event): no repeats, no stack frame.
    const diagnostics = refused.text().slice(refused.text().indexOf('Diagnostics:'));
    expect(diagnostics.split('cannot be deleted').length - 1).toBe(1);
    expect(refused.text()).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
    expect(await writes()).toEqual([]);
    const inbox = ((await control('GET', '/objects/inboxes')) as Array<{ inbox_id: string; inbox_name: string }>).find(
      (i) => i.inbox_name === 'Undecided voicemail',
    )!;
    expect((await control('GET', '/objects/inbox_queues'))[inbox.inbox_id]).toHaveLength(1);
    // The decision, then the removal: the inbox goes with its messages, as declared.
    await current().declare([undecided[0], { ...undecided[1], args: { ...undecided[1].args, deleteMessagesOnDelete: true } }, undecided[2]]);
    await stack.up(quiet());
    await current().declare(undecided.slice(0, 1));
    // The preview of the removal says what goes with the inbox (Pulumi shows its recorded inputs, onDelete among them).
    const removal = outputCollector();
    await stack.preview({ onOutput: removal.onOutput, diff: true });
    expect(removal.text()).toMatch(/onDelete\s*: "deletes the inbox and every voicemail message in it"/);
    expect(removal.text()).toMatch(/onDelete\s*: "removes from its Inbox: queueIds \w+"/);
    await stack.up(quiet());
    expect(((await control('GET', '/objects/inboxes')) as Array<{ inbox_name: string }>).map((i) => i.inbox_name)).not.toContain('Undecided voicemail');
  });

  it('two resources with one name fail the preview with zero writes', async () => {
    const { stack, control } = current();
    await current().declare([
      { kind: 'Queue', name: 'twin-a', args: { name: 'Twin', channel: 'voice' } },
      { kind: 'Queue', name: 'twin-b', args: { name: 'Twin', channel: 'voice' } },
      { kind: 'Disposition', name: 'code-a', args: { name: 'Same code' } },
      { kind: 'Disposition', name: 'code-b', args: { name: 'Same code' } },
    ]);
    await control('DELETE', '/requests');
    const refused = outputCollector();
    await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
    expect(refused.text()).toMatch(/Queue "twin-[ab]" and Queue "twin-[ab]" both declare name "Twin"/);
    expect(refused.text()).toMatch(/Disposition "code-[ab]" and Disposition "code-[ab]" both declare name "Same code"/);
    expect(await writes()).toEqual([]);
    await current().declare([]);
    await stack.up(quiet());
  });
});
