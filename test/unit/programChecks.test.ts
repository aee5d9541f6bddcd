import * as pulumi from '@pulumi/pulumi';
import { adoptFromImport, checkedArgs } from '../../sdk/programChecks';

/** The program-side check sees values before Pulumi's serializer turns NaN into null and a Date into {}. */
describe('flow definitions are checked in the program, before serialization', () => {
  it.each([
    [{ timeout: NaN }, /Flow "ivr": definition\["timeout"\] is NaN/],
    [{ at: new Date(0) }, /definition\["at"\] is a Date/],
    [{ n: BigInt(2) }, /definition\["n"\] is a bigint/],
    [JSON.parse('{"a":{"__proto__":{"x":1}}}'), /definition\["a"\]\["__proto__"\]: the key "__proto__" is not allowed/],
    [{ nodes: [{ constructor: 'x' }] }, /definition\["nodes"\]\[0\]\["constructor"\]/],
  ])('%p fails the program with one line', (definition, message) => {
    let caught: unknown;
    try {
      checkedArgs('Flow', 'ivr', { name: 'IVR', definition });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(pulumi.RunError);
    expect((caught as Error).message).toMatch(message);
  });

  it('passes plain JSON through unchanged', () => {
    const args = { name: 'IVR', definition: { start: { type: 'menu', options: [1, 'two', null, true] } } };
    expect(checkedArgs('Flow', 'ivr', args).definition).toBe(args.definition);
  });
});

describe('the import resource option', () => {
  it('becomes adoptId and leaves the options without it', () => {
    const { args, opts } = adoptFromImport('Queue', 'q', { name: 'Q' } as { name: string; adoptId?: string }, { import: 'q1', retainOnDelete: true });
    expect(args).toEqual({ name: 'Q', adoptId: 'q1' });
    expect(opts).toEqual({ retainOnDelete: true });
  });

  it('fails the program when adoptId names another object', () => {
    expect(() => adoptFromImport('Queue', 'q', { adoptId: 'q2' }, { import: 'q1' })).toThrow(pulumi.RunError);
  });
});

describe('a QueueAgent and an exclusive QueueMembers on one queue', () => {
  it('warn, naming the queue by its name and the resource that holds the agent, also while the queue id is unknown', async () => {
    pulumi.runtime.setMocks(
      {
        // A queue being created in a preview: its id is not known.
        newResource: (args) => ({ id: args.type.endsWith(':Queue') ? (undefined as unknown as string) : `${args.name}-id`, state: args.inputs }),
        call: (args) => args.inputs,
      },
      'project',
      'stack',
      true,
    );
    const warnings: string[] = [];
    const spy = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    try {
      const zcc = await import('../../sdk');
      const support = new zcc.Queue('support', { name: 'Support', channel: 'voice' });
      new zcc.QueueMembers('support-members', { queueId: support.queueId, userIds: ['agent_001', 'agent_002'] });
      new zcc.QueueAgent('support-lead', { queueId: support.queueId, userId: 'agent_010' });
      new zcc.QueueAgent('support-second', { queueId: support.queueId, userId: 'agent_002' });
      const other = new zcc.Queue('other', { name: 'Other', channel: 'voice' });
      new zcc.QueueAgent('other-lead', { queueId: other.queueId, userId: 'agent_010' });
      new zcc.QueueMembers('sales-additive', { queueId: 'q-sales', userIds: ['agent_003'], mode: 'additive' });
      new zcc.QueueAgent('sales-lead', { queueId: 'q-sales', userId: 'agent_010' });
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      spy.mockRestore();
    }
    expect(warnings.sort()).toEqual([
      'warning: [runtime] QueueAgent "support-second" and QueueMembers "support-members" (exclusive) both hold user agent_002 on queue "Support" (Queue "support"): destroying QueueAgent "support-second" would remove an agent that QueueMembers "support-members" declares. Keep the user in one of them only.',
      'warning: [runtime] QueueMembers "support-members" (exclusive) on queue "Support" (Queue "support") does not list user agent_010, whom QueueAgent "support-lead" adds: every up would remove the agent and add them back. List agent_010 in QueueMembers "support-members".userIds and remove QueueAgent "support-lead", or set mode: "additive".',
    ]);
  });
});

describe('two resources of one kind with one name', () => {
  // The name's value, or the failure the program would see (the output's other promises settled with it, as
  // Pulumi's runtime does when it serializes the resource's inputs).
  // The check fails in whichever key input resolves last, so every key input is settled; the name is returned.
  type Out = { promise(): Promise<unknown>; isKnown: Promise<boolean>; isSecret: Promise<boolean>; allResources?(): Promise<unknown> };
  const settleOne = (output: Out) => {
    const others = [output.isKnown, output.isSecret, output.allResources?.()].filter(Boolean) as Array<Promise<unknown>>;
    others.forEach((promise) => promise.catch(() => undefined));
    return output.promise();
  };
  const settle = async (args: Record<string, unknown>) => {
    const [name] = await Promise.all(['name', 'skillCategoryId'].filter((key) => args[key] !== undefined).map((key) => settleOne(args[key] as unknown as Out)));
    return name;
  };

  it('fail the program naming both; names unique per parent are compared with their parent', async () => {
    await expect(settle(checkedArgs('Disposition', 'resolved', { name: 'Resolved' }))).resolves.toBe('Resolved');
    await expect(settle(checkedArgs('Disposition', 'resolved-again', { name: 'Resolved' }))).rejects.toThrow(
      'Disposition "resolved-again" and Disposition "resolved" both declare name "Resolved"; give each Disposition its own name.',
    );
    await expect(settle(checkedArgs('Skill', 'gold-en', { name: 'Gold', skillCategoryId: 'cat-en' }))).resolves.toBe('Gold');
    await expect(settle(checkedArgs('Skill', 'gold-de', { name: 'Gold', skillCategoryId: pulumi.output('cat-de') }))).resolves.toBe('Gold');
    await expect(settle(checkedArgs('Skill', 'gold-en-2', { name: 'Gold', skillCategoryId: 'cat-en' }))).rejects.toThrow(
      /both declare name "Gold" and skillCategoryId "cat-en"/,
    );
  });

  it('the same resource constructed once is no duplicate of itself, and another kind may use the name', async () => {
    await expect(settle(checkedArgs('Queue', 'support', { name: 'Support', channel: 'voice' }))).resolves.toBe('Support');
    await expect(settle(checkedArgs('Inbox', 'support', { name: 'Support' }))).resolves.toBe('Support');
  });
});
