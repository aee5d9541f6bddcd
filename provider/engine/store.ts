import type { ZccClient } from '../client/client';
import { ZccApiError } from '../client/errors';
import { segment } from '../client/paths';
import type { Props, ResourceSpec } from './spec';

/**
 * Where the engine reads and writes one kind's objects, in API shape (snake_case fields). Most kinds are a
 * REST collection (`restStore`); kinds such as queue membership that are not one object per URL bring their own.
 */
export interface ObjectStore {
  list(client: ZccClient): Promise<Props[]>;
  create(client: ZccClient, body: Props): Promise<Props>;
  /** `previous` is the last known API-shaped state, for kinds whose read depends on what was declared. */
  get(client: ZccClient, id: string, previous?: Props): Promise<Props | undefined>;
  /** `changed` holds only the fields that differ; `full` and `previous` the whole new and old declarations. */
  update(client: ZccClient, id: string, changed: Props, full: Props, previous: Props): Promise<void>;
  /** Succeeds when the object is already gone. */
  remove(client: ZccClient, id: string, previous: Props): Promise<void>;
}

export const isNotFound = (error: unknown) => error instanceof ZccApiError && error.isNotFound;

export async function unlessNotFound<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export function restStore(spec: ResourceSpec): ObjectStore {
  const objectPath = (id: string) => `${spec.path}/${segment(id, `${spec.kind} id`)}`;
  return {
    list: (client) => client.listAll(spec.path, spec.listKey, spec.responseSchema, spec.categories.list, {}, spec.listPageSize),
    create: (client, body) => client.http.request('POST', spec.path, { category: spec.categories.create, schema: spec.responseSchema, body, idempotent: false }),
    get: (client, id) => unlessNotFound(() => client.http.request('GET', objectPath(id), { category: spec.categories.get, schema: spec.responseSchema })),
    update: (client, id, changed) => client.http.request('PATCH', objectPath(id), { category: spec.categories.update, body: changed, objectKey: objectPath(id) }),
    remove: async (client, id) => {
      await unlessNotFound(() => client.http.request('DELETE', objectPath(id), { category: spec.categories.delete, objectKey: objectPath(id) }));
    },
  };
}
