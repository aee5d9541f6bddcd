import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PackageInfo {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** This package's package.json, found upwards from here (dist/cli/ when installed, cli/ in the repo's tests). */
export function packageInfo(): PackageInfo {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as PackageInfo & { name?: string };
      if (parsed.name === 'zcc-pulumi')
        return { version: parsed.version, dependencies: parsed.dependencies ?? {}, devDependencies: parsed.devDependencies ?? {} };
    }
    if (path.dirname(dir) === dir) throw new Error('zcc-pulumi: cannot find its own package.json');
  }
}
