import { lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';
import { readAccount, type UnsupportedObject } from './export/readAccount';
import { buildModel } from './export/program';
import { renderTypeScript } from './export/render/typescript';
import { renderYaml } from './export/render/yaml';
import { renderPython } from './export/render/python';
import { json, PYTHON_REQUIREMENTS, pulumiYaml, pythonPulumiYaml, TSCONFIG, TYPES_NODE_RANGE, TYPESCRIPT_RANGE } from './export/projectFiles';
import { installedSpec, packageInfo } from './packageInfo';
import { printable, shown } from '../provider/client/printable';

export const exportOptions: Record<string, OptionSpec> = {
  out: { value: true, placeholder: '<dir>', description: 'Directory to write the Pulumi project into (created; must be empty if it exists).' },
  language: {
    value: true,
    placeholder: '<language>',
    description:
      'typescript (default: dynamic resources, adopted with `zcc-pulumi adopt`), yaml or python (the provider plugin: the first `pulumi up` imports every object with reads only).',
  },
  'base-url': { value: true, placeholder: '<url>', description: 'ZCC API base URL (default: ZCC_BASE_URL, else https://api.zoom.us/v2).' },
  name: { value: true, placeholder: '<project>', description: 'Pulumi project name (default: zcc-center).' },
  portable: { value: false, description: 'No ids anywhere (no adoptId; flow files point at the program’s objects): to apply to another account.' },
  'manage-deletes': { value: false, description: 'Leave out retainOnDelete, so deleting a declaration deletes the object in ZCC.' },
  'package-spec': {
    value: true,
    placeholder: '<spec>',
    description:
      'How the generated package.json names zcc-pulumi: a version range, a tarball (file:…/zcc-pulumi-0.1.0.tgz), a path or a private registry alias. Default: as the project that installed this command names it, else its exact version.',
  },
  'skip-unsupported': {
    value: false,
    description: 'Export everything else when some objects cannot be declared with this package, listing each skipped one with the reason.',
  },
};

/** The whole project, file by file, before anything is written. */
type ProjectFiles = Map<string, string | Buffer>;

/** `--out` as the user gave it, checked: a new path, or an empty real directory (never a link or a file). */
function checkOut(dir: string): void {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) throw new UsageError(`zcc-pulumi export: ${shown(dir)} is a symbolic link; give a new or empty directory.`);
  if (!stat.isDirectory()) throw new UsageError(`zcc-pulumi export: ${shown(dir)} is not a directory; give a new or empty directory.`);
  if (readdirSync(dir).length > 0) throw new UsageError(`zcc-pulumi export: ${shown(dir)} is not empty; give a new or empty directory.`);
}

/**
 * Writes the project into a new private directory beside `dir` (same filesystem), then renames it into place. Nothing
 * partial is ever at `dir`, and nothing there is followed: a link or file put at `dir` while the account was read
 * makes the rename fail (the project is then left where it was staged, and the error says where).
 */
