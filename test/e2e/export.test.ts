import { execFile } from 'node:child_process';
import { LocalWorkspace, PulumiCommand, type Stack } from '@pulumi/pulumi/automation';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/server';
import { EmulatorControl } from '../../emulator/control';
import { main as cli } from '../../cli/main';
import { resetRuntime } from '../../provider/runtime';
import { emulatorStackConfig, installPackage, pulumiEnv, requireCli } from '../../scripts/pulumiProject';
import { expectNoChanges, outputCollector, reapProcessesIn, repoRoot } from './harness';
import { seedAccount } from '../support/seedAccount';
import { describeAccount } from '../support/describeAccount';

jest.setTimeout(60 * 60_000);

/**
 * Objects of every kind in the seeded account: 15 of each routing kind and 3 of each newer one in `make test`, which
 * must stay under 30 minutes (50 each took 333 s of it, 30 each 243 s); `make volume` (ZCC_EXPORT_PER_KIND=300) runs
 * the full-size proof.
 */
const PER_KIND = Number(process.env.ZCC_EXPORT_PER_KIND ?? 15);
const PRO = { light: 20, medium: 10, heavy: 5 } as Record<string, number>;
const workRoot = path.join(repoRoot, '.e2e-work');

/** `zcc-pulumi export` in this process (the emulators answer from it too), credentials from the environment. */
async function exportAccount(emulator: Emulator, out: string, ...flags: string[]): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    ZOOM_ACCOUNT_ID: emulator.options.accountId,
    ZOOM_CLIENT_ID: emulator.options.clientId,
    ZOOM_CLIENT_SECRET: emulator.options.clientSecret,
  });
  resetRuntime();
  try {
    expect(await cli(['export', '--out', out, '--base-url', emulator.baseUrl, ...flags])).toBe(0);
  } finally {
    process.env = saved;
    resetRuntime();
  }
}

const filesOf = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') || file.endsWith('.json') || file.endsWith('.yaml'))
      .sort()
      .map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]),
  );

