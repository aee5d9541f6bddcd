import { startEmulator } from '../emulator/server';
import { EmulatorControl } from '../emulator/control';
import { ZccClient } from '../provider/client/client';
import { queuesEndpoint } from '../provider/specs/queueSpec';

/**
 * Prints how close the client gets to Zoom's per-second budget, as ratios measured in this run (the machine is
 * shared and noisy, so no absolute timing means anything): steady creates against the Light budget, and the
 * same after a burst of 429s without headers. `make bench`.
 */
async function createQueues(client: ZccClient, prefix: string, count: number): Promise<number> {
  const started = Date.now();
  await Promise.all(Array.from({ length: count }, (_, i) => client.createIn(queuesEndpoint, { queue_name: `${prefix} ${i}`, channel: 'voice' })));
  return count / ((Date.now() - started) / 1000);
}

async function main() {
  const count = Number(process.env.BENCH_QUEUES ?? 120);
  const emulator = await startEmulator({ plan: 'pro' });
  const emulatorControl = new EmulatorControl(emulator.origin);
  const control = (method: string, route: string, body?: unknown) => emulatorControl.send(method, route, body);
  const budget = 20; // Light, pro plan
  try {
    const steady = new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'pro' });
    const steadyRate = await createQueues(steady, 'steady', count);
    const steadyThrottled = steady.http.stats.throttled;

    await control('PUT', '/settings', { rateLimits: { omitHeaders: true } });
    await control('POST', '/faults', { path: '^/v2/', action: 'respond', status: 429, durationMs: 5_000 });
    const stormed = new ZccClient({ ...emulator.options, baseUrl: emulator.baseUrl, plan: 'pro' });
    const stormRate = await createQueues(stormed, 'storm', count);

    console.log(`queues per run: ${count}; Light budget ${budget}/s`);
    console.log(`steady creates: ${steadyRate.toFixed(1)}/s = ${(steadyRate / budget).toFixed(2)} of budget (429s: ${steadyThrottled})`);
    console.log(
      `after a 5 s 429 storm (no headers), whole run: ${stormRate.toFixed(1)}/s = ${(stormRate / steadyRate).toFixed(2)} of the steady rate (429s: ${stormed.http.stats.throttled})`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
