import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { ConfigMap } from '@pulumi/pulumi/automation';
import type { Emulator } from '../emulator/server';

/** The CLI `make tools` provides. Missing means failing loudly, never skipping. */
export function requireCli(repoRoot: string): void {
  for (const binary of ['pulumi', 'pulumi-language-nodejs', 'pulumi-resource-pulumi-nodejs']) {
    if (!existsSync(path.join(repoRoot, '.tools/bin', binary))) {
      throw new Error(`${binary} is missing from .tools/bin: run \`make tools\` (this needs the real Pulumi CLI).`);
    }
  }
  const built = path.join(repoRoot, 'dist/cli/main.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first.');
  // The e2e tests install dist/, not the sources: a source newer than the build would be tested as it was before.
  const builtAt = statSync(built).mtimeMs;
  for (const dir of ['provider', 'sdk', 'cli', 'emulator']) {
    for (const file of readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[]) {
      if (file.endsWith('.ts') && statSync(path.join(repoRoot, dir, file)).mtimeMs > builtAt)
        throw new Error(`dist/ is older than ${dir}/${file}: run \`npm run build\` (npm run test:e2e builds first).`);
    }
  }
}

/**
 * Installs this package into `dir/node_modules` as files (what `npm pack` ships: package.json and dist/), not
 * a symlink, so Pulumi serializes the provider exactly as it would for a user, and links the one
 * @pulumi/pulumi the program and the package must share. `dir` must be inside the repo so the copy finds
 * axios and zod in the repo's node_modules, as in a hoisted install.
 */
export function installPackage(repoRoot: string, dir: string): void {
  const target = path.join(dir, 'node_modules/zcc-pulumi');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(repoRoot, 'package.json'), path.join(target, 'package.json'));
  cpSync(path.join(repoRoot, 'dist'), path.join(target, 'dist'), { recursive: true });
  // The policy pack's launcher and manifest, the provider plugin's launcher and the schema it serves, beside
  // package.json, as in the tarball.
  // zcc-pulumi/native's package.json, too.
  for (const file of ['policy-pack', 'PulumiPolicy.yaml', 'pulumi-resource-zcc', 'schema.json', 'native'])
    cpSync(path.join(repoRoot, file), path.join(target, file), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules/@pulumi'), { recursive: true });
  rmSync(path.join(dir, 'node_modules/@pulumi/pulumi'), { recursive: true, force: true });
  symlinkSync(path.join(repoRoot, 'node_modules/@pulumi/pulumi'), path.join(dir, 'node_modules/@pulumi/pulumi'));
}

/**
 * Environment for the CLI: the built tools on PATH, a file:// backend, no network lookups. The Python virtualenv
 * of `make tools` comes first: Pulumi's Python host runs the first `python3` on PATH.
 */
export function pulumiEnv(repoRoot: string, stateDir: string): Record<string, string> {
  mkdirSync(path.join(stateDir, 'state'), { recursive: true });
  return {
    PATH: `${path.join(repoRoot, '.tools/python/bin')}:${path.join(repoRoot, '.tools/bin')}:${process.env.PATH}`,
    PULUMI_HOME: path.join(stateDir, 'home'),
    PULUMI_BACKEND_URL: `file://${path.join(stateDir, 'state')}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? 'zcc-local-passphrase',
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: 'true',
  };
}

/** Stack config that points the provider at an emulator, the client secret stored as a Pulumi secret. */
export function emulatorStackConfig(emulator: Emulator): ConfigMap {
  return {
    'zcc:accountId': { value: emulator.options.accountId },
    'zcc:clientId': { value: emulator.options.clientId },
    'zcc:clientSecret': { value: emulator.options.clientSecret, secret: true },
    'zcc:baseUrl': { value: emulator.baseUrl },
  };
}
