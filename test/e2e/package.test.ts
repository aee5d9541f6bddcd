import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputCollector, reapProcessesIn, repoRoot } from './harness';
import { npm, run, startInstalledEmulator } from './installed';
import { pulumiEnv, requireCli } from '../../scripts/pulumiProject';

jest.setTimeout(20 * 60_000);

/**
 * The package as a user gets it: `npm pack`, installed with npm into empty directories outside the repository (so
 * nothing resolves from the repo's node_modules), then its command, its emulator, a small program and a copied-out
 * example, each on the real Pulumi CLI.
 */
const PROGRAM = `const zcc = require('zcc-pulumi');
const lead = zcc.getUser({ email: 'ada.lovelace1@example.com' });
const queue = new zcc.Queue('support', { name: 'Support', channel: 'voice', maxWaitTime: 120 });
new zcc.QueueAgent('lead', { queueId: queue.queueId, userId: lead.then((user) => user.userId) });
exports.queueId = queue.queueId;
`;

describe('the packed package, installed with npm', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'zcc-pulumi-pack-'));
  let emulator: { child: ChildProcess; baseUrl: string } | undefined;
  afterAll(() => {
    emulator?.child.kill('SIGTERM');
    reapProcessesIn(work);
    rmSync(work, { recursive: true, force: true });
  });

  it('ships what it should; its command, emulator, a program and the copied-out example run', async () => {
    requireCli(repoRoot);
    const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = path.join(work, filename);
    const shipped = files.map((file) => file.path);
    expect(shipped).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'docs/resources.md',
        'docs/drift.md',
        'dist/cli/main.js',
        'examples/github-workflows/zcc-drift.yml',
        'examples/github-workflows/zcc-pr-preview.yml',
        'examples/contact-center/index.ts',
        'policy-pack',
        'PulumiPolicy.yaml',
        'pulumi-resource-zcc',
        'native/package.json',
        'examples/contact-center-yaml/Pulumi.yaml',
        'examples/contact-center-python/__main__.py',
        'schema.json',
        'dist/provider/plugin/main.js',
        'dist/policy/index.js',
      ]),
    );
    expect(shipped.filter((file) => file.endsWith('.map') || (file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('examples/')))).toEqual([]);
    expect(shipped.filter((file) => /^(test|bench|scripts|dist\/scripts|dist\/bench|examples\/[^/]+\/node_modules)\//.test(file))).toEqual([]);
    // The README's links point at files the tarball has.
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const [, link] of readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+)\)/g))
      expect(shipped.some((file) => file === link || file.startsWith(`${link}/`))).toBe(true);

    // An empty project that installs the tarball, as `npm install zcc-pulumi` would.
    const app = path.join(work, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'zcc-app', private: true, main: 'index.js' }));
    writeFileSync(path.join(app, 'Pulumi.yaml'), 'name: zcc-app\nruntime: nodejs\n');
    writeFileSync(path.join(app, 'index.js'), PROGRAM);
    // A plain install, warnings shown: nothing the package brings declares an engine this Node does not meet.
    const installed = await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
    expect(installed.status).toBe(0);
    expect(`${installed.stdout}${installed.stderr}`).not.toContain('EBADENGINE');
    for (const file of readdirSync(path.join(app, 'node_modules/zcc-pulumi/dist'), { recursive: true }) as string[]) {
      if (file.endsWith('.js')) expect(readFileSync(path.join(app, 'node_modules/zcc-pulumi/dist', file), 'utf8')).not.toContain('sourceMappingURL');
    }

    const help = await run('npx', ['--no-install', 'zcc-pulumi', '--help'], app);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/drift[\s\S]*emulator/);
    const bad = await run('npx', ['--no-install', 'zcc-pulumi', 'nonsense'], app);
    expect({ status: bad.status, lines: bad.stderr.trim().split('\n').length }).toEqual({ status: 2, lines: 1 });

    emulator = await startInstalledEmulator(app);
    const credentials = {
      'zcc:accountId': { value: 'emulator-account' },
      'zcc:clientId': { value: 'emulator-client' },
      'zcc:clientSecret': { value: 'emulator-secret', secret: true },
      'zcc:baseUrl': { value: emulator.baseUrl },
    };
    const pulumiCommand = await PulumiCommand.get({ root: path.join(repoRoot, '.tools'), skipVersionCheck: true });

    const stack = await LocalWorkspace.createOrSelectStack({ stackName: 'packed', workDir: app }, { envVars: pulumiEnv(repoRoot, app), pulumiCommand });
    await stack.setAllConfig(credentials);
    const up = await stack.up({ onOutput: outputCollector().onOutput });
    expect(up.summary.resourceChanges).toEqual({ create: 3 });
    expect(up.outputs.queueId.value).toMatch(/^\w+$/);
    expect((await stack.preview()).changeSummary).toEqual({ same: 3 });
    // The policy pack as the README runs it, from the installed package: the queue has an agent but no hours
    // (advisory), nothing mandatory is broken, so the preview passes and reports the advisory.
    const policed = outputCollector();
    await stack.preview({ policyPacks: [path.join(app, 'node_modules/zcc-pulumi/policy-pack')], onOutput: policed.onOutput });
    expect(policed.text()).toContain('zcc-contact-center@v0.1.0');
    expect(policed.text()).toContain('Queue "support" has no QueueOperatingHours in this stack');
    await stack.destroy({ onOutput: outputCollector().onOutput });

    // The YAML example copied out of the repository, on the plugin the installed tarball put in Pulumi's plugin
    // cache (`npx zcc-pulumi plugin install`), with no Node.js project around it.
    const env = pulumiEnv(repoRoot, app);
    const plugin = await run('npx', ['--no-install', 'zcc-pulumi', 'plugin', 'install'], app, { ...process.env, ...env });
    expect(plugin.status).toBe(0);
    expect(plugin.stdout).toContain(`it runs ${path.join(app, 'node_modules/zcc-pulumi')}`);
    const yamlExample = path.join(work, 'contact-center-yaml');
    cpSync(path.join(repoRoot, 'examples/contact-center-yaml'), yamlExample, { recursive: true });
    const yamlStack = await LocalWorkspace.createOrSelectStack(
      { stackName: 'yaml', workDir: yamlExample },
      { envVars: { ...pulumiEnv(repoRoot, yamlExample), PULUMI_HOME: env.PULUMI_HOME }, pulumiCommand },
    );
    await yamlStack.setAllConfig(credentials);
    expect((await yamlStack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toEqual({ create: 9 });
    expect((await yamlStack.preview()).changeSummary).toEqual({ same: 9 });
    await yamlStack.destroy({ onOutput: outputCollector().onOutput });

    // The example copied out of the repository, with nothing but npm: its own TypeScript compiles it.
    const example = path.join(work, 'contact-center');
    cpSync(path.join(repoRoot, 'examples/contact-center'), example, { recursive: true, filter: (file) => !/\/(node_modules|Pulumi\.[^/]+\.yaml)$/.test(file) });
    await npm(['install', tarball], example);
    const exampleStack = await LocalWorkspace.createOrSelectStack(
      { stackName: 'copied', workDir: example },
      { envVars: pulumiEnv(repoRoot, example), pulumiCommand },
    );
    await exampleStack.setAllConfig(credentials);
    const exampleOutput = outputCollector();
    const exampleUp = await exampleStack.up({ onOutput: exampleOutput.onOutput }).catch((error: Error) => {
      throw new Error(`${error.message}\n${exampleOutput.text()}`);
    });
    expect(exampleUp.summary.resourceChanges).toEqual({ create: 40 });
    expect(exampleOutput.text()).not.toMatch(/TS\d{4}|Unknown compiler option/);
    expect(Object.keys((await exampleStack.preview()).changeSummary)).toEqual(['same']);
    await exampleStack.destroy({ onOutput: outputCollector().onOutput });
  });
});
