import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoChanges, outputCollector, useProject } from './harness';
import type { DriftReport } from '../../cli/drift/report';
import { ZccClient } from '../../provider/client/client';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

jest.setTimeout(10 * 60_000);

describe('zcc-pulumi drift on the real Pulumi CLI', () => {
  const current = useProject('program');
  // Asynchronous: the emulator runs in this process and must keep answering while the command runs.
  const runDrift = (...args: string[]) => runCli('drift', ...args);
  const runCli = (command: string, ...args: string[]) => runCliWith({}, command, ...args);
  const runCliWith = (extraEnv: Record<string, string>, command: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      // The copy installed in the project, as `npx zcc-pulumi` runs it.
      const bin = path.join(current().dir, 'node_modules/zcc-pulumi/dist/cli/main.js');
      execFile(
        process.execPath,
        [bin, command, ...args],
        { cwd: current().dir, env: { ...process.env, ...current().envVars, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  /** Runs a command the report printed for CI, as printed, in the project: no terminal, no stdin, as a CI job. */
  const shell = (command: string) =>
    new Promise<number>((resolve) => {
      execFile(
        'bash',
        ['-c', `${command} < /dev/null`],
        { cwd: current().dir, env: { ...process.env, ...current().envVars }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) console.log(`${command} failed:\n${stdout}${stderr}`);
          resolve(error ? Number((error as { code?: number }).code ?? 1) : 0);
        },
      );
    });
  const declare = (extra: { wrapUpTime?: number; billing?: boolean; maxWaitTime?: number }) =>
    current().declare([
      {
        kind: 'Queue',
        name: 'support',
        args: { name: 'Support', channel: 'voice', maxWaitTime: extra.maxWaitTime ?? 240, ...(extra.wrapUpTime ? { wrapUpTime: extra.wrapUpTime } : {}) },
      },
      { kind: 'Queue', name: 'returns', args: { name: 'Returns', channel: 'voice' } },
      { kind: 'QueueMembers', name: 'support-members', args: { queueId: { $ref: 'support.queueId' }, userIds: ['agent_001', 'agent_002'] } },
      ...(extra.billing ? [{ kind: 'Queue', name: 'billing', args: { name: 'Billing', channel: 'messaging' } }] : []),
    ]);

  it('exits 0 when clean; separates console drift from pending program changes; exits 2 when the check fails', async () => {
    const { stack, control, dir } = current();
    await declare({});
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
    const clean = await runDrift('--stack', 'e2e');
    expect({ status: clean.status, out: clean.stdout, err: clean.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining('No drift and nothing pending on stack e2e'),
      err: '',
    });

    // Behind Pulumi's back: a setting, a membership and a deleted queue. In the program: a new setting and a new queue.
    const queues = (await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>;
    const support = queues.find((queue) => queue.queue_name === 'Support')!;
    const returns = queues.find((queue) => queue.queue_name === 'Returns')!;
    await control('PATCH', `/objects/queues/${support.queue_id}`, { max_wait_time: 999 });
    await control('PUT', `/queue_agents/${support.queue_id}`, ['agent_001', 'agent_007']);
    await control('DELETE', `/objects/queues/${returns.queue_id}`);
    await declare({ wrapUpTime: 30, billing: true });
    await control('DELETE', '/requests');
    const found = await runDrift('--stack', 'e2e', '--json', 'drift.json', '--markdown', 'drift.md');
    const requests = await control('GET', '/requests');
    expect(requests.writes).toBe(0);
    expect(found.status).toBe(1);

    const report = JSON.parse(readFileSync(path.join(dir, 'drift.json'), 'utf8')) as DriftReport;
    expect(report).toMatchObject({ version: 1, stack: 'e2e', clean: false, summary: { drift: 3, pending: 2 } });
    const entries = (list: Array<{ kind: string; name: string }>) => Object.fromEntries(list.map(({ kind, name, ...rest }) => [`${kind} ${name}`, rest]));
    expect(entries(report.drift)).toEqual({
      'Queue support': expect.objectContaining({ change: 'modified', fields: [{ field: 'maxWaitTime', old: 240, new: 999 }] }),
      'Queue returns': expect.objectContaining({ change: 'deleted', fields: [] }),
      'QueueMembers support-members': expect.objectContaining({
        change: 'modified',
        fields: [{ field: 'userIds', added: ['agent_007'], removed: ['agent_002'] }],
      }),
    });
    // The plan also puts maxWaitTime and the members back and re-creates Returns: that is the drift above, not pending.
    expect(entries(report.pending)).toEqual({
      'Queue support': expect.objectContaining({ op: 'update', fields: [{ field: 'wrapUpTime', new: 30 }] }),
      'Queue billing': expect.objectContaining({
        op: 'create',
        fields: [
          { field: 'channel', new: 'messaging' },
          { field: 'description', new: '' },
          { field: 'name', new: 'Billing' },
        ],
      }),
    });

    const markdown = readFileSync(path.join(dir, 'drift.md'), 'utf8');
    console.log(`drift markdown:\n${markdown}`);
    expect(markdown).toContain('### Drift: changed in Zoom Contact Center outside Pulumi');
    expect(markdown).toContain('| QueueMembers `support-members` | changed in ZCC | `userIds`: added `agent_007`; removed `agent_002` |');
    expect(markdown).toContain('| Queue `billing` | to create | `channel` = `"messaging"`<br>`description` = `""`<br>`name` = `"Billing"` |');
    expect(found.stdout).toContain('maxWaitTime: 240 → 999');
    for (const text of [found.stdout, found.stderr, markdown, JSON.stringify(report)]) expect(text).not.toContain(current().emulator.options.clientSecret);

    // The trusted comment job's way: the same Markdown, rendered from the JSON alone, with no preview run.
    await control('DELETE', '/requests');
    const rendered = await runDrift('--report', 'drift.json', '--markdown', 'from-json.md');
    expect(rendered.status).toBe(1);
    expect(readFileSync(path.join(dir, 'from-json.md'), 'utf8')).toBe(markdown);
    expect((await control('GET', '/requests')).total).toBe(0);
    // A read-only job (ZCC_READ_ONLY) refuses the stack's own (deploy) credentials instead of using them.
    const readOnly = await runCliWith({ ZCC_READ_ONLY: 'true' }, 'drift', '--stack', 'e2e');
    expect(readOnly.status).toBe(2);
    expect(readOnly.stderr).toContain("ZCC_READ_ONLY is set, but the stack's config holds zcc:accountId, zcc:clientId, zcc:clientSecret");
    expect((await control('GET', '/requests')).total).toBe(0);

    // The command the report prints to put things back is the one that does it: the next check is clean.
    expect(found.stdout).toContain('`pulumi up --refresh --stack e2e`');
    const restore = /In CI \(no terminal\): `(pulumi up --refresh --yes --stack e2e)`/.exec(found.stdout)![1];
    expect(await shell(restore)).toBe(0);
    const afterRestore = await runDrift('--stack', 'e2e');
    expect({ status: afterRestore.status, out: afterRestore.stdout }).toEqual({ status: 0, out: expect.stringContaining('No drift and nothing pending') });

    // Pending only (main ahead of the deployed stack): exit 3, and the printed command applies it.
    await declare({ wrapUpTime: 45, billing: true });
    const pendingOnly = await runDrift('--stack', 'e2e');
    expect(pendingOnly.status).toBe(3);
    expect(pendingOnly.stdout).toContain('wrapUpTime: 30 → 45');
    expect(await shell(/In CI \(no terminal\): `(pulumi up --yes --stack e2e)`/.exec(pendingOnly.stdout)![1])).toBe(0);
    expect((await runDrift('--stack', 'e2e')).status).toBe(0);

    // Keeping a console edit: the program declares it, and the printed refresh command records it.
    const live = (await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>;
    await control('PATCH', `/objects/queues/${live.find((queue) => queue.queue_name === 'Support')!.queue_id}`, { max_wait_time: 500 });
    await declare({ wrapUpTime: 45, billing: true, maxWaitTime: 500 });
    const accepted = await runDrift('--stack', 'e2e');
    expect(accepted.status).toBe(1);
    expect(accepted.stdout).not.toContain('Pending');
    expect(await shell(/In CI \(no terminal\): `(pulumi refresh --yes --stack e2e)`/.exec(accepted.stdout)![1])).toBe(0);
    const afterAccept = await runDrift('--stack', 'e2e');
    expect({ status: afterAccept.status, out: afterAccept.stdout }).toEqual({ status: 0, out: expect.stringContaining('No drift and nothing pending') });

    // The Markdown carries the routing this touches, and `graph` draws the whole stack from its state.
    expect(markdown).toContain('```mermaid\nflowchart LR\n');
    const graph = await runCli('graph', '--stack', 'e2e', '--markdown');
    expect({ status: graph.status, stderr: graph.stderr }).toEqual({ status: 0, stderr: '' });
    expect(graph.stdout).toBe(
      '```mermaid\nflowchart LR\n  n1["Queue: Billing"]\n  n2["Queue: Returns"]\n  n3["Queue: Support · 2 agents, 0 supervisors"]\n```\n',
    );

    const failed = await runDrift('--stack', 'no-such-stack');
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^zcc-pulumi drift: the check itself failed \(exit 2\)/);
    const usage = await runDrift('--stack');
    expect({ status: usage.status, err: usage.stderr.trim() }).toEqual({ status: 2, err: 'zcc-pulumi drift: --stack needs a value <name>.' });
  });

  it('a console edit stays visible after a later up that writes the same queue in part', async () => {
    const { stack, control } = current();
    const declareOne = (description: string) =>
      current().declare([{ kind: 'Queue', name: 'edited', args: { name: 'Edited later', channel: 'voice', description, maxWaitTime: 240 } }]);
    await declareOne('first');
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
    const queue = ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>).find((q) => q.queue_name === 'Edited later')!;
    await control('PATCH', `/objects/queues/${queue.queue_id}`, { max_wait_time: 999 });
    // The program changes only the description; `up` (no refresh) sends only that.
    await declareOne('second');
    await control('DELETE', '/requests');
    await stack.up({ onOutput: outputCollector().onOutput });
    expect((await control('GET', '/requests')).byRoute).toMatchObject({ 'PATCH /v2/contact_center/queues/:queueId': 1 });
    const found = await runDrift('--stack', 'e2e', '--json', 'partial.json');
    expect(found.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(current().dir, 'partial.json'), 'utf8')) as DriftReport;
    expect(report.drift).toEqual([expect.objectContaining({ kind: 'Queue', name: 'edited', fields: [{ field: 'maxWaitTime', old: 240, new: 999 }] })]);
    expect(found.stdout).toContain('maxWaitTime: 240 → 999');
  });

  it('a number taken from a flow outside the stack: refused by the preview without consent; with takeFrom, warned in the preview and the drift report, then moved', async () => {
    const { stack, control } = current();
    const entries = async () => (await control('GET', '/objects/flow_entry_points')) as Record<string, Array<{ entry_id: string }>>;
    const program = (takeFrom?: string[]) =>
      current().declare([
        { kind: 'Flow', name: 'own-ivr', args: { name: 'Own IVR', publish: true, definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] } } },
        {
          kind: 'FlowEntryPoints',
          name: 'main-line',
          // ep_phone_1 (+16505550100) reaches the account's sample voice flow, which this stack does not manage.
          args: { flowId: { $ref: 'own-ivr.flowId' }, entryPoints: [{ entryId: 'ep_phone_1' }], ...(takeFrom ? { takeFrom } : {}) },
        },
      ]);
    expect((await entries()).flow_seed_voice?.map((entry) => entry.entry_id)).toContain('ep_phone_1');
    // Start from an empty stack: the tests before this one leave console drift behind.
    await current().declare([]);
    await stack.up({ refresh: true, onOutput: outputCollector().onOutput });

    await program();
    await control('DELETE', '/requests');
    const refused = outputCollector();
    await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
    expect(refused.text()).toContain('would take +16505550100 from flow "Sample voice flow" (flow_seed_voice): that flow is not managed by this stack');
    expect((await control('GET', '/requests')).writes).toBe(0);
    // `up` without its preview (the Automation API's) creates the stack's own flow, and refuses the takeover: no
    // entry point is written, and the sample flow keeps its number.
    await expect(stack.up({ onOutput: outputCollector().onOutput })).rejects.toThrow();
    const written = (await control('GET', '/requests')) as { entries: Array<{ method: string; route: string }> };
    expect(written.entries.filter((entry) => entry.method !== 'GET' && entry.route.includes('entry_points'))).toEqual([]);
    expect((await entries()).flow_seed_voice?.map((entry) => entry.entry_id)).toContain('ep_phone_1');

    await program(['flow_seed_voice']);
    await control('DELETE', '/requests');
    const found = await runDrift('--stack', 'e2e', '--json', 'takeover.json', '--markdown', 'takeover.md');
    expect(found.status).toBe(3);
    const report = JSON.parse(readFileSync(path.join(current().dir, 'takeover.json'), 'utf8')) as DriftReport;
    expect(report.warnings).toEqual([
      // A dynamic provider's warning reaches Pulumi without its resource: the kind comes from the message.
      expect.objectContaining({ kind: 'FlowEntryPoints', message: expect.stringContaining('takes +16505550100 from flow "Sample voice flow"') }),
    ]);
    expect(report.warnings[0].message).toContain('flow_seed_voice');
    expect(readFileSync(path.join(current().dir, 'takeover.md'), 'utf8')).toContain('### Warnings: what `up` would do outside the stack');
    expect((await control('GET', '/requests')).writes).toBe(0);

    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
    const after = await entries();
    expect(after.flow_seed_voice?.map((entry) => entry.entry_id) ?? []).not.toContain('ep_phone_1');
    expect(Object.entries(after).filter(([, list]) => list.some((entry) => entry.entry_id === 'ep_phone_1')).length).toBe(1);
  });
  it('removing business hours that a queue outside the stack uses: a preview cannot refuse it, the drift report does (exit 4), naming the queue', async () => {
    const { stack, control, dir } = current();
    await current().declare([
      { kind: 'BusinessHours', name: 'after-hours', args: { name: 'After hours', timezone: 'Europe/Berlin', hours: { hourType: 'alwaysOpen' } } },
    ]);
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
    const hours = ((await control('GET', '/objects/business_hours')) as Array<{ business_hour_id: string; business_hour_name: string }>).find(
      (row) => row.business_hour_name === 'After hours',
    )!;
    // In the console: a queue this stack does not manage starts to follow those hours.
    const console = new ZccClient({ ...current().emulator.options, baseUrl: current().emulator.baseUrl, plan: 'business' });
    const outside = await console.createIn(queuesEndpoint, { queue_name: 'Night <b>desk</b>', channel: 'voice' });
    await control('PUT', `/queue_operating_hours/${outside.queue_id}`, { business_hour_id: hours.business_hour_id });

    await current().declare([]);
    await control('DELETE', '/requests');
    // Pulumi runs no provider code for a delete in a preview: plain preview shows a delete and passes.
    await stack.preview({ onOutput: outputCollector().onOutput });
    const found = await runDrift('--stack', 'e2e', '--json', 'refused.json', '--markdown', 'refused.md');
    expect((await control('GET', '/requests')).writes).toBe(0);
    expect(found.status).toBe(4);
    const report = JSON.parse(readFileSync(path.join(dir, 'refused.json'), 'utf8')) as DriftReport;
    expect(report.refusals).toEqual([
      {
        kind: 'BusinessHours',
        name: 'after-hours',
        urn: expect.stringContaining('after-hours'),
        message: `up would fail to delete BusinessHours "after-hours" (${hours.business_hour_id}): queue "Night <b>desk</b>" (${outside.queue_id}), outside the stack, still uses it. Point it elsewhere first (or manage it in this stack), or keep BusinessHours "after-hours" in the program.`,
      },
    ]);
    expect(found.stdout).toContain('1 refused (up would fail)');
    expect(found.stdout).not.toContain('pulumi up');
    const markdown = readFileSync(path.join(dir, 'refused.md'), 'utf8');
    expect(markdown).toContain('### Refused: `up` would fail on these');
    expect(markdown).toContain('| BusinessHours `after-hours` | `up would fail to delete BusinessHours "after-hours"');
    // The comment job renders it from the JSON alone, with the same exit code.
    expect((await runDrift('--report', 'refused.json')).status).toBe(4);

    // What the report said is what up does: ZCC refuses the delete, and the message names the queue.
    const failed = outputCollector();
    await expect(stack.up({ onOutput: failed.onOutput })).rejects.toThrow();
    expect(failed.text()).toContain(`queue "Night <b>desk</b>" (${outside.queue_id}) still uses it`);
    // Once the queue follows other hours, the check is clean of refusals and up deletes them.
    await control('PUT', `/queue_operating_hours/${outside.queue_id}`, {});
    expect((await runDrift('--stack', 'e2e')).status).toBe(3);
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);
  });
});
