import { LocalWorkspace, PulumiCommand, type Stack } from '@pulumi/pulumi/automation';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/server';
import { EmulatorControl } from '../../emulator/control';
import { emulatorStackConfig, installPackage, pulumiEnv, requireCli } from '../../scripts/pulumiProject';

export const repoRoot = path.resolve(__dirname, '../..');
const workRoot = path.join(repoRoot, '.e2e-work');

/** Every file Pulumi wrote for the stack (checkpoints, backups, history), for grepping secrets. */
export function readStateFiles(dir: string): string {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(dir, 'state'));
  return out.join('\n');
}

const toolsRoot = path.join(repoRoot, '.tools');

/**
 * Kills every process working in `dir`. Pulumi starts its language host and providers in process groups of
 * their own, so killing a `pulumi` (the SIGKILL test) leaves them running; they all work in the project dir.
 */
export function reapProcessesIn(dir: string): number[] {
  const reaped: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let cwd: string;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue;
    }
    if (cwd !== dir && !cwd.startsWith(`${dir}/`)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      reaped.push(pid);
    } catch {
      // Already gone.
    }
  }
  return reaped;
}

export interface E2eProject {
  stack: Stack;
  emulator: Emulator;
  dir: string;
  envVars: Record<string, string>;
  control: (method: string, route: string, body?: unknown) => Promise<any>;
  declare: (resources: Array<{ kind: string; name: string; args: Record<string, unknown>; options?: Record<string, unknown> }>) => Promise<void>;
  dispose: () => Promise<void>;
}

/**
 * A fixture program in a temp dir whose node_modules links this package and its @pulumi/pulumi (one copy,
 * as a user's install would have), a file:// backend, and an emulator on 127.0.0.1.
 */
export async function createProject(fixture: string, emulatorOptions: Parameters<typeof startEmulator>[0] = {}): Promise<E2eProject> {
  requireCli(repoRoot);
  // Under the repo so the installed copy finds axios and zod in the repo's node_modules, like a hoisted install.
  mkdirSync(workRoot, { recursive: true });
  // A fixture name under fixtures/, or an absolute path (the examples).
  const source = path.isAbsolute(fixture) ? fixture : path.join(__dirname, 'fixtures', fixture);
  const dir = mkdtempSync(path.join(workRoot, `${path.basename(fixture)}-`));
  cpSync(source, dir, { recursive: true, filter: (file) => !/\/(node_modules|Pulumi\.[^/]+\.yaml)$/.test(file) });
  installPackage(repoRoot, dir);
  const emulator = await startEmulator({ plan: 'business', ...emulatorOptions });
  const envVars = pulumiEnv(repoRoot, dir);
  const pulumiCommand = await PulumiCommand.get({ root: toolsRoot, skipVersionCheck: true });
  const stack = await LocalWorkspace.createOrSelectStack({ stackName: 'e2e', workDir: dir }, { envVars, pulumiCommand });
  await stack.setAllConfig(emulatorStackConfig(emulator));
  const emulatorControl = new EmulatorControl(emulator.origin);
  const control = (method: string, route: string, body?: unknown) => emulatorControl.send(method, route, body);
  return {
    stack,
    emulator,
    dir,
    envVars,
    control,
    declare: (resources) => stack.setConfig('fixture:resources', { value: JSON.stringify(resources) }),
    dispose: async () => {
      reapProcessesIn(dir);
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects the engine's output so failures show what Pulumi said. */
export function outputCollector() {
  const lines: string[] = [];
  return { onOutput: (line: string) => lines.push(line), text: () => lines.join('') };
}

/** Registers a project for the surrounding describe block: created before its tests, disposed after. */
export function useProject(fixture: string): () => E2eProject {
  let project: E2eProject | undefined;
  beforeAll(async () => {
    project = await createProject(fixture);
  });
  afterAll(async () => {
    await project?.dispose();
  });
  return () => {
    if (!project) throw new Error('the e2e project failed to start; see beforeAll');
    return project;
  };
}

/** Every `up` is followed by this: a preview that plans nothing but "same", showing Pulumi's diff otherwise. */
export async function expectNoChanges(stack: Stack): Promise<void> {
  const out = outputCollector();
  const preview = await stack.preview({ onOutput: out.onOutput, diff: true });
  const changed = Object.keys(preview.changeSummary).filter((op) => op !== 'same');
  expect({ changed, output: changed.length ? out.text() : '' }).toEqual({ changed: [], output: '' });
}

/** Flows this test made: every emulator account starts with one sample flow per channel (`flow_seed_<channel>`). */
export function ownFlows<T>(rows: T[]): T[] {
  return rows.filter((row) => !String((row as { flow_id?: unknown }).flow_id ?? '').startsWith('flow_seed_'));
}
