import { execFile } from 'node:child_process';
import path from 'node:path';
import { expectNoChanges, outputCollector, repoRoot, useProject } from './harness';
import { checkTraffic, type LoggedRequest } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';



jest.setTimeout(10 * 60_000);

describe('examples/contact-center', () => {
  const current = useProject(path.join(repoRoot, 'examples/contact-center'));

  it('builds a whole contact center, previews empty, restores a console edit, and destroys it; all traffic matches the official document', async () => {
    const { stack, control } = current();
    await control('DELETE', '/requests');
    const up = await stack.up({ onOutput: outputCollector().onOutput });
    expect(up.summary.resourceChanges).toEqual({ create: 27 });
    const requests = await control('GET', '/requests');
    console.log(`contact-center up: ${requests.total} API calls ${JSON.stringify(requests.byRoute)}`);
    expect(requests.byRoute['POST /v2/contact_center/queues']).toBe(5);
    expect(requests.byRoute['POST /v2/contact_center/skills']).toBe(8);
    expect(Object.values(await control('GET', '/objects/queue_agents')).flat()).toHaveLength(19);
    expect(Object.values(await control('GET', '/objects/queue_supervisors')).flat()).toHaveLength(3);
    await expectNoChanges(stack);

    // A change made in the console: refresh records it, up puts the declared value back.
    const [support] = ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>).filter((q) => q.queue_name === 'Support');
    await control('PATCH', `/objects/queues/${support.queue_id}`, { max_wait_time: 999, service_level_target_in_percentage: 50 });
    await stack.refresh({ onOutput: outputCollector().onOutput });
    expect((await stack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(((await control('GET', '/objects/queues')) as Array<Record<string, unknown>>).find((q) => q.queue_id === support.queue_id)).toMatchObject({ max_wait_time: 300, service_level_target_in_percentage: 80 });
    await expectNoChanges(stack);

    await stack.destroy({ onOutput: outputCollector().onOutput });
    expect(await control('GET', '/objects/queues')).toEqual([]);
    expect(await control('GET', '/objects/skills')).toEqual([]);
    expect(await control('GET', '/objects/agent_routing_profiles')).toEqual([]);

    // Every request the client sent and every answer, checked against ../shared/zoom-cc-official-api.md.
    const log = (await control('GET', '/requests')) as { entries: LoggedRequest[] };
    const report = checkTraffic(log.entries, parseOfficialApi());
    console.log(
      `contact-center conformance: ${report.checked} requests checked over ${Object.keys(report.byOperation).length} operations, ${report.mismatches.length} mismatches, ${report.unknownOperations.length} unknown operations`,
    );
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
  });
});

describe('examples/drift-detection', () => {
  const current = useProject('program');
  // Asynchronous: the emulator runs in this process and must keep answering while the script runs.
  const runDriftCheck = () =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(repoRoot, 'examples/drift-detection/drift-check.js'), '--stack', 'e2e'],
        { cwd: current().dir, env: { ...process.env, ...current().envVars }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });

  it('exits 0 without drift, and 1 naming the resource and field after console edits', async () => {
    const { stack, control } = current();
    await current().declare([
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice', maxWaitTime: 240 } },
      { kind: 'QueueMembers', name: 'support-members', args: { queueId: { $ref: 'support.queueId' }, userIds: ['agent_001', 'agent_002'] } },
    ]);
    await stack.up({ onOutput: outputCollector().onOutput });
    const clean = await runDriftCheck();
    expect({ status: clean.status, out: clean.stdout + clean.stderr }).toEqual({ status: 0, out: expect.stringContaining('No drift') });

    const [queue] = await control('GET', '/objects/queues');
    await control('PATCH', `/objects/queues/${queue.queue_id}`, { max_wait_time: 999 });
    await control('PUT', `/queue_agents/${queue.queue_id}`, ['agent_001', 'agent_007']);
    const drifted = await runDriftCheck();
    expect(drifted.status).toBe(1);
    expect(drifted.stdout).toMatch(/DRIFT: 2 resource\(s\)/);
    expect(drifted.stdout).toMatch(/Queue "support" would update: .*maxWaitTime/);
    expect(drifted.stdout).toMatch(/QueueMembers "support-members" would update: .*userIds/);
    expect(drifted.stdout).toContain('agent_007');
  });
});