function writeProject(dir: string, files: ProjectFiles): void {
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(dir)}.zcc-export-`));
  try {
    for (const [file, text] of files) {
      const target = path.join(staging, file);
      mkdirSync(path.dirname(target), { recursive: true });
      // wx: create, never overwrite, never follow a link (names are unique under the strictest filesystem's rules).
      writeFileSync(target, text, { flag: 'wx' });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`zcc-pulumi export: could not write the project (${printable((error as Error).message)}); nothing was written to ${shown(dir)}.`);
  }
  try {
    // rename(2) replaces an empty directory and fails on anything else (a file, a link, a directory with files).
    renameSync(staging, dir);
  } catch (error) {
    throw new Error(
      `zcc-pulumi export: ${shown(dir)} changed while the account was read (${(error as NodeJS.ErrnoException).code}), so nothing was written there; the project is in ${shown(staging)}.`,
    );
  }
}

function unsupportedLines(unsupported: UnsupportedObject[]): string[] {
  return unsupported.map(({ kind, id, label, problems }) => `  - ${kind} ${shown(label)} (${shown(id)}): ${problems.map(printable).join('; ')}`);
}

/**
 * `zcc-pulumi export`: reads a live account (credentials from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET,
 * as the provider) and writes a Pulumi TypeScript project that adopts every object.
 */
export async function runExport(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = options.out;
  if (typeof out !== 'string') throw new UsageError('zcc-pulumi export: --out <dir> is required (the directory to write the project into).');
  const dir = path.resolve(out);
  checkOut(dir);
  const project = typeof options.name === 'string' ? options.name : 'zcc-center';
  if (!/^[A-Za-z0-9_.-]+$/.test(project)) throw new UsageError(`zcc-pulumi export: --name must be letters, digits, '-', '_' or '.'; got ${shown(project)}.`);
  if (typeof options['base-url'] === 'string') env.ZCC_BASE_URL = options['base-url'];
  const language = typeof options.language === 'string' ? options.language : 'typescript';
  if (!['typescript', 'yaml', 'python'].includes(language))
    throw new UsageError(`zcc-pulumi export: --language must be typescript, yaml or python; got ${shown(language)}.`);
  if (language !== 'typescript' && options.portable)
    throw new UsageError(`zcc-pulumi export: --portable writes flow files whose ids the program fills in, which only --language typescript does.`);
  const info = packageInfo();
  const packageSpec = typeof options['package-spec'] === 'string' ? options['package-spec'] : (installedSpec(info, dir) ?? info.version);

  const started = Date.now();
  const account = await readAccount();
  if (account.unsupported.length > 0 && options['skip-unsupported'] !== true) {
    throw new Error(
      [
        `zcc-pulumi export: ${account.unsupported.length} object(s) cannot be declared with this package's resources, so nothing was written:`,
        ...unsupportedLines(account.unsupported),
        'Run again with --skip-unsupported to export everything else (they are then left out of the program and listed).',
      ].join('\n'),
    );
  }
  const model = buildModel(account, { portable: options.portable === true, manageDeletes: options['manage-deletes'] === true }, { version: info.version });
  const files: ProjectFiles = new Map();
  if (language === 'typescript') {
    files.set('index.ts', renderTypeScript(model));
    for (const [file, content] of model.files) files.set(file, content);
    files.set('Pulumi.yaml', pulumiYaml(project));
    files.set(
      'package.json',
      json({
        name: project,
        private: true,
        main: 'index.ts',
        dependencies: { '@pulumi/pulumi': `^${require('@pulumi/pulumi/package.json').version}`, 'zcc-pulumi': packageSpec },
        devDependencies: { '@types/node': TYPES_NODE_RANGE, typescript: TYPESCRIPT_RANGE },
      }),
    );
    files.set('tsconfig.json', json(TSCONFIG));
  } else if (language === 'yaml') {
    // Flow definitions are inline in Pulumi.yaml: only the other files (none: asset files are refused) go beside it.
    files.set('Pulumi.yaml', renderYaml(model, project));
  } else {
    files.set('__main__.py', renderPython(model));
    for (const [file, content] of model.files) files.set(file, content);
    files.set('Pulumi.yaml', pythonPulumiYaml(project));
    files.set('requirements.txt', PYTHON_REQUIREMENTS);
  }
  writeProject(dir, files);

  const total = Object.values(model.counts).reduce((sum, n) => sum + n, 0);
  const seconds = (Date.now() - started) / 1000;
  console.log(`Exported ${total} objects to ${printable(dir)} with ${account.apiCalls} API calls in ${seconds.toFixed(1)} s:`);
  for (const [kind, count] of Object.entries(model.counts)) console.log(`  ${kind}: ${count}`);
  for (const { kind, id, label, message } of account.warnings) console.error(`warning: ${kind} ${shown(label)} (${shown(id)}): ${printable(message)}`);
  if (account.unsupported.length > 0) {
    console.error(`Skipped ${account.unsupported.length} object(s) that this package's resources cannot declare (--skip-unsupported):`);
    for (const line of unsupportedLines(account.unsupported)) console.error(line);
  }
  if (language === 'typescript') {
    console.log(`package.json names zcc-pulumi as ${shown(packageSpec)}${options['package-spec'] ? '' : ' (--package-spec <spec> to change it)'}.`);
    console.log(
      options.portable
        ? '--portable: no ids; `pulumi up` on another account creates everything there (users are matched by email).'
        : 'Next: cd into it, npm install, pulumi stack init, set zcc:* config, then `npx zcc-pulumi adopt` records everything in the stack with reads only (writes are refused while it runs), so the first `pulumi preview` plans no create.',
    );
  } else
    console.log(
      `Next: cd into it, \`npx zcc-pulumi plugin install\` (once per machine)${language === 'python' ? ', a virtualenv with requirements.txt' : ''}, pulumi stack init, set zcc:* config; \`pulumi preview\` then shows an import (=) of every object and \`pulumi up\` imports them with reads only, after which the preview is empty.`,
    );
  return 0;
}
