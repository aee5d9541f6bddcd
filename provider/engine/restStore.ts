import type { Collection } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import type { ObjectStore, Props } from './spec';

/** A kind stored as a REST collection: list, POST, and GET/PATCH/DELETE at `{path}/{id}` (client/endpoints.ts). */
export function restStore(collection: Collection): ObjectStore {
  return {
    list: (client) => client.listOf(collection) as Promise<Props[]>,
    pages: (client, from) => client.pagesOf(collection, [], from) as AsyncIterable<{ items: Props[]; token: string }>,
    create: (client, body) => client.createIn(collection, body) as Promise<Props>,
    get: (client, id) => unlessNotFound(() => client.getOne(collection, [id]) as Promise<Props>),
    update: (client, id, changed) => client.updateOne(collection, [id], changed),
    remove: async (client, id) => {
      await unlessNotFound(() => client.deleteOne(collection, [id]));
    },
  };
}
