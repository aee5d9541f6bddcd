import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { reapProcessesIn, repoRoot } from './harness';
import { npm, run, startInstalledEmulator } from './installed';
import { requireCli } from '../../scripts/pulumiProject';
import { EmulatorControl } from '../../emulator/control';
import { TSCONFIG, json } from '../../cli/export/projectFiles';

jest.setTimeout(30 * 60_000);

/**
 * The README's quick start, as a user follows it: its four files written as they stand, the packed tarball beside
 * them, then its commands and its emulator examples run as written (only the emulator's port differs), in a
 * directory outside the repository with its own HOME, so nothing resolves from this repository. Then the project it
 * made is exported with the installed command, and the export installs and adopts exactly as written.
 */
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const tarballName = `zcc-pulumi-${version}.tgz`;
const quickstartFiles = new Map([...readme.matchAll(/<!-- quickstart-file: (\S+) -->\n```\w*\n([^]*?)```/g)].map((m) => [m[1], m[2]]));
const block = (marker: string) => {
  const found = new RegExp(`<!-- ${marker} -->\\n\`\`\`bash\\n([^]*?)\`\`\``).exec(readme);
  if (!found) throw new Error(`README.md has no ${marker} block`);
  return found[1];
};

describe('the README quick start, followed as written, outside the repository', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'zcc-pulumi-quickstart-'));
  const emulators: ChildProcess[] = [];
  let tarball = '';
  afterAll(() => {
    for (const child of emulators) child.kill('SIGTERM');
    reapProcessesIn(work);
    rmSync(work, { recursive: true, force: true });
  });

  beforeAll(async () => {
    requireCli(repoRoot);
    const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
    tarball = path.join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
    expect(path.basename(tarball)).toBe(tarballName);
  });

  it('shows one tsconfig: the README, examples/contact-center and zcc-pulumi export agree', () => {
    expect(JSON.parse(quickstartFiles.get('tsconfig.json')!)).toEqual(TSCONFIG);
    expect(readFileSync(path.join(repoRoot, 'examples/contact-center/tsconfig.json'), 'utf8')).toBe(json(TSCONFIG));
    expect([...quickstartFiles.keys()].sort()).toEqual(['Pulumi.yaml', 'index.ts', 'package.json', 'tsconfig.json']);
    expect(JSON.parse(quickstartFiles.get('package.json')!).dependencies['zcc-pulumi']).toBe(`file:./${tarballName}`);
  });

  /** A directory with the quick start's files (package.json edited by `edit`), the tarball, and a HOME of its own. */
  function project(name: string, edit: (manifest: Record<string, Record<string, string>>) => void = () => undefined) {
    const dir = path.join(work, name);
    const home = path.join(work, `${name}-home`);
    mkdirSync(dir);
    mkdirSync(home);
    for (const [file, text] of quickstartFiles) writeFileSync(path.join(dir, file), text);
    const manifest = JSON.parse(quickstartFiles.get('package.json')!);
    edit(manifest);
    writeFileSync(path.join(dir, 'package.json'), json(manifest));
    copyFileSync(tarball, path.join(dir, tarballName));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      PATH: `${path.join(repoRoot, '.tools/bin')}:${process.env.PATH}`,
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      // npm's cache is not part of what is tested: keep the machine's, so installs need not download again.
      npm_config_cache: process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'),
    };
    delete env.PULUMI_CONFIG_PASSPHRASE;
    delete env.PULUMI_ACCESS_TOKEN;
    // `pulumi login --local` means file://~, and Pulumi finds ~ from the user database, not HOME: point the backend
    // and Pulumi's home into the project's own directory so the test never writes into the machine's home.
    Object.assign(env, { PULUMI_HOME: path.join(home, '.pulumi'), PULUMI_BACKEND_URL: `file://${path.join(home, 'state')}` });
    mkdirSync(path.join(home, 'state'));
    return { dir, env };
  }

  /**
   * Runs a README block with bash -e in `dir`, as written but for the emulator: its line starts ours on a free port
   * (from the project's own installed package), and the default port in later lines becomes that one.
   */
  async function runBlock(text: string, dir: string, env: NodeJS.ProcessEnv, origin?: string) {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => /^npx zcc-pulumi emulator/.test(line));
    const before = at < 0 ? '' : lines.slice(0, at).join('\n');
    let output = '';
    if (before) {
      const first = await run('bash', ['-e', '-c', before], dir, env);
      output += `${first.stdout}${first.stderr}`;
      if (first.status !== 0) return { status: first.status, stdout: first.stdout, output, origin: '' };
    }
    const emulatorOrigin = origin ?? (await emulatorFor(dir)).origin;
    const rest = lines
      .slice(at + 1)
      .join('\n')
      .replaceAll('http://127.0.0.1:4010', emulatorOrigin);
    const result = await run('bash', ['-e', '-c', rest], dir, env);
    return { status: result.status, stdout: result.stdout, output: `${output}${result.stdout}${result.stderr}`, origin: emulatorOrigin };
  }

  async function emulatorFor(dir: string) {
    const emulator = await startInstalledEmulator(dir);
    emulators.push(emulator.child);
    return emulator;
  }

  it('newest @pulumi/pulumi and TypeScript 6: up, empty preview, clean drift; the emulator examples are drift that up --refresh restores; export round-trips', async () => {
    // On Node 20 npm picks the newest release whose engines admit it (3.248.0); Node 22 users get the newest one.
    const newest = (await npm(['view', '@pulumi/pulumi', 'version'], work)).stdout.trim();
    const { dir, env } = project('my-center', (manifest) => {
      manifest.dependencies['@pulumi/pulumi'] = newest;
    });
    const commands = await runBlock(block('quickstart-commands'), dir, env);
    if (commands.status !== 0) throw new Error(`quick start commands failed (${commands.status}):\n${commands.output}`);
    const emulator = { origin: commands.origin, baseUrl: `${commands.origin}/v2` };
    const control = new EmulatorControl(emulator.origin);
    const installed = JSON.parse(readFileSync(path.join(dir, 'node_modules/@pulumi/pulumi/package.json'), 'utf8')).version;
    const typescript = JSON.parse(readFileSync(path.join(dir, 'node_modules/typescript/package.json'), 'utf8')).version;
    console.log(`quick start: @pulumi/pulumi ${installed}, typescript ${typescript}, node ${process.version}`);
    expect(installed).toBe(newest);
    expect(commands.output).toMatch(/\+ 3 created/);
    expect(commands.output).not.toMatch(/error TS\d+/);

    // A wrong channel fails at compile time, not at preview.
    const index = readFileSync(path.join(dir, 'index.ts'), 'utf8');
    writeFileSync(path.join(dir, 'index.ts'), index.replace("channel: 'voice'", "channel: 'chat'"));
    const wrong = await run('pulumi', ['preview'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect(`${wrong.stdout}${wrong.stderr}`).toMatch(/error TS2322: Type '"chat"' is not assignable/);
    writeFileSync(path.join(dir, 'index.ts'), index);

    // The emulator examples, as written, in the same shell state the quick start leaves (its exported passphrase).
    const queues = await control.objects<{ queue_id: string }>('queues');
    expect(queues).toHaveLength(1);
    const examples = await runBlock(
      `export PULUMI_CONFIG_PASSPHRASE=local-only EMULATOR=${emulator.origin}\n${block('emulator-examples')}`,
      dir,
      env,
      emulator.origin,
    );
    if (examples.status !== 0) throw new Error(`emulator examples failed:\n${examples.output}`);
    expect(examples.stdout).toContain(`"queue_id":"${queues[0].queue_id}"`);
    expect(await control.objects('queues')).toEqual([]);
    const drift = await run('npx', ['zcc-pulumi', 'drift'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect({ status: drift.status, deleted: /support/.test(drift.stdout) }).toEqual({ status: 1, deleted: true });
    const restore = await run('bash', ['-e', '-c', 'pulumi up --refresh --yes && pulumi preview --refresh --expect-no-changes'], dir, {
      ...env,
      PULUMI_CONFIG_PASSPHRASE: 'local-only',
    });
    expect({ status: restore.status, output: restore.status === 0 ? '' : `${restore.stdout}${restore.stderr}` }).toEqual({ status: 0, output: '' });
    expect(await control.objects('queues')).toHaveLength(1);

    // Export with the installed command; its package.json installs as written and the adopting up writes nothing.
    const exported = path.join(work, 'exported');
    const exportRun = await run('npx', ['zcc-pulumi', 'export', '--out', exported, '--base-url', emulator.baseUrl], dir, {
      ...env,
      ZOOM_ACCOUNT_ID: 'emulator-account',
      ZOOM_CLIENT_ID: 'emulator-client',
      ZOOM_CLIENT_SECRET: 'emulator-secret',
    });
    expect({ status: exportRun.status, stderr: exportRun.stderr }).toEqual({ status: 0, stderr: '' });
    const exportedManifest = JSON.parse(readFileSync(path.join(exported, 'package.json'), 'utf8'));
    expect(exportedManifest.dependencies['zcc-pulumi']).toBe(`file:../my-center/${tarballName}`);
    expect(readFileSync(path.join(exported, 'tsconfig.json'), 'utf8')).toBe(json(TSCONFIG));
    await npm(['install'], exported, env);
    await control.clearRequests();
    const adopt = await runBlock(
      [
        'export PULUMI_CONFIG_PASSPHRASE=local-only',
        'pulumi stack init adopted',
        'pulumi config set zcc:baseUrl http://127.0.0.1:4010/v2',
        'pulumi config set zcc:accountId emulator-account',
        'pulumi config set zcc:clientId emulator-client',
        'pulumi config set --secret zcc:clientSecret emulator-secret',
        'pulumi up --yes',
        'pulumi preview --expect-no-changes',
        'pulumi destroy --yes',
      ].join('\n'),
      exported,
      env,
      emulator.origin,
    );
    if (adopt.status !== 0) throw new Error(`the exported project failed:\n${adopt.output}`);
    const log = await control.requests();
    console.log(`quick start export: adopting up, preview and destroy (retained) made ${log.total} calls, ${log.writes} writes`);
    expect(log.writes).toBe(0);
    expect(await control.objects('queues')).toHaveLength(1);

    const destroy = await run('pulumi', ['destroy', '--yes'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect(destroy.status).toBe(0);
    expect(await control.objects('queues')).toEqual([]);
  });

  // The Node.js versions users run, from `make tools` (scripts/install-node-versions.sh): the quick start as written,
  // its program, provider and emulator all on that Node, with the newest @pulumi/pulumi (which declares Node >= 22).
  it.each(['22', '24'])('Node.js %s with the newest @pulumi/pulumi: the quick start as written, an empty preview, destroy', async (major) => {
    const nodeBin = path.join(repoRoot, `.tools/node-${major}/bin`);
    const newest = (await npm(['view', '@pulumi/pulumi', 'version'], work)).stdout.trim();
    const { dir, env } = project(`node${major}`, (manifest) => {
      manifest.dependencies['@pulumi/pulumi'] = newest;
    });
    env.PATH = `${nodeBin}:${env.PATH}`;
    const node = await run('node', ['--version'], dir, env);
    expect(node.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
    const commands = await runBlock(block('quickstart-commands'), dir, env);
    if (commands.status !== 0) throw new Error(`quick start commands on Node ${major} failed (${commands.status}):\n${commands.output}`);
    expect(commands.output).toMatch(/\+ 3 created/);
    expect(`${commands.output}`).not.toContain('EBADENGINE');
    console.log(`quick start on Node ${node.stdout.trim()}: @pulumi/pulumi ${newest}`);
    const again = await run('pulumi', ['preview', '--expect-no-changes'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect({ status: again.status, output: again.status === 0 ? '' : `${again.stdout}${again.stderr}` }).toEqual({ status: 0, output: '' });
    const destroy = await run('pulumi', ['destroy', '--yes'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect(destroy.status).toBe(0);
    expect(await new EmulatorControl(commands.origin).objects('queues')).toEqual([]);
  });

  it('the lowest supported @pulumi/pulumi (3.229.0) with TypeScript 5 (Pulumi template): up, empty preview, clean drift, destroy', async () => {
    const { dir, env } = project('lowest', (manifest) => {
      manifest.dependencies['@pulumi/pulumi'] = '3.229.0';
      manifest.devDependencies.typescript = '^5';
    });
    const commands = await runBlock(block('quickstart-commands'), dir, env);
    if (commands.status !== 0) throw new Error(`quick start commands failed (${commands.status}):\n${commands.output}`);
    const emulator = { origin: commands.origin };
    const installed = JSON.parse(readFileSync(path.join(dir, 'node_modules/@pulumi/pulumi/package.json'), 'utf8')).version;
    const typescript = JSON.parse(readFileSync(path.join(dir, 'node_modules/typescript/package.json'), 'utf8')).version;
    console.log(`lowest supported: @pulumi/pulumi ${installed}, typescript ${typescript}`);
    expect(installed).toBe('3.229.0');
    expect(typescript).toMatch(/^5\./);
    expect(commands.output).toMatch(/\+ 3 created/);
    const destroy = await run('pulumi', ['destroy', '--yes'], dir, { ...env, PULUMI_CONFIG_PASSPHRASE: 'local-only' });
    expect(destroy.status).toBe(0);
    expect(await new EmulatorControl(emulator.origin).objects('queues')).toEqual([]);
  });
});
