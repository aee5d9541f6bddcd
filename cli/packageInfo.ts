import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PackageInfo {
  /** The directory holding this package's package.json. */
  root: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

/** This package's package.json, found upwards from here (dist/cli/ when installed, cli/ in the repo's tests). */
export function packageInfo(): PackageInfo {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PackageInfo> & { name?: string };
      if (parsed.name === 'zcc-pulumi')
        return {
          root: dir,
          version: parsed.version ?? '0.0.0',
          dependencies: parsed.dependencies ?? {},
          devDependencies: parsed.devDependencies ?? {},
          peerDependencies: parsed.peerDependencies ?? {},
        };
    }
    if (path.dirname(dir) === dir) throw new Error('zcc-pulumi: cannot find its own package.json');
  }
}

/**
 * How the project that installed the running zcc-pulumi names it in its package.json (`file:../zcc-pulumi-0.1.0.tgz`,
 * `^0.1.0`, a git URL…), with a `file:` path made relative to `fromDir`; undefined when this copy was not installed
 * by a project (npx's cache, a global install, the repository itself).
 */
export function installedSpec(info: PackageInfo, fromDir: string): string | undefined {
  if (path.basename(path.dirname(info.root)) !== 'node_modules') return undefined;
  const project = path.dirname(path.dirname(info.root));
  let manifest: Record<string, Record<string, string> | undefined>;
  try {
    manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const spec = [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies].map((deps) => deps?.['zcc-pulumi']).find(Boolean);
  if (!spec || !spec.startsWith('file:')) return spec;
  const target = path.resolve(project, spec.slice('file:'.length));
  return `file:${path.relative(fromDir, target).split(path.sep).join('/')}`;
}
