import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ZccClient } from '../../provider/client/client';
import { expectNoChanges, outputCollector, readStateFiles, reapProcessesIn, repoRoot, useProject, type E2eProject } from './harness';
import { allDayClosure as closure } from '../support/closures';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

jest.setTimeout(20 * 60_000);

type Row = Record<string, any>;
type Log = {
  total: number;
  writes: number;
  tokensMinted: number;
  byRoute: Record<string, number>;
  entries: Array<{ route: string; status: number; at: string; fault?: string }>;
};

const queues = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({ kind: 'Queue', name: `${prefix}-${i}`, args: { name: `${prefix} ${i}`, channel: 'voice' } }));

/** "Nothing lost": the server holds exactly the declared queues once each, all in state, and a preview is empty. */
async function expectConverged(project: E2eProject, declared: Array<{ args: { name: string } }>) {
  const server = (await project.control('GET', '/objects/queues')) as Row[];
  expect(server.map((q) => q.queue_name).sort()).toEqual(declared.map((d) => d.args.name).sort());
  const state = (await project.stack.exportStack()).deployment as { resources: Array<{ type: string; id?: string }>; pending_operations?: unknown[] };
  const inState = state.resources.filter((r) => r.type === 'pulumi-nodejs:dynamic/zcc:Queue').map((r) => r.id);
  expect(inState.sort()).toEqual(server.map((q) => q.queue_id).sort());
  expect(state.pending_operations ?? []).toEqual([]);
  await expectNoChanges(project.stack);
}

