import { z } from 'zod';
import type { ZccClient } from '../../provider/client/client';
import type { Collection } from '../../provider/client/endpoints';
import { ZccApiError } from '../../provider/client/errors';
import { createEngine } from '../../provider/engine/engine';
import { forgetAllListings } from '../../provider/engine/listings';
import { defineSpec, type Props } from '../../provider/engine/spec';
import { queueSpec } from '../../provider/specs/queueSpec';

/**
 * The engine against an in-memory client: no server, no Pulumi, milliseconds per test. The integration and e2e
 * suites prove the same flows against the emulator; these pin the engine's own decisions.
 */
function fakeClient(options: { failPatch?: boolean; exactReads?: boolean } = {}) {
  const objects = new Map<string, Props>();
  const calls: string[] = [];
  let next = 1;
  const idField = (collection: Collection) => (collection.path.endsWith('queues') ? 'queue_id' : 'widget_id');
  const client = {
    config: { exactReads: options.exactReads ?? true },
    listOf: async (collection: Collection) => {
      calls.push(`LIST ${collection.path}`);
      return [...objects.values()];
    },
    createIn: async (collection: Collection, body: Props) => {
      calls.push(`POST ${collection.path} ${Object.keys(body).sort().join(',')}`);
      const id = `id${next++}`;
      const object = { ...body, [idField(collection)]: id };
      objects.set(id, object);
      return object;
    },
    getOne: async (collection: Collection, [id]: string[]) => {
      calls.push(`GET ${id}`);
      const object = objects.get(id);
      if (!object) throw new ZccApiError('not found', { status: 404, method: 'GET', path: collection.path });
      return object;
    },
    updateOne: async (_collection: Collection, [id]: string[], body: Props) => {
      calls.push(`PATCH ${id} ${Object.keys(body).sort().join(',')}`);
      if (options.failPatch) throw new Error('PATCH refused');
      Object.assign(objects.get(id)!, body);
    },
    deleteOne: async (_collection: Collection, [id]: string[]) => {
      calls.push(`DELETE ${id}`);
      objects.delete(id);
    },
  };
  return { client: client as unknown as ZccClient, objects, calls };
}

beforeEach(() => forgetAllListings());

describe('engine with a fake client', () => {
  it('creates a queue with POST of the create fields, then one PATCH of the settings', async () => {
    const fake = fakeClient();
    const engine = createEngine({ specs: [queueSpec], client: () => fake.client });
    const result = await engine.create('Queue', { name: 'Support', channel: 'voice', maxWaitTime: 300, wrapUpTime: 30 });
    // The list first: what existed before this process created anything (preexisting.ts), once per kind.
    expect(fake.calls).toEqual([
      'LIST /contact_center/queues',
      'POST /contact_center/queues channel,queue_description,queue_name',
      'PATCH id1 max_wait_time,wrap_up_time',
    ]);
    expect(result).toMatchObject({ id: 'id1', outs: { queueId: 'id1', name: 'Support', maxWaitTime: 300, wrapUpTime: 30 } });
  });

  it('a PATCH that fails after the POST is a partial create: the error carries id, properties and reasons', async () => {
    const fake = fakeClient({ failPatch: true });
    const engine = createEngine({ specs: [queueSpec], client: () => fake.client, secrets: () => ['PATCH refused'] });
    const error = await engine.create('Queue', { name: 'Support', channel: 'voice', maxWaitTime: 300, __provider: 'stub' }).catch((e) => e);
    expect(error).toMatchObject({ id: 'id1', properties: { queueId: 'id1', name: 'Support', __provider: 'stub' } });
    // The message went through the secret scrubber it was given.
    expect(error.reasons).toEqual(['[redacted]']);
  });

  it('updates only what changed, and reads a deleted object as gone', async () => {
    const fake = fakeClient();
    const engine = createEngine({ specs: [queueSpec], client: () => fake.client });
    const { id, outs } = await engine.create('Queue', { name: 'Support', channel: 'voice', maxWaitTime: 300 });
    fake.calls.length = 0;
    await engine.update('Queue', id, outs, { name: 'Support', channel: 'voice', maxWaitTime: 60 });
    expect(fake.calls).toEqual(['PATCH id1 max_wait_time']);
    const read = await engine.read('Queue', id, outs);
    expect(read.inputs).toMatchObject({ name: 'Support', channel: 'voice', maxWaitTime: 60 });
    fake.objects.clear();
    expect(await engine.read('Queue', id, outs)).toEqual({});
  });

  it('knows only the kinds it is given, and answers reads from one listing where the list carries every field', async () => {
    const widgetSpec = defineSpec<{ widget_id: string; widget_name: string }>()({
      kind: 'Widget',
      description: 'A test kind.',
      endpoint: {
        path: '/widgets',
        objectId: 'widgetId',
        listKey: 'widgets',
        item: z.any(),
        maxPageSize: 300,
        categories: { list: 'medium', get: 'light', create: 'light', update: 'light', delete: 'light' },
      },
      idField: 'widget_id',
      listHasEveryField: true,
      exportAs: { role: 'object' },
      idOutput: 'widgetId',
      inputSchema: z.strictObject({ name: z.string() }),
      apiFields: { name: 'widget_name' },
      example: '',
    });
    const fake = fakeClient({ exactReads: false });
    const engine = createEngine({ specs: [widgetSpec], client: () => fake.client });
    await expect(engine.check('Queue', {}, { name: 'x' })).rejects.toThrow(/does not know the resource kind "Queue"\. Known kinds: Widget/);
    const a = await engine.create('Widget', { name: 'a' });
    const b = await engine.create('Widget', { name: 'b' });
    fake.calls.length = 0;
    const [readA, readB] = await Promise.all([engine.read('Widget', a.id, a.outs), engine.read('Widget', b.id, b.outs)]);
    expect([readA.inputs, readB.inputs]).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(fake.calls).toEqual(['LIST /widgets']);
  });
});
