import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoChanges, outputCollector, useProject } from './harness';
import type { DriftReport } from '../../cli/drift/report';

jest.setTimeout(10 * 60_000);

/**
 * What a reviewer reads is what `up` will do: a replaced queue's members preview as replaced (with the delete-first
 * warning), an updated queue's members as unchanged, and a value not known before `up` is never printed as Pulumi's
 * placeholder. Measured on the real CLI, in the preview, in `zcc-pulumi drift` and then in `up`.
 */
const SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

describe('previews that say what up will do', () => {
  const current = useProject('program');
  const runDrift = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const bin = path.join(current().dir, 'node_modules/zcc-pulumi/dist/cli/main.js');
      execFile(
        process.execPath,
        [bin, 'drift', '--stack', 'e2e', ...args],
        { cwd: current().dir, env: { ...process.env, ...current().envVars }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  const declare = (queue: Record<string, unknown>, extra: Array<{ kind: string; name: string; args: Record<string, unknown> }> = []) =>
    current().declare([
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice', maxWaitTime: 240, ...queue } },
      { kind: 'QueueAgent', name: 'support-lead', args: { queueId: { $ref: 'support.queueId' }, userId: 'agent_010' } },
      // Additive: an exclusive set would remove the QueueAgent's user (and the program would warn about it).
      { kind: 'QueueMembers', name: 'support-members', args: { queueId: { $ref: 'support.queueId' }, userIds: ['agent_001', 'agent_002'], mode: 'additive' } },
      ...extra,
    ]);
  const stepsOf = (preview: { changeSummary: Record<string, number> }) => preview.changeSummary;

  it('updated upstream: dependents unchanged; replaced upstream: dependents replaced, with the delete-first warning', async () => {
    const { stack } = current();
    await declare({});
    expect((await stack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toEqual({ create: 4 });
    await expectNoChanges(stack);

    // (b) The queue is updated: its id stays, so its agent and member set show no change.
    await declare({ maxWaitTime: 300 });
    const updated = await stack.preview({ diff: true });
    expect(stepsOf(updated)).toEqual({ same: 3, update: 1 });
    const updatedDrift = await runDrift('--json', 'updated.json');
    expect({ status: updatedDrift.status, out: updatedDrift.stdout }).toEqual({ status: 3, out: expect.any(String) });
    const updatedReport = JSON.parse(readFileSync(path.join(current().dir, 'updated.json'), 'utf8')) as DriftReport;
    expect(updatedReport.pending.map((entry) => [entry.kind, entry.op])).toEqual([['Queue', 'update']]);
    await stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(stack);

    // (a) The channel changes: the queue is replaced (deleted first: names are unique), and so are its members.
    await declare({ maxWaitTime: 300, channel: 'messaging' });
    const out = outputCollector();
    // Pulumi's default display (not --diff, which leaves the provider's diagnostics out) shows the warning.
    const replaced = await stack.preview({ onOutput: out.onOutput });
    expect(stepsOf(replaced)).toEqual(expect.objectContaining({ replace: 3, same: 1 }));
    expect(out.text()).toMatch(
      /Queue "Support" \(\w+\) is replaced because channel changed, and deleted first: ZCC requires its name to stay unique, so it is out of service/,
    );
    const drift = await runDrift('--json', 'replaced.json', '--markdown', 'replaced.md');
    expect(drift.status).toBe(3);
    const report = JSON.parse(readFileSync(path.join(current().dir, 'replaced.json'), 'utf8')) as DriftReport;
    expect(report.pending.map((entry) => [entry.kind, entry.name, entry.op, entry.deletedFirst ?? false])).toEqual([
      ['Queue', 'support', 'replace', true],
      // Pulumi deletes a delete-first replacement's dependents before it, so they are deleted first too.
      ['QueueAgent', 'support-lead', 'replace', true],
      ['QueueMembers', 'support-members', 'replace', true],
    ]);
    expect(drift.stdout).toContain('+- Queue "support": to replace (deleted first: out of service until the new one exists)');
    expect(readFileSync(path.join(current().dir, 'replaced.md'), 'utf8')).toContain(
      '| Queue `support` | to replace (deleted first: out of service until the new one exists) | `channel`: `"voice"` → `"messaging"` |',
    );
    const up = await stack.up({ onOutput: outputCollector().onOutput });
    expect(up.summary.resourceChanges).toEqual(expect.objectContaining({ replace: 3, same: 1 }));
    await expectNoChanges(stack);
  });

  it('a new queue linked to a new routing profile: (known after up), never the placeholder', async () => {
    await declare({ maxWaitTime: 300, channel: 'messaging' }, [
      { kind: 'AgentRoutingProfile', name: 'tiered', args: { name: 'Tiered' } },
      { kind: 'Queue', name: 'sales', args: { name: 'Sales', channel: 'voice', agentRoutingProfileId: { $ref: 'tiered.agentRoutingProfileId' } } },
    ]);
    const drift = await runDrift('--json', 'new.json', '--markdown', 'new.md');
    expect({ status: drift.status, out: drift.stdout }).toEqual({ status: 3, out: expect.any(String) });
    const json = readFileSync(path.join(current().dir, 'new.json'), 'utf8');
    const markdown = readFileSync(path.join(current().dir, 'new.md'), 'utf8');
    for (const text of [json, markdown, drift.stdout, drift.stderr]) expect(text).not.toContain(SENTINEL);
    const report = JSON.parse(json) as DriftReport;
    const sales = report.pending.find((entry) => entry.name === 'sales')!;
    expect(sales.fields).toContainEqual({ field: 'agentRoutingProfileId', new: { $unknown: 'known after up' } });
    expect(drift.stdout).toContain('agentRoutingProfileId = (known after up)');
    expect(markdown).toContain('`agentRoutingProfileId` = (known after up)');
    await current().stack.up({ onOutput: outputCollector().onOutput });
    await expectNoChanges(current().stack);
    await current().stack.destroy({ onOutput: outputCollector().onOutput });
  });
});
