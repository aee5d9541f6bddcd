import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ZccClient } from '../../provider/client/client';
import type { DriftReport } from '../../cli/drift/report';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation';
import { emulatorStackConfig } from '../../scripts/pulumiProject';
import { expectNoChanges, outputCollector, repoRoot, useProject, type E2eProject } from './harness';
import { run } from './installed';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

/** Runs a command in the project with its Pulumi environment (installed.ts `run`). */
const inProject = (project: E2eProject, command: string, args: string[], extraEnv: Record<string, string> = {}) =>
  run(command, args, project.dir, { ...process.env, ...project.envVars, ...extraEnv });

/** A Python literal of a JSON value. */
const pythonValue = (value: unknown): string => {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonValue(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
};

/** `zcc.<Kind>("<name>", snake_case=value, ...)`: the Python SDK's keyword arguments are the inputs in snake case. */
const pythonDeclaration = (kind: string, name: string, inputs: Record<string, unknown>) =>
  `zcc.${kind}(${JSON.stringify(name)}, ${Object.entries(inputs)
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}=${pythonValue(value)}`)
    .join(', ')})`;

/** `npx zcc-pulumi <args>`: the copy installed in the project, with `extraEnv` added to its environment. */
const zccPulumiWith = (project: E2eProject, extraEnv: Record<string, string>, ...args: string[]) =>
  inProject(project, process.execPath, [path.join(project.dir, 'node_modules/zcc-pulumi/dist/cli/main.js'), ...args], extraEnv);
const zccPulumi = (project: E2eProject, ...args: string[]) => zccPulumiWith(project, {}, ...args);

/**
 * The same small center in Pulumi YAML and in Python (examples/contact-center-yaml, -python), on the provider
 * plugin as users get it: `zcc-pulumi plugin install` puts it in Pulumi's plugin cache (no `plugins` block), the
 * Python program imports the SDK `make sdks` generated. Each: up, an empty preview, a console edit found by a
 * refresh preview and by `zcc-pulumi drift` (reads only) and put back, `pulumi import` of a console-made queue with
 * the code Pulumi generates pasted into the program, an empty preview, `zcc-pulumi export --language` of the whole
 * account deployed as a second stack (imports with 0 writes, then an empty preview), destroy.
 */
describe.each([
  {
    language: 'yaml',
    generateCode: true,
    // The import's generated YAML (`resources:` then the resource) goes under the program's own `resources:`.
    paste: (dir: string, code: string) => {
      const file = path.join(dir, 'Pulumi.yaml');
      const resource = code.replace(/^resources:\n/, '');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^resources:\n/m, `resources:\n${resource}`));
    },
  },
  {
    language: 'python',
    // Pulumi's Python host that this machine builds (v3.68.0) has no GenerateProgram: the import takes the queue
    // into state and the program then declares it as the import read it (what the generated code would say).
    generateCode: false,
    paste: (dir: string, code: string) => appendFileSync(path.join(dir, '__main__.py'), `\n${code}\n`),
  },
])('examples/contact-center-$language on the native provider', ({ language, generateCode, paste }) => {
  const current = useProject(path.join(repoRoot, `examples/contact-center-${language}`));
  const quiet = () => ({ onOutput: outputCollector().onOutput });

  it('plugin install → up → empty preview → drift found and put back → pulumi import → export --language adopts → destroy', async () => {
    const project = current();
    const { stack, control, dir } = project;
    const installed = await zccPulumi(project, 'plugin', 'install', '--pulumi', path.join(repoRoot, '.tools/bin/pulumi'));
    expect({ status: installed.status, stderr: installed.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    if (language === 'python') {
      // The generated SDK, from a copy (pip builds in the source tree), into the virtualenv of `make tools`.
      cpSync(path.join(repoRoot, 'sdk/python'), path.join(dir, 'sdk-python'), { recursive: true, filter: (file) => !/(build|egg-info)$/.test(file) });
      const pip = await inProject(project, path.join(repoRoot, '.tools/python/bin/pip'), [
        'install',
        '--quiet',
        '--no-deps',
        '--force-reinstall',
        './sdk-python',
      ]);
      expect({ status: pip.status, stderr: pip.stderr }).toEqual({ status: 0, stderr: '' });
    }

    if (language === 'yaml') {
      // Values the API does not take fail the preview before any write: a channel Pulumi YAML's own type check
      // refuses against the schema, and a wait the plugin's check refuses, naming the resource and what is allowed.
      const file = path.join(dir, 'Pulumi.yaml');
      const good = readFileSync(file, 'utf8');
      const refusedWith = async (bad: string) => {
        writeFileSync(file, bad);
        const refused = outputCollector();
        await expect(stack.preview({ onOutput: refused.onOutput })).rejects.toThrow();
        return refused.text();
      };
      expect(await refusedWith(good.replace('channel: voice', 'channel: chat'))).toMatch(/channel: \S*chat[\s\S]*Allowed values are "voice", "video"/);
      expect(await refusedWith(good.replace('maxWaitTime: 300', 'maxWaitTime: 100000'))).toMatch(/support[\s\S]*maxWaitTime[^\n]*0 to 86400/);
      writeFileSync(file, good);
      expect((await control('GET', '/requests')).writes).toBe(0);
    }

    await control('DELETE', '/requests');
    const up = await stack.up(quiet());
    expect(up.summary.resourceChanges).toEqual({ create: 9 });
    const supportId = up.outputs.supportQueueId.value as string;
    const support = ((await control('GET', '/objects/queues')) as Row[]).find((queue) => queue.queue_id === supportId);
    expect(support).toMatchObject({ queue_name: 'Support', channel: 'voice', max_wait_time: 300 });
    expect((await control('GET', '/objects/queue_agents'))[supportId]).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/queue_operating_hours'))[supportId]).toMatchObject({ business_hour_id: expect.any(String) });
    expect((await control('GET', '/objects/queue_dispositions'))[supportId]).toHaveLength(1);
    await expectNoChanges(stack);

    // A console edit: a refresh preview and `zcc-pulumi drift` find it with reads only; up --refresh puts it back.
    await control('PATCH', `/objects/queues/${supportId}`, { max_wait_time: 999 });
    await control('DELETE', '/requests');
    const preview = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: preview.onOutput })).rejects.toThrow();
    expect(preview.text()).toMatch(/maxWaitTime\s*:\s*999 => 300/);
    const drift = await zccPulumi(project, 'drift', '--stack', 'e2e', '--json', 'drift.json');
    expect({ status: drift.status, stderr: drift.stderr }).toMatchObject({ status: 1 });
    const report = JSON.parse(readFileSync(path.join(dir, 'drift.json'), 'utf8')) as DriftReport;
    expect(report.drift).toEqual([
      expect.objectContaining({ kind: 'Queue', name: 'support', change: 'modified', fields: [{ field: 'maxWaitTime', old: 300, new: 999 }] }),
    ]);
    const reads = await control('GET', '/requests');
    expect(reads.writes).toBe(0);
    console.log(`${language}: refresh preview and drift sent ${reads.total} requests, ${reads.writes} writes`);
    await stack.up({ refresh: true, ...quiet() });
    expect(((await control('GET', '/objects/queues')) as Row[]).find((queue) => queue.queue_id === supportId)?.max_wait_time).toBe(300);
    await expectNoChanges(stack);
    // The routing diagram reads the native stack's state.
    const graph = await zccPulumi(project, 'graph', '--stack', 'e2e');
    expect(graph.stdout).toMatch(/Support/);

    // A queue made in the console, taken over by `pulumi import` (reads only), then declared with the code Pulumi
    // generated for this language (Python: as the import read it): the next preview is empty.
    const emulator = project.emulator;
    const client = new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'business' });
    const made = await client.createIn(queuesEndpoint, { queue_name: 'Console queue', channel: 'voice' });
    await control('DELETE', '/requests');
    const imported = await stack.import({
      resources: [{ type: 'zcc:index:Queue', name: 'console', id: made.queue_id }],
      protect: false,
      generateCode,
      ...quiet(),
    });
    expect(imported.stdout).toMatch(/1 imported/);
    expect((await control('GET', '/requests')).writes).toBe(0);
    const deployment = (await stack.exportStack()).deployment as { resources: Array<{ urn: string; inputs: Record<string, unknown> }> };
    const recorded = deployment.resources.find((resource) => resource.urn.endsWith('zcc:index:Queue::console'))!;
    expect(recorded.inputs).toMatchObject({ name: 'Console queue', channel: 'voice', maxWaitTime: expect.any(Number) });
    const code = generateCode ? imported.generatedCode : pythonDeclaration('Queue', 'console', recorded.inputs);
    expect(code).toContain('Console queue');
    paste(dir, code);
    await expectNoChanges(stack);

    // `zcc-pulumi export --language <this language>` of the whole account (these objects and the account's own),
    // deployed as a new stack: the first up imports every object with reads only, the next preview is empty, and a
    // destroy leaves everything in ZCC (retainOnDelete).
    const exportedDir = path.join(dir, 'exported');
    const credentials = {
      ZCC_BASE_URL: emulator.baseUrl,
      ZOOM_ACCOUNT_ID: emulator.options.accountId,
      ZOOM_CLIENT_ID: emulator.options.clientId,
      ZOOM_CLIENT_SECRET: emulator.options.clientSecret,
    };
    const exported = await zccPulumiWith(project, credentials, 'export', '--language', language, '--out', exportedDir, '--name', `exported-${language}`);
    expect({ status: exported.status, stderr: exported.stderr }).toEqual({ status: 0, stderr: '' });
    const pulumiCommand = await PulumiCommand.get({ root: path.join(repoRoot, '.tools'), skipVersionCheck: true });
    const exportedStack = await LocalWorkspace.createOrSelectStack(
      { stackName: 'exported', workDir: exportedDir },
      { envVars: project.envVars, pulumiCommand },
    );
    await exportedStack.setAllConfig(emulatorStackConfig(emulator));
    await control('DELETE', '/requests');
    const adopted = await exportedStack.up(quiet());
    const { import: importedCount, ...otherChanges } = adopted.summary.resourceChanges ?? {};
    expect(otherChanges).toEqual({ create: 1 });
    expect(importedCount).toBeGreaterThanOrEqual(10);
    expect((await control('GET', '/requests')).writes).toBe(0);
    console.log(`export --language ${language}: ${importedCount} objects imported with 0 writes`);
    await expectNoChanges(exportedStack);
    await exportedStack.destroy(quiet());
    expect((await control('GET', '/requests')).writes).toBe(0);

    await control('DELETE', '/requests');
    const destroyed = await stack.destroy(quiet());
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 10 });
    expect(await control('GET', '/objects/queues')).toEqual([]);
    expect(await control('GET', '/objects/skills')).toEqual([]);
  });
});