/** The CLI as users run it, in the project, with the project's Pulumi environment (no terminal). */
function runCli(dir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'dist/cli/main.js'), ...args],
      { cwd: dir, env: { ...process.env, ...pulumiEnv(repoRoot, dir), PULUMI_SKIP_CHECKPOINTS: 'true' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

async function stackFor(dir: string, emulator: Emulator): Promise<Stack> {
  installPackage(repoRoot, dir);
  const pulumiCommand = await PulumiCommand.get({ root: path.join(repoRoot, '.tools'), skipVersionCheck: true });
  // Thousands of resources: checkpoint once at the end instead of after every step (Pulumi rewrites the whole
  // state each time, which is Pulumi's cost, not this package's).
  const envVars = { ...pulumiEnv(repoRoot, dir), PULUMI_SKIP_CHECKPOINTS: 'true' };
  const stack = await LocalWorkspace.createOrSelectStack({ stackName: 'e2e', workDir: dir }, { envVars, pulumiCommand });
  await stack.setAllConfig(emulatorStackConfig(emulator));
  return stack;
}

describe(`zcc-pulumi export of a seeded account (${PER_KIND} objects of every kind) on the real Pulumi CLI`, () => {
  const emulators: Emulator[] = [];
  mkdirSync(workRoot, { recursive: true });
  const work = mkdtempSync(path.join(workRoot, 'export-'));
  afterAll(async () => {
    reapProcessesIn(work);
    await Promise.all(emulators.map((emulator) => emulator.close()));
    rmSync(work, { recursive: true, force: true });
  });

  it('adopts everything with 0 writes, is deterministic, edits with one PATCH, and --portable rebuilds it in another account', async () => {
    requireCli(repoRoot);
    const a = await startEmulator({ plan: 'unlimited', seed: { users: PER_KIND + 20 } });
    emulators.push(a);
    const controlA = new EmulatorControl(a.origin);
    const seeded = await seedAccount(a, PER_KIND);
    const total = Object.values(seeded.counts).reduce((sum, n) => sum + n, 0);

    // The export, measured against Zoom's Pro budget (Light 20/s, Medium 10/s).
    await controlA.send('PUT', '/settings', { rateLimits: { plan: 'pro' } });
    await controlA.clearRequests();
    const exported = path.join(work, 'exported');
    const started = Date.now();
    await exportAccount(a, exported);
    const seconds = (Date.now() - started) / 1000;
    const log = await controlA.requests();
    const byCategory: Record<string, number> = {};
    for (const entry of log.entries) if (entry.category) byCategory[entry.category] = (byCategory[entry.category] ?? 0) + 1;
    const bound = Math.max(...Object.entries(byCategory).map(([category, calls]) => calls / PRO[category]));
    console.log(
      `export of ${total} objects: ${log.total} API calls (${JSON.stringify(byCategory)}, ${(log.total / total).toFixed(2)} per object), ${log.writes} writes, ${seconds.toFixed(1)} s; ` +
        `Pro budget bound ${bound.toFixed(1)} s, ratio ${(seconds / bound).toFixed(2)}`,
    );
    expect(log.writes).toBe(0);
    await controlA.send('PUT', '/settings', { rateLimits: { plan: 'unlimited' } });

    // The same account exports to the same bytes.
    const again = path.join(work, 'again');
    await exportAccount(a, again);
    expect(filesOf(again)).toEqual(filesOf(exported));
    const program = readFileSync(path.join(exported, 'index.ts'), 'utf8');
    expect(program).not.toMatch(/userIds: \[\s*"/);
    expect(program).toContain('user("ada.lovelace1@example.com")');

    // Install and adopt (zcc-pulumi adopt: an up whose writes the client refuses), then the program's first preview
    // plans nothing: no create, no change; also after a refresh.
    const stack = await stackFor(exported, a);
    await controlA.clearRequests();
    const adopted = await runCli(exported, 'adopt', '--stack', 'e2e');
    const upLog = await controlA.requests();
    console.log(`export: adopt took ${total} objects with ${upLog.total} API calls and ${upLog.writes} writes: ${adopted.stdout.trim()}`);
    expect({ status: adopted.status, stderr: adopted.stderr }).toEqual({ status: 0, stderr: '' });
    expect(adopted.stdout).toContain(`Adopted ${total} object(s) into stack e2e with reads only`);
    expect(upLog.writes).toBe(0);
    const firstPreview = await stack.preview({ onOutput: outputCollector().onOutput });
    expect(firstPreview.changeSummary).toEqual({ same: total + 1 });
    await expectNoChanges(stack);
    const refreshed = await stack.preview({ refresh: true });
    expect(Object.keys(refreshed.changeSummary)).toEqual(['same']);

    // One field edited in the generated program: exactly one PATCH.
    const edited = program.replace(/(const поддержкаSupportQueue = new zcc\.Queue\([^]*?maxWaitTime: )60,/, '$1999,');
    expect(edited).not.toBe(program);
    writeFileSync(path.join(exported, 'index.ts'), edited);
    await controlA.clearRequests();
    const edit = await stack.up({ onOutput: outputCollector().onOutput });
    expect(edit.summary.resourceChanges).toMatchObject({ update: 1 });
    const editLog = await controlA.requests();
    expect(editLog.entries.filter((entry) => entry.method !== 'GET' && entry.path !== '/oauth/token').map((entry) => entry.route)).toEqual([
      'PATCH /v2/contact_center/queues/:queueId',
    ]);
    await expectNoChanges(stack);

    // --portable: account A's configuration applied to an empty account B (other user ids, same emails).
    const b = await startEmulator({ plan: 'unlimited', seed: { users: PER_KIND + 20, userIdPrefix: 'b_user_' } });
    emulators.push(b);
    const controlB = new EmulatorControl(b.origin);
    for (const category of await controlB.objects('skill_categories')) await controlB.send('DELETE', `/objects/skill_categories/${category.skill_category_id}`);
    for (const flow of await controlB.objects('flows')) await controlB.send('DELETE', `/objects/flows/${flow.flow_id}`);
    // The emulator seeds a voicemail inbox; Zoom's document does not say every account has one, so --portable
    // declares it like any object (a seeded one of that name fails the preview, naming it): B starts without it.
    for (const inbox of await controlB.objects('inboxes')) await controlB.send('DELETE', `/objects/inboxes/${inbox.inbox_id}`);
    // Likewise the asset category the emulator seeds: Zoom's document does not say which one every account has.
    for (const category of await controlB.objects('asset_categories')) await controlB.send('DELETE', `/objects/asset_categories/${category.category_id}`);
    const portable = path.join(work, 'portable');
    await exportAccount(a, portable, '--portable');
    const portableFiles = filesOf(portable);
    const ids = new Set<string>();
    for (const collection of ['queues', 'skills', 'skill_categories', 'flows', 'agent_routing_profiles', 'consumer_routing_profiles', 'users']) {
      for (const row of await controlA.objects(collection))
        for (const [key, value] of Object.entries(row)) if (/_id$/.test(key) && typeof value === 'string') ids.add(value);
    }
    const leaked = Object.entries(portableFiles).flatMap(([file, text]) => [...ids].filter((id) => text.includes(`"${id}"`)).map((id) => `${file}: ${id}`));
    expect(leaked).toEqual([]);
    const stackB = await stackFor(portable, b);
    const upB = await stackB.up({ onOutput: outputCollector().onOutput });
    expect(upB.summary.resourceChanges).toEqual({ create: total + 1 });
    await expectNoChanges(stackB);
    const [described, describedB] = await Promise.all([describeAccount(a.origin), describeAccount(b.origin)]);
    const mismatched = [...described.keys()].filter((key) => JSON.stringify(described.get(key)) !== JSON.stringify(describedB.get(key)));
    console.log(`export --portable: ${described.size} objects of account A compared by name with account B, ${mismatched.length} differ`);
    expect(mismatched.slice(0, 5).map((key) => ({ key, a: described.get(key), b: describedB.get(key) }))).toEqual([]);
    expect([...describedB.keys()].sort()).toEqual([...described.keys()].sort());
    // The account's own defaults were adopted by name lookups and are kept; what the program created is its own
    // (destroy deletes it).
    const portableProgram = portableFiles['index.ts'];
    expect(portableProgram).toContain('adoptId: zcc.getBusinessHours({ name: "Default business hours" }).then((found) => found.businessHourId)');
    expect(portableProgram).not.toMatch(/adoptId: "/);
    const stateB = (await stackB.exportStack()).deployment as { resources: Array<{ type: string; id?: string; retainOnDelete?: boolean }> };
    expect(
      stateB.resources
        .filter((resource) => resource.retainOnDelete)
        .map((resource) => `${resource.type.split(':').pop()} ${resource.id}`)
        .sort(),
    ).toEqual(['BusinessHours bh_default', 'ClosureSet cs_default']);
  });
});
