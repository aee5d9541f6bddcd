import { check, create, remove, update } from '../../provider/handlers';
import { getClient } from '../../provider/runtime';
import { forgetAllListings } from '../../provider/engine/listings';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'business' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);

// Each test is a new provider process: no listing, and nothing this process made.
beforeEach(async () => {
  forgetAllListings();
  await control('POST', '/reset');
});

const queue = { name: 'Recovered', channel: 'voice', maxWaitTime: 90, __provider: 'stub' };

describe('creates that may or may not have happened', () => {
  it('adopts the one object a dropped answer left behind instead of creating a second', async () => {
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'drop-after-commit', times: 1 });
    const result = await create('Queue', queue);
    const server = await control('GET', '/objects/queues');
    expect(server).toHaveLength(1);
    expect(result.id).toBe(server[0].queue_id);
    expect(server[0].max_wait_time).toBe(90);
    expect((await control('GET', '/requests')).byRoute['POST /v2/contact_center/queues']).toBe(1);
  });

  it('a flow whose latest version is the declared, published one is never published again (adoption, promotion, publish: true on a console-published draft)', async () => {
    const definition = { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] };
    const made = await create('Flow', { name: 'Promoted IVR', definition, publish: true, __provider: 'stub' });
    forgetAllListings();
    await control('DELETE', '/requests');
    // The preview says the takeover by name: an effect on an object made outside the stack.
    const warnings: string[] = [];
    const spy = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    try {
      expect((await check('Flow', {}, { name: 'Promoted IVR', definition, publish: true, adoptId: made.id, __provider: 'stub' })).failures).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toEqual([
      `warning: Flow "Promoted IVR" (${made.id}) is taken over (adoptId): from this up the stack manages it, and deleting the resource deletes it in ZCC unless the resource has retainOnDelete.`,
    ]);
    const adopted = await create('Flow', { name: 'Promoted IVR', definition, publish: true, adoptId: made.id, __provider: 'stub' });
    expect(adopted.id).toBe(made.id);
    const log = (await control('GET', '/requests')) as { writes: number };
    expect(log.writes).toBe(0);
    const flow = ((await control('GET', '/objects/flows')) as Array<{ flow_id: string; flow_versions: unknown[] }>).find((f) => f.flow_id === made.id)!;
    expect(flow.flow_versions).toHaveLength(1);

    // A draft published in the console, then declared publish: true with the same definition: nothing to publish.
    const draft = await create('Flow', { name: 'Draft IVR', definition, publish: false, __provider: 'stub' });
    await getClient().publishFlow(draft.id, 1);
    await control('DELETE', '/requests');
    await update('Flow', draft.id, draft.outs!, { name: 'Draft IVR', definition, publish: true, __provider: 'stub' });
    expect(((await control('GET', '/requests')) as { writes: number }).writes).toBe(0);
  });

  it('re-sends a create after a 5xx when the lookup proves nothing was made', async () => {
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'respond', status: 502, times: 1 });
    const result = await create('Queue', queue);
    expect(await control('GET', '/objects/queues')).toEqual([expect.objectContaining({ queue_id: result.id })]);
    expect((await control('GET', '/requests')).byRoute['POST /v2/contact_center/queues']).toBe(2);
  });

  it('after a lost answer takes only the object that was not there before, even among others with its name', async () => {
    await control('PUT', '/settings', { behaviour: { uniqueQueueNames: false } });
    const first = await create('Queue', queue);
    const second = await create('Queue', queue);
    // A new provider process (the next `up`): the two queues were there before it.
    forgetAllListings();
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'drop-after-commit', times: 1 });
    const result = await create('Queue', queue);
    const ids = (await control('GET', '/objects/queues')).map((row: { queue_id: string }) => row.queue_id);
    expect(ids).toHaveLength(3);
    expect([first.id, second.id]).not.toContain(result.id);
    expect(ids).toContain(result.id);
  });

  it('never takes over an object that was there before: a rename without aliases fails the preview, and so does the create', async () => {
    const existing = await create('Queue', queue);
    // The next run, where a resource of another name declares the same queue (renamed without aliases).
    forgetAllListings();
    const checked = await check('Queue', {}, queue);
    expect(checked.failures).toEqual([
      {
        property: 'name',
        reason: expect.stringMatching(
          new RegExp(
            `^Queue name="Recovered" already exists in ZCC \\(${existing.id}\\) and is not this resource's.*aliases: \\[\\{ name: "<old name>" \\}\\].*adoptId: "${existing.id}"`,
          ),
        ),
      },
    ]);
    const error = await create('Queue', queue).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/Queue name="Recovered" already exists in ZCC \(\w+\) and is not this resource's.*set adoptId/);
    expect(await control('GET', '/objects/queues')).toHaveLength(1);
    // adoptId takes it: the preview reads that it exists.
    expect((await check('Queue', {}, { ...queue, adoptId: existing.id })).failures).toBeUndefined();
    expect((await check('Queue', {}, { ...queue, adoptId: 'q_missing' })).failures).toEqual([
      {
        property: 'adoptId',
        reason: 'Queue.adoptId names no object: ZCC has no Queue with id "q_missing". Correct it, or remove adoptId to create a new one.',
      },
    ]);
  });

  it('a delete the server blocks names what uses the object; a delete of a deleted object succeeds', async () => {
    const category = await create('SkillCategory', { name: 'Busy', skillType: 'text' });
    await create('Skill', { name: 'Forklift', skillCategoryId: category.id });
    await expect(remove('SkillCategory', category.id, {})).rejects.toThrow(/in use by skills: Forklift/);
    await control('DELETE', `/objects/skill_categories/${category.id}`);
    await expect(remove('SkillCategory', category.id, {})).resolves.toBeUndefined();
  });
});
