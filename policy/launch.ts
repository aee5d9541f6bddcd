import path from 'node:path';

/**
 * Started by `policy-pack` (the executable `pulumi preview --policy-pack` runs) with the engine's address: runs this
 * package's pack (dist/policy) in Pulumi's policy runner, taken from the program's own `@pulumi/pulumi` so the pack
 * and the program share one Pulumi SDK.
 */
const packDir = __dirname;
const runner = require.resolve('@pulumi/pulumi/cmd/run-policy-pack', { paths: [process.cwd(), path.resolve(packDir, '../..')] });
const engine = process.argv[2];
if (!engine) {
  console.error('policy-pack: expected the Pulumi engine address as the first argument (pulumi preview --policy-pack starts it with one).');
  process.exit(2);
}
// @pulumi/policy reads the pack's version from `<cwd>/package.json`: this package's, not the program's.
process.chdir(path.resolve(packDir, '../..'));
process.argv = [process.argv[0], runner, engine, packDir];
require(runner);