describe('reliability: the fault matrix on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const log = () => current().control('GET', '/requests') as Promise<Log>;
  const report: string[] = [];

  afterEach(async () => {
    await current().control('DELETE', '/faults');
    await current().control('PUT', '/settings', { rateLimits: { dailyLimit: null, dailyCategories: ['heavy'], perSecond: 0, omitHeaders: false } });
    await current().stack.setConfig('zcc:timeoutMs', { value: '30000' });
    await current().declare([]);
    await current().stack.up(quiet());
    await current().control('DELETE', '/requests');
  });
  afterAll(() => console.log(`fault matrix figures:\n${report.join('\n')}`));

  it('row 1: a 30 s storm of 429s without headers during an up of 200 queues', async () => {
    const { stack, control } = current();
    await control('PUT', '/settings', { rateLimits: { plan: 'pro', omitHeaders: true } });
    const declared = queues(200, 'storm');
    await current().declare(declared);
    await control('DELETE', '/requests');
    await control('POST', '/faults', {
      path: '^/v2/',
      action: 'respond',
      status: 429,
      message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
      durationMs: 30_000,
    });
    const stormStarted = Date.now();
    await stack.up(quiet());
    const entries = (await log()).entries;
    const creates = entries.filter((e) => e.route === 'POST /v2/contact_center/queues' && e.status === 201);
    const stormEnd = stormStarted + 30_000;
    const afterStorm = creates.filter((e) => Date.parse(e.at) >= stormEnd);
    const seconds = (Date.parse(creates[creates.length - 1].at) - Math.max(stormEnd, Date.parse(creates[0].at))) / 1000;
    const throughput = afterStorm.length / Math.max(seconds, 0.001);
    report.push(
      `row 1: ${entries.filter((e) => e.status === 429).length} answers 429 during the storm; ${creates.length} creates, ${afterStorm.length} after it in ${seconds.toFixed(1)} s = ${throughput.toFixed(1)}/s = ${(throughput / 20).toFixed(2)} of the Light budget (20/s)`,
    );
    expect(creates).toHaveLength(200);
    await expectConverged(current(), declared);
  });

  it('row 2: 5xx on 10% of calls (seeded)', async () => {
    const { stack, control } = current();
    const declared = queues(40, 'flaky');
    await current().declare(declared);
    await control('POST', '/faults', { path: '^/v2/', action: 'respond', status: 503, probability: 0.1, seed: 7 });
    await stack.up(quiet());
    const entries = (await log()).entries;
    report.push(`row 2: ${entries.filter((e) => e.status === 503).length} of ${entries.length} calls answered 503; up passed`);
    await control('DELETE', '/faults');
    await expectConverged(current(), declared);
  });

  it('row 3: the response to a committed create is dropped', async () => {
    const { stack, control } = current();
    const declared = queues(3, 'dropped');
    await current().declare(declared);
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'drop-after-commit', times: 1 });
    await stack.up(quiet());
    const byRoute = (await log()).byRoute;
    report.push(
      `row 3: POST /queues ${byRoute['POST /v2/contact_center/queues']} times for 3 queues (one answer dropped, recovered by lookup); GET list ${byRoute['GET /v2/contact_center/queues'] ?? 0}`,
    );
    expect(byRoute['POST /v2/contact_center/queues']).toBe(3);
    await expectConverged(current(), declared);
  });

  it('row 3b: the answer to a committed closure set PATCH is dropped: each closure once, then an empty preview', async () => {
    const { stack, control } = current();
    const holidays = (closures: unknown[]) => [
      { kind: 'ClosureSet', name: 'holidays', args: { name: 'Retried holidays', timezone: 'Europe/Berlin', closures } },
    ];
    await current().declare(holidays([closure('New Year', '01-01')]));
    await stack.up(quiet());
    await current().declare(holidays([closure('New Year', '01-01'), closure('Labour Day', '05-01')]));
    await control('POST', '/faults', { method: 'PATCH', path: '/closures/[^/]+$', action: 'drop-after-commit', times: 1 });
    await control('DELETE', '/requests');
    await stack.up(quiet());
    const byRoute = (await log()).byRoute;
    const held = ((await control('GET', '/objects/closure_sets')) as Row[]).find((set) => set.closure_set_name === 'Retried holidays')!;
    report.push(
      `row 3b: closure set PATCH ${byRoute['PATCH /v2/contact_center/closures/:closureSetId']} time(s) (its answer dropped), closures ${held.closures.length}`,
    );
    expect(held.closures.map((c: Row) => c.closure_name)).toEqual(['New Year', 'Labour Day']);
    expect(byRoute['PATCH /v2/contact_center/closures/:closureSetId']).toBe(1);
    await expectNoChanges(stack);
  });

  it('row 4: responses slower than the client timeout', async () => {
    const { stack, control } = current();
    const declared = queues(5, 'slow');
    await current().declare(declared);
    await stack.up(quiet());
    await stack.setConfig('zcc:timeoutMs', { value: '1000' });
    const changed = declared.map((d) => ({ ...d, args: { ...d.args, maxWaitTime: 900 } }));
    await current().declare(changed);
    await control('POST', '/faults', { method: 'PATCH', action: 'delay', delayMs: 1500, times: 3 });
    await stack.up(quiet());
    const patches = (await log()).entries.filter((e) => e.route === 'PATCH /v2/contact_center/queues/:queueId');
    report.push(`row 4: ${patches.length} PATCH attempts for 5 updates (3 delayed past the 1 s timeout and retried)`);
    await control('DELETE', '/faults');
    expect(((await control('GET', '/objects/queues')) as Row[]).map((q) => q.max_wait_time)).toEqual([900, 900, 900, 900, 900]);
    await expectConverged(current(), changed);
  });

  it('row 5: the token expires mid-run', async () => {
    const { stack, control } = current();
    const declared = queues(30, 'token');
    await current().declare(declared);
    let expired = false;
    const watcher = (async () => {
      for (let i = 0; i < 600 && !expired; i++) {
        if (((await log()).byRoute['POST /v2/contact_center/queues'] ?? 0) >= 5) {
          await control('POST', '/tokens/expire');
          expired = true;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const out = outputCollector();
    await stack.up({ onOutput: out.onOutput });
    await watcher;
    expect(expired).toBe(true);
    const after = await log();
    report.push(`row 5: tokens minted ${after.tokensMinted} (one re-mint), 401 answers ${after.entries.filter((e) => e.status === 401).length}`);
    expect(after.tokensMinted).toBe(2);
    expect(out.text()).not.toMatch(/error/i);
    await expectConverged(current(), declared);
  });

  it('row 6: the daily limit is reached', async () => {
    const { stack, control } = current();
    const declared = queues(25, 'daily');
    await current().declare(declared);
    await control('PUT', '/settings', { rateLimits: { dailyLimit: 12, dailyCategories: ['light', 'medium', 'heavy'] } });
    const out = outputCollector();
    const started = Date.now();
    await expect(stack.up({ onOutput: out.onOutput })).rejects.toThrow();
    const elapsed = (Date.now() - started) / 1000;
    expect(out.text()).toMatch(/daily API limit for this account is used up .* resets at \d{4}-\d{2}-\d{2}T/);
    const server = (await control('GET', '/objects/queues')) as Row[];
    const state = (await stack.exportStack()).deployment as { resources: Array<{ type: string; id?: string }> };
    expect(
      state.resources
        .filter((r) => r.type === 'pulumi-nodejs:dynamic/zcc:Queue')
        .map((r) => r.id)
        .sort(),
    ).toEqual(server.map((q) => q.queue_id).sort());
    report.push(`row 6: stopped after ${elapsed.toFixed(1)} s with ${server.length} of 25 queues made, all in state`);
    expect(elapsed).toBeLessThan(120);
    await control('PUT', '/settings', { rateLimits: { dailyLimit: null } });
    await stack.up(quiet());
    await expectConverged(current(), declared);
  });

  it('row 8: pulumi up killed with SIGKILL during creates converges after refresh and up', async () => {
    const { stack, control, dir, envVars } = current();
    const declared = queues(40, 'killed');
    await current().declare(declared);
    // Slow creates down so the kill lands in the middle of them.
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'delay', delayMs: 400 });
    const child = spawn(path.join(repoRoot, '.tools/bin/pulumi'), ['up', '--yes', '--skip-preview', '--non-interactive', '--stack', 'e2e'], {
      cwd: dir,
      env: { ...process.env, ...envVars },
      detached: true,
      stdio: 'ignore',
    });
    for (let i = 0; i < 1200 && ((await log()).byRoute['POST /v2/contact_center/queues'] ?? 0) < 8; i++) await new Promise((r) => setTimeout(r, 50));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    // The language host and the provider live in process groups of their own and outlive the CLI: reap them.
    const orphans = reapProcessesIn(dir);
    await control('DELETE', '/faults');
    const made = ((await control('GET', '/objects/queues')) as Row[]).length;
    // A killed CLI leaves its lock in the file backend; Pulumi's own advice is to remove it once no update runs.
    const locks = path.join(dir, 'state/.pulumi/locks');
    const lockFiles = readdirSync(locks, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    rmSync(locks, { recursive: true, force: true });
    // A kill can land while the file backend rewrites the checkpoint, leaving it cut short ("failed to load
    // checkpoint: EOF"). Pulumi keeps the previous one beside it as .bak: restore it, as a user would.
    const checkpoint = path.join(dir, 'state/.pulumi/stacks/zcc-e2e/e2e.json');
    let restored = false;
    try {
      JSON.parse(readFileSync(checkpoint, 'utf8'));
    } catch {
      copyFileSync(`${checkpoint}.bak`, checkpoint);
      restored = true;
    }
    const pending = ((await stack.exportStack()).deployment as { pending_operations?: unknown[] }).pending_operations ?? [];
    await stack.refresh({ clearPendingCreates: true, onOutput: outputCollector().onOutput });
    // The queues the killed run made but never recorded are not taken over silently: an id belongs to one
    // resource, and nothing proves they are this program's. The preview refuses each by name, with its id.
    const inState = new Set(
      ((await stack.exportStack()).deployment as { resources: Array<{ id?: string }> }).resources.map((resource) => resource.id).filter(Boolean),
    );
    const orphaned = ((await control('GET', '/objects/queues')) as Row[]).filter((queue) => !inState.has(queue.queue_id));
    const refused = outputCollector();
    if (orphaned.length > 0) {
      await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
      // Pulumi stops at the first refusal it meets: one of them, by name and id.
      expect(orphaned.some((queue) => refused.text().includes(`Queue name="${queue.queue_name}" already exists in ZCC (${queue.queue_id})`))).toBe(true);
    }
    // As the message says: adopt them by id, and the next up converges.
    const adopt = new Map(orphaned.map((queue) => [queue.queue_name as string, queue.queue_id as string]));
    await current().declare(
      declared.map((queue) => (adopt.has(queue.args.name) ? { ...queue, args: { ...queue.args, adoptId: adopt.get(queue.args.name) } } : queue)),
    );
    await stack.up(quiet());
    report.push(
      `row 8: killed after ${made} queues existed, ${pending.length} creates pending in state, ${lockFiles.length} lock file(s) removed, ${orphans.length} orphaned plugin process(es) reaped${restored ? ', checkpoint cut short by the kill restored from .bak' : ''}; refresh --clear-pending-creates, a preview that names the ${orphaned.length} unrecorded queue(s) by id, adoptId, up: converged`,
    );
    await expectConverged(current(), declared);
  });

  it('bad input fails the preview field by field with zero API calls; unicode names never cause a diff', async () => {
    const { stack, control } = current();
    // Pulumi stops a preview at the first resource that fails check, so each bad resource gets its own preview.
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [
        { kind: 'Queue', name: 'bad-queue', args: { name: '', channel: 'fax', maxWaitTime: -1 } },
        ['Queue.name is invalid: got ""', 'Queue.channel is invalid: got "fax"', 'Queue.maxWaitTime is invalid: got -1'],
      ],
      [
        { kind: 'Flow', name: 'bad-flow', args: { name: 'F', channel: 'voice', definition: '{"start": ' } },
        ['Flow.definition is invalid', 'expected a JSON object'],
      ],
      [
        { kind: 'QueueMembers', name: 'bad-members', args: { queueId: 'q1', userIds: ['agent_001', 'agent_001'], mode: 'sometimes' } },
        ['must not list the same user twice', 'QueueMembers.mode is invalid: got "sometimes"; expected one of: exclusive, additive'],
      ],
    ];
    await control('DELETE', '/requests');
    for (const [resource, messages] of cases) {
      await current().declare([resource as never]);
      const out = outputCollector();
      await expect(stack.preview({ onOutput: out.onOutput })).rejects.toThrow();
      for (const message of messages) expect(out.text()).toContain(message);
    }
    expect((await log()).total).toBe(0);

    const names = ['Support 🎧📞', 'دعم العملاء', 'Café Crème'.normalize('NFD'), 'Zürich'.normalize('NFC'), 'שירות לקוחות ☎'];
    const declared = names.map((name, i) => ({ kind: 'Queue', name: `unicode-${i}`, args: { name, channel: 'messaging' } }));
    await current().declare(declared);
    await stack.up(quiet());
    await expectNoChanges(stack);
    await stack.refresh(quiet());
    await expectNoChanges(stack);
    expect(((await control('GET', '/objects/queues')) as Row[]).map((q) => q.queue_name).sort()).toEqual([...names].sort());
  });

  it('secrets: never in state, __provider, -v=9 logs or error messages', async () => {
    const { stack, control, dir } = current();
    const secret = current().emulator.options.clientSecret;
    await current().declare(queues(2, 'secret'));
    const stdout = outputCollector();
    const stderr: string[] = [];
    await stack.up({ onOutput: stdout.onOutput, onError: (text) => stderr.push(text), logVerbosity: 9, logToStdErr: true, debug: true });
    // An API error and an authentication error, as users would see them.
    await control('PUT', '/settings', { behaviour: { uniqueQueueNames: true } });
    // A queue made in the console holds the name a new resource declares: the API error users see.
    const consoleUser = new ZccClient({ ...current().emulator.options, baseUrl: current().emulator.baseUrl, plan: 'business' });
    await consoleUser.createIn(queuesEndpoint, { queue_name: 'console clash', channel: 'messaging' });
    await current().declare([...queues(2, 'secret'), { kind: 'Queue', name: 'clash', args: { name: 'console clash', channel: 'messaging' } }]);
    const failed = outputCollector();
    await expect(stack.up({ onOutput: failed.onOutput, onError: (text) => stderr.push(text), logVerbosity: 9, logToStdErr: true })).rejects.toThrow();
    expect(failed.text()).toContain('already exists in ZCC');
    await stack.setConfig('zcc:clientSecret', { value: 'a-wrong-secret-value', secret: true });
    await current().declare([...queues(2, 'secret'), { kind: 'Queue', name: 'other', args: { name: 'other', channel: 'messaging' } }]);
    const denied = outputCollector();
    await expect(stack.up({ onOutput: denied.onOutput, onError: (text) => stderr.push(text) })).rejects.toThrow();
    // One cause, one message: printed once in the diagnostics (not once per resource; the progress lines above them
    // echo each event), with no stack frame or Node warning.
    const diagnostics = denied.text().slice(denied.text().indexOf('Diagnostics:'));
    expect(diagnostics.split('refused the Server-to-Server OAuth credentials').length - 1).toBe(1);
    expect(denied.text()).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)|PromiseRejectionHandledWarning/);
    await stack.setConfig('zcc:clientSecret', { value: secret, secret: true });
    // Pulumi deletes with the provider configuration recorded in state, so record the restored secret first.
    await current().declare(queues(2, 'secret'));
    await stack.up(quiet());

    const tokens = (await control('GET', '/tokens')) as string[];
    expect(tokens.length).toBeGreaterThan(0);
    const everything = [stdout.text(), failed.text(), denied.text(), stderr.join(''), readStateFiles(dir)].join('\n');
    report.push(`secrets: grepped ${(everything.length / 1024).toFixed(0)} KB of state, -v=9 logs and errors for the secret and ${tokens.length} tokens`);
    expect(stderr.join('').length).toBeGreaterThan(10_000); // the verbose log really was captured
    for (const needle of [secret, 'a-wrong-secret-value', ...tokens]) expect(everything.includes(needle) ? needle : 'absent').toBe('absent');
  });
});
