import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OptionSpec, ParsedOptions } from './args';
import { packageInfo } from './packageInfo';

export const pluginOptions: Record<string, OptionSpec> = {
  pulumi: { value: true, placeholder: '<path>', description: 'The pulumi command to install with (default: pulumi on PATH).' },
  reinstall: { value: false, description: 'Replace a zcc plugin of this version already in the cache.' },
};

/** A shell word: single quotes, each quote in the text closed, escaped and reopened. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The plugin launcher this install writes: node on PATH running this copy's plugin (dist/provider/plugin). */
export function launcherScript(root: string, version: string): string {
  return [
    '#!/bin/sh',
    `# zcc-pulumi ${version}'s provider plugin, installed by \`zcc-pulumi plugin install\`: it runs the package where npm put it.`,
    '# Moving or removing that package breaks this plugin: run `npx zcc-pulumi plugin install --reinstall` again.',
    `exec node ${shellQuote(path.join(root, 'dist/provider/plugin/main.js'))} "$@"`,
    '',
  ].join('\n');
}

/**
 * `zcc-pulumi plugin install`: puts the provider plugin pulumi-resource-zcc of this package's version into Pulumi's
 * plugin cache (`pulumi plugin install resource zcc <version> --file <launcher>`), so YAML, Python, Go and .NET
 * programs find it with no `plugins` block in Pulumi.yaml. The plugin runs this installed package with Node.js.
 */
export async function runPlugin(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { root, version } = packageInfo();
  const dir = mkdtempSync(path.join(tmpdir(), 'zcc-plugin-'));
  try {
    const launcher = path.join(dir, 'pulumi-resource-zcc');
    writeFileSync(launcher, launcherScript(root, version));
    chmodSync(launcher, 0o755);
    const pulumi = (options.pulumi as string | undefined) ?? 'pulumi';
    const args = ['plugin', 'install', 'resource', 'zcc', version, '--file', launcher, ...(options.reinstall ? ['--reinstall'] : [])];
    const result = spawnSync(pulumi, args, { env, stdio: 'inherit' });
    if (result.error)
      throw new Error(`zcc-pulumi plugin install: cannot run ${pulumi} (${result.error.message}); install the Pulumi CLI or pass --pulumi <path>.`);
    if (result.status !== 0) return 2;
    console.log(`zcc-pulumi plugin install: resource plugin zcc ${version} is in Pulumi's plugin cache; it runs ${root}.`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
