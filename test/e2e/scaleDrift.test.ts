import type { LocalWorkspace } from '@pulumi/pulumi/automation';
import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(20 * 60_000);

/** 400 queues (two list pages) in `make test`, which must stay under 30 minutes; `make volume` runs 1,000. */
const N = Number(process.env.ZCC_SCALE_DRIFT_N ?? 400);
/** The queue edited in the console: one in the middle. */
const EDITED = Math.floor(N * 0.617);

describe(`drift among ${N} queues on the real Pulumi CLI (list-backed reads)`, () => {
  const current = useProject('program');

  it('the first refresh after up is one listing; a refresh finds the one queue edited behind Pulumi’s back with one listing and one GET', async () => {
    const { stack, control } = current();
    // Thousands of steps: checkpoint once at the end (Pulumi's cost, not this package's).
    (stack.workspace as LocalWorkspace).envVars.PULUMI_SKIP_CHECKPOINTS = 'true';
    await current().declare(Array.from({ length: N }, (_, i) => ({ kind: 'Queue', name: `q${i}`, args: { name: `Queue ${i}`, channel: 'voice' } })));
    expect((await stack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toEqual({ create: N + 1 });
    await expectNoChanges(stack);
    // Zoom shows a queue's modification time only in the list: each create recorded it from a listing the creates
    // shared, so even the first refresh after them is one listing, no GET.
    await control('DELETE', '/requests');
    expect((await stack.refresh({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toEqual({ same: N + 1 });
    const first = await control('GET', '/requests');
    expect(first.byRoute).toEqual({ 'POST /oauth/token': 1, 'GET /v2/contact_center/queues': Math.ceil(N / 300) });

    const queues = (await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>;
    const edited = queues.find((queue) => queue.queue_name === `Queue ${EDITED}`)!;
    await control('PATCH', `/objects/queues/${edited.queue_id}`, { queue_description: 'edited in the console' });
    await control('DELETE', '/requests');
    const refresh = await stack.refresh({ onOutput: outputCollector().onOutput });
    const calls = await control('GET', '/requests');
    console.log(
      `${N} queues: first refresh ${first.total} API calls; refresh with 1 edited: ${JSON.stringify(calls.byRoute)}, changes ${JSON.stringify(refresh.summary.resourceChanges)}`,
    );
    expect(refresh.summary.resourceChanges).toEqual({ same: N, update: 1 });
    expect(calls.byRoute).toEqual({ 'POST /oauth/token': 1, 'GET /v2/contact_center/queues': Math.ceil(N / 300), 'GET /v2/contact_center/queues/:queueId': 1 });
    expect(calls.writes).toBe(0);
    const state = await stack.exportStack();
    const editedState = state.deployment.resources.find((resource: { urn: string }) => resource.urn.endsWith(`::q${EDITED}`));
    expect(editedState.outputs.description).toBe('edited in the console');
  });
});
