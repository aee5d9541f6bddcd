import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../emulator/server';
import { EmulatorControl } from '../emulator/control';
import { emulatorStackConfig, installPackage, pulumiEnv, requireCli } from './pulumiProject';

/**
 * `make demo`: runs examples/contact-center against an emulator on 127.0.0.1 with the real Pulumi CLI, prints
 * what exists in the emulator afterwards, shows that a second preview is empty, then destroys the stack.
 */
async function main() {
  const repoRoot = path.resolve(__dirname, '../..');
  requireCli(repoRoot);
  const example = path.join(repoRoot, 'examples/contact-center');
  const work = path.join(repoRoot, '.demo');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'state'), { recursive: true });
  installPackage(repoRoot, example);
  const emulator = await startEmulator({ plan: 'pro' });
  console.log(`ZCC emulator on ${emulator.baseUrl}`);
  try {
    const pulumiCommand = await PulumiCommand.get({ root: path.join(repoRoot, '.tools'), skipVersionCheck: true });
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: 'demo', workDir: example }, { envVars: pulumiEnv(repoRoot, work), pulumiCommand });
    await stack.setAllConfig(emulatorStackConfig(emulator));
    const started = Date.now();
    const up = await stack.up({ onOutput: (line) => process.stdout.write(line) });
    console.log(`\npulumi up: ${JSON.stringify(up.summary.resourceChanges)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const control = new EmulatorControl(emulator.origin);
    const requests = await control.requests();
    console.log(`API calls during up: ${requests.total} ${JSON.stringify(requests.byRoute)}`);
    const preview = await stack.preview();
    console.log(`second preview: ${JSON.stringify(preview.changeSummary)}`);
    const queues = await control.objects('queues');
    console.log('\nQueues in the emulator:');
    for (const q of queues)
      console.log(
        `  ${q.queue_id}  ${String(q.queue_name).padEnd(12)} channel=${q.channel} max_wait=${q.max_wait_time}s${q.overflow_to_queue_id ? ` overflow→${q.overflow_to_queue_id}` : ''}`,
      );
    const list = (collection: string) => control.objects(collection);
    console.log(`Skills: ${(await list('skills')).map((s) => s.skill_name).join(', ')}`);
    console.log(
      `Flows: ${(await list('flows')).map((f) => `${f.flow_name} (${f.channel}, ${f.status}, ${(f.flow_versions as unknown[]).length} version(s))`).join(', ')}`,
    );
    console.log(
      `Routing profiles: ${[...(await list('agent_routing_profiles')).map((p) => `${p.agent_routing_profile_name} (agents, ${(p.priorities as unknown[]).length} priorities)`), ...(await list('consumer_routing_profiles')).map((p) => `${p.consumer_routing_profile_name} (callers)`)].join(', ')}`,
    );
    const members = await control.queueAgents();
    const names = Object.fromEntries(queues.map((q) => [q.queue_id, q.queue_name]));
    console.log(
      `Memberships (${Object.values(members).flat().length}): ${Object.entries(members)
        .map(([id, agents]) => `${names[id]} ${agents.length}`)
        .join(', ')}`,
    );
    await stack.destroy({ onOutput: () => undefined });
    await stack.workspace.removeStack('demo');
    const counts: Record<string, number> = {};
    for (const collection of ['queues', 'skill_categories', 'skills', 'flows', 'agent_routing_profiles', 'consumer_routing_profiles']) {
      counts[collection] = (await control.objects(collection)).length;
    }
    console.log(`\nstack destroyed; emulator left with ${JSON.stringify(counts)}`);
  } finally {
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
