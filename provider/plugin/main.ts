import { startPluginServer } from './server';

/**
 * `pulumi-resource-zcc` (the executable at the package's root runs this): Pulumi starts it with the engine's address
 * and reads the port it prints. Warnings go to stderr, which Pulumi shows for the resource being worked on.
 */
async function main(): Promise<void> {
  if (!process.argv[2]) {
    console.error('pulumi-resource-zcc: Pulumi starts this plugin with its engine address; run `pulumi up` in a program that uses zcc resources.');
    process.exit(2);
  }
  const { port } = await startPluginServer();
  process.stdout.write(`${port}\n`);
}

main().catch((error: unknown) => {
  console.error(`pulumi-resource-zcc: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
