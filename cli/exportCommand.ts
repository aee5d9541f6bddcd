import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';
import { readAccount } from './export/readAccount';
import { buildProgram } from './export/program';
import { packageInfo } from './packageInfo';

export const exportOptions: Record<string, OptionSpec> = {
  out: { value: true, placeholder: '<dir>', description: 'Directory to write the Pulumi project into (created; must be empty if it exists).' },
  'base-url': { value: true, placeholder: '<url>', description: 'ZCC API base URL (default: ZCC_BASE_URL, else https://api.zoom.us/v2).' },
  name: { value: true, placeholder: '<project>', description: 'Pulumi project name (default: zcc-center).' },
  portable: { value: false, description: 'No ids anywhere (no adoptId; flow files point at the program’s objects): to apply to another account.' },
  'manage-deletes': { value: false, description: 'Leave out retainOnDelete, so deleting a declaration deletes the object in ZCC.' },
};

/**
 * `zcc-pulumi export`: reads a live account (credentials from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET,
 * as the provider) and writes a Pulumi TypeScript project that adopts every object.
 */
export async function runExport(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = options.out;
  if (typeof out !== 'string') throw new UsageError('zcc-pulumi export: --out <dir> is required (the directory to write the project into).');
  const dir = path.resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`zcc-pulumi export: ${dir} is not empty; give a new or empty directory.`);
  const project = typeof options.name === 'string' ? options.name : 'zcc-center';
  if (!/^[A-Za-z0-9_.-]+$/.test(project))
    throw new UsageError(`zcc-pulumi export: --name must be letters, digits, '-', '_' or '.'; got ${JSON.stringify(project)}.`);
  if (typeof options['base-url'] === 'string') env.ZCC_BASE_URL = options['base-url'];

  const started = Date.now();
  const account = await readAccount();
  const { version, dependencies, devDependencies } = packageInfo();
  const exported = buildProgram(account, { portable: options.portable === true, manageDeletes: options['manage-deletes'] === true }, { version });

  mkdirSync(path.join(dir, 'flows'), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write('index.ts', exported.program);
  for (const [file, text] of exported.flowFiles) write(file, text);
  write(
    'Pulumi.yaml',
    `name: ${project}\ndescription: Zoom Contact Center configuration exported by zcc-pulumi export.\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
  );
  write(
    'package.json',
    `${JSON.stringify(
      {
        name: project,
        private: true,
        main: 'index.ts',
        dependencies: { '@pulumi/pulumi': dependencies['@pulumi/pulumi'], 'zcc-pulumi': `^${version}` },
        devDependencies: { '@types/node': devDependencies['@types/node'], typescript: devDependencies.typescript },
      },
      null,
      2,
    )}\n`,
  );
  write(
    'tsconfig.json',
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', strict: true, esModuleInterop: true, skipLibCheck: true, ignoreDeprecations: '6.0' }, files: ['index.ts'] }, null, 2)}\n`,
  );
  const total = Object.values(exported.counts).reduce((sum, n) => sum + n, 0);
  const seconds = (Date.now() - started) / 1000;
  console.log(`Exported ${total} objects to ${dir} with ${account.apiCalls} API calls in ${seconds.toFixed(1)} s:`);
  for (const [kind, count] of Object.entries(exported.counts)) console.log(`  ${kind}: ${count}`);
  console.log(
    options.portable
      ? '--portable: no ids; `pulumi up` on another account creates everything there (users are matched by email).'
      : 'Next: cd into it, npm install, pulumi stack init, set zcc:* config, then `pulumi up` adopts everything without a single write.',
  );
  return 0;
}
