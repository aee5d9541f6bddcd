import { spawn } from 'node:child_process';
import path from 'node:path';
import { expectNoChanges, outputCollector, reapProcessesIn, repoRoot, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Log = { total: number; writes: number; entries: Array<{ method: string; path: string; route: string }> };

/**
 * Hostile and careless use on the real CLI: what a preview must say before anything is written, and how fast
 * a cancelled `pulumi up` lets go of a hanging server.
 */
describe('hostile use on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const log = () => current().control('GET', '/requests') as Promise<Log>;
  const report: string[] = [];
  afterAll(() => console.log(`hostile e2e figures:\n${report.join('\n')}`));

  const queue = { kind: 'Queue', name: 'q', args: { name: 'Hostile queue', channel: 'voice' } };

  it('a new exclusive member set names, at preview, the members it will remove; an empty one needs allowEmpty', async () => {
    const { stack, control } = current();
    await current().declare([queue]);
    await stack.up(quiet());
    const [made] = (await control('GET', '/objects/queues')) as Array<{ queue_id: string; name: string }>;
    await control('PUT', `/queue_agents/${made.queue_id}`, ['agent_001', 'agent_002', 'agent_003']);
    await control('DELETE', '/requests');

    const members = (userIds: string[], extra: Record<string, unknown> = {}) => ({
      kind: 'QueueMembers',
      name: 'm',
      args: { queueId: { $ref: 'q.queueId' }, userIds, ...extra },
    });
    await current().declare([queue, members(['agent_001'])]);
    const out = outputCollector();
    await stack.preview({ onOutput: out.onOutput });
    expect(out.text()).toContain(`QueueMembers (exclusive) on queue ${made.queue_id} will remove 2 of its agents it does not list: agent_002, agent_003`);
    const previewLog = await log();
    expect(previewLog.writes).toBe(0);
    report.push(`exclusive preview: warned about 2 of 3 members with ${previewLog.total} calls, ${previewLog.writes} writes`);

    await current().declare([queue, members([])]);
    const empty = outputCollector();
    await expect(stack.preview({ onOutput: empty.onOutput })).rejects.toThrow();
    expect(empty.text()).toContain("QueueMembers.userIds is empty in exclusive mode, which would remove every one of the queue's agents. Set allowEmpty: true");
    expect((await log()).writes).toBe(0);
    expect(((await control('GET', '/objects/queue_agents')) as Record<string, string[]>)[made.queue_id]).toEqual(['agent_001', 'agent_002', 'agent_003']);

    try {
      await current().declare([queue, members([], { allowEmpty: true })]);
      await stack.up(quiet());
      expect(((await control('GET', '/objects/queue_agents')) as Record<string, string[]>)[made.queue_id]).toEqual([]);
      await expectNoChanges(stack);
    } finally {
      await current().declare([]);
      await stack.up(quiet());
    }
  });

  it('ids that would leave their path segment fail the preview with zero API calls; escapes are shown, not drawn', async () => {
    const { stack, control } = current();
    await control('DELETE', '/requests');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'QueueMembers', name: 'dots', args: { queueId: '..', userIds: ['agent_001'] } }, 'QueueMembers.queueId is invalid: got ".."'],
      [{ kind: 'Queue', name: 'adopt-dots', args: { ...queue.args, adoptId: '..' } }, 'Queue.adoptId is invalid: got ".."'],
      [
        { kind: 'QueueAgent', name: 'adopt-agent', args: { queueId: 'q1', userId: 'agent_005', adoptId: '../agent_005' } },
        'QueueAgent.adoptId is invalid: in "../agent_005"',
      ],
      [
        { kind: 'Queue', name: 'adopt-esc', args: { ...queue.args, adoptId: 'q\u001b[2J\u001b[1;1HDeployment succeeded' } },
        'Queue.adoptId is invalid: got "q\\u001b[2J\\u001b[1;1HDeployment succeeded"',
      ],
      [
        { kind: 'Queue', name: 'name-bidi', args: { ...queue.args, name: 'Support\u202egnp.exe' } },
        'Queue.name is invalid: got "Support\\u202egnp.exe"; must not contain control characters',
      ],
    ];
    try {
      for (const [resource, message] of cases) {
        await current().declare([resource as never]);
        const out = outputCollector();
        await expect(stack.preview({ onOutput: out.onOutput })).rejects.toThrow();
        expect(out.text()).toContain(message);
        expect(out.text()).not.toContain('\u001b[2J');
        expect(out.text()).not.toContain('\u202e');
      }
      expect((await log()).total).toBe(0);
    } finally {
      await current().declare([]);
    }
  });

  it('a client secret kept in plain text fails the program with the command that encrypts it', async () => {
    const { stack, emulator } = current();
    await stack.setConfig('zcc:clientSecret', { value: emulator.options.clientSecret, secret: false });
    try {
      await current().declare([queue]);
      const out = outputCollector();
      await expect(stack.preview({ onOutput: out.onOutput })).rejects.toThrow();
      expect(out.text()).toContain(
        'zcc:clientSecret is stored in plain text in the stack config. Store it encrypted, then run again: pulumi config set --secret --stack e2e zcc:clientSecret <your client secret>',
      );
      expect(out.text()).not.toMatch(/\n\s+at /); // one line, no stack trace
    } finally {
      await stack.setConfig('zcc:clientSecret', { value: emulator.options.clientSecret, secret: true });
      await current().declare([]);
    }
  });

  it('SIGTERM during a request to a hanging server ends pulumi up within seconds', async () => {
    const { stack, control, dir, envVars } = current();
    await current().declare([{ kind: 'Queue', name: 'hanging', args: { name: 'Hanging create', channel: 'messaging' } }]);
    await control('POST', '/faults', { method: 'POST', path: '/contact_center/queues$', action: 'hang' });
    const child = spawn(path.join(repoRoot, '.tools/bin/pulumi'), ['up', '--yes', '--skip-preview', '--non-interactive', '--stack', 'e2e'], {
      cwd: dir,
      env: { ...process.env, ...envVars },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const hung = async () => ((await control('GET', '/faults')) as Array<{ hits: number }>).some((rule) => rule.hits > 0);
    for (let i = 0; i < 1200 && !(await hung()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await hung()).toBe(true);
    // Let it hang a moment, as a user would before giving up; then one SIGTERM to the CLI alone.
    await new Promise((r) => setTimeout(r, 2000));
    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000))]);
    const seconds = (Date.now() - signalled) / 1000;
    report.push(`SIGTERM during a hanging create: pulumi up exited ${code} after ${seconds.toFixed(1)} s`);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).not.toBe('still running');
    expect(seconds).toBeLessThan(10);
    expect(output).toContain('SIGTERM received; cancelling');
    await control('DELETE', '/faults');
    // Nothing of that run may linger: no plugin process, and the stack converges with a plain up.
    await new Promise((r) => setTimeout(r, 6000));
    expect(reapProcessesIn(dir)).toEqual([]);
    await stack.up(quiet());
    await expectNoChanges(stack);
    await current().declare([]);
    await stack.up(quiet());
  });
});
