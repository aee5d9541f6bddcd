import { create, remove } from '../../provider/handlers';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'business' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);

beforeEach(() => control('POST', '/reset'));

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

  it('re-sends a create after a 5xx when the lookup proves nothing was made', async () => {
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'respond', status: 502, times: 1 });
    const result = await create('Queue', queue);
    expect(await control('GET', '/objects/queues')).toEqual([expect.objectContaining({ queue_id: result.id })]);
    expect((await control('GET', '/requests')).byRoute['POST /v2/contact_center/queues']).toBe(2);
  });

  it('never adopts an ambiguous match: it fails listing the candidates', async () => {
    await control('PUT', '/settings', { behaviour: { uniqueQueueNames: false } });
    const first = await create('Queue', queue);
    const second = await create('Queue', queue);
    await control('POST', '/faults', { method: 'POST', path: '/queues$', action: 'drop-after-commit', times: 1 });
    const error = await create('Queue', queue).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/Queue create failed ambiguously .* 3 existing objects match name="Recovered"/);
    expect(error?.message).toContain(first.id);
    expect(error?.message).toContain(second.id);
  });

  it('takes an identical conflicting object as its own, and refuses a different one', async () => {
    const existing = await create('Queue', queue);
    expect((await create('Queue', queue)).id).toBe(existing.id);
    const error = await create('Queue', { ...queue, maxWaitTime: 30 }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/Queue name="Recovered" already exists in ZCC \(\w+\) with other settings.*set adoptId/);
    expect(await control('GET', '/objects/queues')).toHaveLength(1);
  });

  it('a delete the server blocks names what uses the object; a delete of a deleted object succeeds', async () => {
    const category = await create('SkillCategory', { name: 'Busy', skillType: 'text' });
    await create('Skill', { name: 'Forklift', skillCategoryId: category.id });
    await expect(remove('SkillCategory', category.id, {})).rejects.toThrow(/in use by skills: Forklift/);
    await control('DELETE', `/objects/skill_categories/${category.id}`);
    await expect(remove('SkillCategory', category.id, {})).resolves.toBeUndefined();
  });
});
