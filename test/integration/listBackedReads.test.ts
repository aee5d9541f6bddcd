import { check, create, read, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { resetRuntime } from '../../provider/runtime';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

jest.setTimeout(120_000);

const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const requests = async () => (await control('GET', '/requests')).byRoute as Record<string, number>;

/** One refresh as the provider process sees it: a new process starts without listings. */
async function refresh(states: Array<{ kind: string; id: string; outs: Record<string, unknown> }>) {
  forgetAllListings();
  await control('DELETE', '/requests');
  const results = await Promise.all(states.map((state) => read(state.kind, state.id, { ...state.outs, __provider: 'stub' })));
  return { results, calls: await requests() };
}

describe('list-backed reads (one listing per kind per provider process)', () => {
  beforeEach(async () => {
    forgetAllListings();
    await control('POST', '/reset');
  });
  afterEach(() => {
    delete process.env.ZCC_EXACT_READS;
    resetRuntime();
  });

  it('refreshes 40 queues, 5 flows and 10 skills with one listing each, and still sees an edit, a delete and a new version', async () => {
    const states: Array<{ kind: string; id: string; outs: Record<string, unknown> }> = [];
    for (let i = 0; i < 40; i++) {
      const { id, outs } = await create('Queue', { name: `Q${i}`, channel: 'voice', maxWaitTime: 100 + i, __provider: 'stub' });
      states.push({ kind: 'Queue', id, outs });
    }
    for (let i = 0; i < 5; i++) {
      const { id, outs } = await create('Flow', { name: `F${i}`, publish: true, definition: { studioType: 0, n: i }, __provider: 'stub' });
      states.push({ kind: 'Flow', id, outs });
    }
    const category = await create('SkillCategory', { name: 'Langs', skillType: 'text', __provider: 'stub' });
    for (let i = 0; i < 10; i++) {
      const { id, outs } = await create('Skill', { name: `S${i}`, skillCategoryId: category.id, __provider: 'stub' });
      states.push({ kind: 'Skill', id, outs });
    }
    // Zoom shows a queue's modification time only in the list: each write recorded it from a listing (stamps.ts),
    // so even the first refresh after the writes reads no queue on its own.
    expect(states.every((state) => typeof state.outs.lastModifiedTime === 'string')).toBe(true);
    const first = await refresh(states);
    expect(first.calls).toEqual({
      'GET /v2/contact_center/queues': 1,
      'GET /v2/contact_center/flows': 1,
      'GET /v2/contact_center/skills': 1,
    });
    first.results.forEach((result, i) => (states[i].outs = result.props!));
    // An update that sends every declared field records the time its write left (the PATCH answer does not say
    // it; the list does). One that sends only some records none: the next refresh reads that queue.
    const before = states[0].outs.lastModifiedTime;
    const whole = { ...states[0].outs, name: 'Q0 renamed', description: 'every field', maxWaitTime: 7 };
    const updated = await update('Queue', states[0].id, states[0].outs, whole);
    expect(updated.outs!.lastModifiedTime).toEqual(expect.any(String));
    expect(updated.outs!.lastModifiedTime).not.toEqual(before);
    states[0].outs = updated.outs!;
    const partly = await update('Queue', states[3].id, states[3].outs, { ...states[3].outs, maxWaitTime: 8 });
    expect(partly.outs!.lastModifiedTime).toBeUndefined();
    states[3].outs = partly.outs!;

    const clean = await refresh(states);
    expect(clean.calls).toMatchObject({ 'GET /v2/contact_center/queues/:queueId': 1 });
    expect(clean.results.every((result, i) => result.id === states[i].id)).toBe(true);
    expect(clean.results.map((result) => result.props)).toEqual(states.map((state) => expect.objectContaining(state.outs)));
    clean.results.forEach((result, i) => (states[i].outs = result.props!));
    expect((await refresh(states)).calls).toEqual({
      'GET /v2/contact_center/queues': 1,
      'GET /v2/contact_center/flows': 1,
      'GET /v2/contact_center/skills': 1,
    });

    // Behind Pulumi's back: one queue edited, one deleted, a new version of one flow, a skill renamed.
    await control('PATCH', `/objects/queues/${states[1].id}`, { max_wait_time: 999 });
    await control('DELETE', `/objects/queues/${states[2].id}`);
    await control('PATCH', `/objects/skills/${states[46].id}`, { skill_name: 'Renamed' });
    const { ZccClient } = await import('../../provider/client/client');
    const console = new ZccClient({ ...emulator().options, baseUrl: emulator().baseUrl });
    await console.importFlow({ flow_name: 'F0', import_mode: 'version' }, JSON.stringify({ studioType: 0, n: 'edited' }));
    await console.publishFlow(states[40].id, 2);

    const drifted = await refresh(states);
    expect(drifted.results[1].props).toMatchObject({ maxWaitTime: 999 });
    expect(drifted.results[2]).toEqual({});
    expect(drifted.results[40].props).toMatchObject({ definition: { studioType: 0, n: 'edited' }, publishedVersion: 2 });
    expect(drifted.results[46].props).toMatchObject({ name: 'Renamed' });
    // Exactly the changed ones were read: the edited queue, the deleted one (a GET confirms it), the flow (and its export).
    expect(drifted.calls).toEqual({
      'GET /v2/contact_center/queues': 1,
      'GET /v2/contact_center/flows': 1,
      'GET /v2/contact_center/skills': 1,
      'GET /v2/contact_center/queues/:queueId': 2,
      'GET /v2/contact_center/flows/:flowId': 1,
      'GET /v2/contact_center/flows/:flowId/export': 1,
    });
    expect(drifted.results.filter((_, i) => ![1, 2, 40, 46].includes(i)).map((result) => result.props)).toEqual(
      states.filter((_, i) => ![1, 2, 40, 46].includes(i)).map((state) => expect.objectContaining(state.outs)),
    );

    // zcc:exactReads (ZCC_EXACT_READS) reads every object with its own GET.
    process.env.ZCC_EXACT_READS = 'true';
    resetRuntime();
    const exact = await refresh(states.slice(3, 13));
    expect(exact.calls).toEqual({ 'POST /oauth/token': 1, 'GET /v2/contact_center/queues/:queueId': 10 });
  });

  it('a console edit survives a later partial write: the write records no stamp, so the next refresh reads the edit', async () => {
    const made = await create('Queue', { name: 'Edited', channel: 'voice', description: 'first', maxWaitTime: 100, __provider: 'stub' });
    expect(made.outs.lastModifiedTime).toEqual(expect.any(String));
    await control('PATCH', `/objects/queues/${made.id}`, { max_wait_time: 999 });
    // The program changes only the description: the PATCH sends that, and the list's new time would vouch for 999.
    const updated = await update('Queue', made.id, made.outs, { ...made.outs, description: 'second' });
    expect(updated.outs!.lastModifiedTime).toBeUndefined();
    const after = await refresh([{ kind: 'Queue', id: made.id, outs: updated.outs! }]);
    expect(after.results[0].props).toMatchObject({ description: 'second', maxWaitTime: 999 });
    expect(after.calls).toEqual({ 'GET /v2/contact_center/queues': 1, 'GET /v2/contact_center/queues/:queueId': 1 });
  });

  it('writes record the time the list shows for them, from listings the concurrent writes share', async () => {
    // Pulumi's workers: 4 at a time, each taking the next queue when its write (and stamp) is done.
    await control('DELETE', '/requests');
    const made: Array<{ id: string; outs: Record<string, unknown> }> = [];
    let next = 0;
    const worker = async () => {
      while (next < 24) {
        const i = next++;
        const result = await create('Queue', { name: `W${i}`, channel: 'voice', ...(i % 2 ? { maxWaitTime: 60 } : {}), __provider: 'stub' });
        made[i] = { id: result.id, outs: result.outs! };
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const calls = await requests();
    // 24 creates, 12 settings PATCHes; the list is read once per round of 4 writes at most (plus a round's stragglers).
    expect(calls['POST /v2/contact_center/queues']).toBe(24);
    expect(calls['GET /v2/contact_center/queues']).toBeLessThanOrEqual(10);
    expect(calls['GET /v2/contact_center/queues/:queueId']).toBeUndefined();
    const listed = new Map<string, string>(
      (await control('GET', '/objects/queues')).map((queue: { queue_id: string; last_modified_time: string }) => [queue.queue_id, queue.last_modified_time]),
    );
    expect(made.map(({ outs }) => outs.lastModifiedTime)).toEqual(made.map(({ id }) => listed.get(id)));
    // So the first refresh after these writes lists once and reads none of them.
    expect((await refresh(made.map(({ id, outs }) => ({ kind: 'Queue', id, outs })))).calls).toEqual({ 'GET /v2/contact_center/queues': 1 });
  });

  it('a write whose stamp listing fails still succeeds, and that object is read at the next refresh', async () => {
    const inputs = { name: 'Unstamped', channel: 'voice', __provider: 'stub' };
    // The preview's check lists the queues first (does the name exist?); the fault then meets the stamp's listing.
    expect((await check('Queue', {}, inputs)).failures).toBeUndefined();
    await control('POST', '/faults', { method: 'GET', path: '/queues$', action: 'respond', status: 400, code: 300, times: 1 });
    const made = await create('Queue', inputs);
    expect(made.outs.lastModifiedTime).toBeUndefined();
    const again = await refresh([{ kind: 'Queue', id: made.id, outs: made.outs }]);
    expect(again.calls).toEqual({ 'GET /v2/contact_center/queues': 1, 'GET /v2/contact_center/queues/:queueId': 1 });
    expect(again.results[0].props).toMatchObject({ name: 'Unstamped', lastModifiedTime: expect.any(String) });
  });

  it('concurrent first reads share one listing', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => create('Queue', { name: `C${i}`, channel: 'voice', __provider: 'stub' })));
    const first = await refresh(made.map(({ id, outs }) => ({ kind: 'Queue', id, outs })));
    const { calls } = await refresh(first.results.map(({ id, props }) => ({ kind: 'Queue', id: id!, outs: props! })));
    expect(calls).toEqual({ 'GET /v2/contact_center/queues': 1 });
  });

  it('the emulator moves last_modified_time on every change, also within one millisecond and through the control surface', async () => {
    const first = await create('Queue', { name: 'T', channel: 'voice', __provider: 'stub' });
    const { ZccClient } = await import('../../provider/client/client');
    const client = new ZccClient({ ...emulator().options, baseUrl: emulator().baseUrl });
    const listedTime = async () => (await client.listOf(queuesEndpoint)).find((queue) => queue.queue_id === first.id)!.last_modified_time as string;
    const times = [await listedTime()];
    for (let i = 0; i < 5; i++) {
      await client.updateOne(queuesEndpoint, [first.id], { max_wait_time: i });
      times.push(await listedTime());
    }
    await control('PATCH', `/objects/queues/${first.id}`, { wrap_up_time: 3 });
    const row = (await control('GET', '/objects/queues')).find((queue: { queue_id: string }) => queue.queue_id === first.id);
    times.push(row.last_modified_time);
    expect(row.modified_by).toBe('console');
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort()).toEqual(times);
  });
  it('sets the members of a queue this process created without reading them first; other queues are read', async () => {
    const fresh = await create('Queue', { name: 'Fresh', channel: 'voice', __provider: 'stub' });
    // A queue made outside this process (the console), with a member the exclusive set must remove.
    const client = (await import('../../provider/runtime')).getClient();
    const outside = await client.createIn(queuesEndpoint, { queue_name: 'Outside', channel: 'voice' });
    await client.addQueueAgents(outside.queue_id, ['agent_009']);
    await control('DELETE', '/requests');
    await create('QueueMembers', { queueId: fresh.id, userIds: ['agent_001', 'agent_002'], mode: 'exclusive', __provider: 'stub' });
    expect(await requests()).toEqual({ 'POST /v2/contact_center/queues/:queueId/agents': 1 });
    await control('DELETE', '/requests');
    await create('QueueMembers', { queueId: outside.queue_id, userIds: ['agent_001'], mode: 'exclusive', __provider: 'stub' });
    expect(await requests()).toEqual({
      'GET /v2/contact_center/queues/:queueId/agents': 1,
      'POST /v2/contact_center/queues/:queueId/agents': 1,
      'DELETE /v2/contact_center/queues/:queueId/agents/:userId': 1,
    });
    const members = await control('GET', '/objects/queue_agents');
    expect([members[fresh.id], members[outside.queue_id]]).toEqual([['agent_001', 'agent_002'], ['agent_001']]);
  });
});
