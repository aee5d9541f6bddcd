import { z } from 'zod';
import { ZccHttp } from './http';
import { ZccApiError } from './errors';
import type { RateCategory, ZccClientConfig } from './config';
import * as schemas from './schemas';
import { endpoints, fillPath, lockKeyOf, objectPath, objectTemplate, type Collection } from './endpoints';

/** The text fields of a flow import (POST /contact_center/flows, multipart with the file as `flow_file`). */
export interface FlowImportFields {
  flow_name: string;
  flow_description?: string;
  flow_version_description?: string;
  import_mode: 'new' | 'version';
}

/** A typed method for every ZCC endpoint, on top of ZccHttp's auth, limits, retries and error handling. */
export class ZccClient {
  readonly http: ZccHttp;

  constructor(readonly config: ZccClientConfig) {
    this.http = new ZccHttp(config);
  }

  /**
   * Iterates over every item of a paginated list, following next_page_token, with pages of the endpoint's
   * documented maximum size (`maxPageSize`: 300 unless the document says less).
   */
  async *paginate<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query: Record<string, string | number | undefined> = {},
    maxPageSize = 300,
  ): AsyncGenerator<z.infer<T>> {
    for await (const page of this.pages(path, key, item, category, query, maxPageSize)) yield* page.items;
  }

  /**
   * The pages of a paginated list, one request per page and only when the caller asks for the next one, so a
   * caller that found what it looks for stops without reading the rest. Each page comes with the
   * `next_page_token` it was requested with (`''` for the first), and the walk starts at `from`: a reader may come
   * back to where it stopped (Zoom's tokens expire after 15 minutes).
   */
  async *pages<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query: Record<string, string | number | undefined> = {},
    maxPageSize = 300,
    from = '',
  ): AsyncGenerator<{ items: Array<z.infer<T>>; token: string }> {
    const schema = schemas.pageSchema(key, item);
    if (maxPageSize === 0) {
      // A list the document gives no page parameters (an inbox's queues): one answer holds it all.
      const page = await this.http.request('GET', path, { category, schema, query });
      yield { items: page[key] ?? [], token: '' };
      return;
    }
    const pageSize = Math.min(this.config.pageSize ?? maxPageSize, maxPageSize);
    let token = from;
    do {
      const page = await this.http.request('GET', path, { category, schema, query: { ...query, page_size: pageSize, next_page_token: token || undefined } });
      yield { items: page[key] ?? [], token };
      token = page.next_page_token ?? '';
    } while (token !== '');
  }

  async listAll<T extends z.ZodType>(
    path: string,
    key: string,
    item: T,
    category: RateCategory,
    query?: Record<string, string | number | undefined>,
    maxPageSize?: number,
  ): Promise<z.infer<T>[]> {
    const out: z.infer<T>[] = [];
    for await (const entry of this.paginate(path, key, item, category, query, maxPageSize)) out.push(entry);
    return out;
  }

  /** Every item of a collection; `ids` fill the placeholders of its path. */
  listOf<T>(collection: Collection<T>, ids: readonly string[] = [], query: Record<string, string | number | undefined> = {}): Promise<T[]> {
    return this.listAll(fillPath(collection.path, ids), collection.listKey, collection.item, collection.categories.list, query, collection.maxPageSize);
  }
  /** The pages of a collection's list with the token each was requested with, from `from` (see `pages`). */
  pagesOf<T>(collection: Collection<T>, ids: readonly string[] = [], from = ''): AsyncGenerator<{ items: T[]; token: string }> {
    return this.pages(fillPath(collection.path, ids), collection.listKey, collection.item, collection.categories.list, {}, collection.maxPageSize, from);
  }
  /** POST to a collection. Not idempotent: after an ambiguous failure the caller looks the object up. */
  createIn<T>(collection: Collection<T>, body: unknown, ids: readonly string[] = []): Promise<T> {
    return this.http.request('POST', fillPath(collection.path, ids), {
      category: collection.categories.create,
      schema: collection.item,
      body,
      idempotent: false,
    });
  }
  /** GET one object; `ids` end with the object's own. */
  getOne<T>(collection: Collection<T>, ids: readonly string[]): Promise<T> {
    return this.http.request('GET', objectPath(collection, ids), { category: collection.categories.get, schema: collection.item });
  }
  /**
   * PATCH one object. `idempotent: false` for a PATCH that adds list items (a closure set's closures): after an
   * ambiguous failure it is not sent again here; the caller re-reads first.
   */
  updateOne(collection: Collection, ids: readonly string[], body: unknown, options: { idempotent?: boolean } = {}): Promise<void> {
    return this.write('PATCH', collection, ids, collection.categories.update, body, undefined, options.idempotent);
  }
  deleteOne(collection: Collection, ids: readonly string[], query?: Record<string, string>): Promise<void> {
    return this.write('DELETE', collection, ids, collection.categories.delete, undefined, query);
  }
  /** GET an object that is the path itself (a queue's operating hours: one per queue, no list). */
  getAt<T>(collection: Collection<T>, ids: readonly string[]): Promise<T> {
    return this.http.request('GET', fillPath(collection.path, ids), { category: collection.categories.get, schema: collection.item });
  }
  /** PATCH an object that is the path itself, holding its parent's write lock. */
  patchAt(collection: Collection, ids: readonly string[], body: unknown): Promise<void> {
    return this.http.request<void>('PATCH', fillPath(collection.path, ids), {
      category: collection.categories.update,
      body,
      objectKey: lockKeyOf(collection.path, ids),
    });
  }
  private write(
    method: 'PATCH' | 'DELETE',
    collection: Collection,
    ids: readonly string[],
    category: RateCategory,
    body?: unknown,
    query?: Record<string, string>,
    idempotent?: boolean,
  ): Promise<void> {
    const template = objectTemplate(collection);
    return this.http.request<void>(method, fillPath(template, ids), { category, body, query, idempotent, objectKey: lockKeyOf(template, ids) });
  }

  // Queue agents and supervisors (at most 30 user ids per add)
  listQueueAgents(queueId: string) {
    return this.listOf(endpoints.queueAgents, [queueId]);
  }
  /** Adding is idempotent in effect: retrying after a lost answer yields a 409 the caller can treat as done. */
  addQueueAgents(queueId: string, userIds: string[]) {
    return this.addQueueMembers(endpoints.queueAgents, 'agents', queueId, userIds);
  }
  removeQueueAgent(queueId: string, userId: string) {
    return this.deleteOne(endpoints.queueAgents, [queueId, userId]);
  }
  listQueueSupervisors(queueId: string) {
    return this.listOf(endpoints.queueSupervisors, [queueId]);
  }
  addQueueSupervisors(queueId: string, userIds: string[]) {
    return this.addQueueMembers(endpoints.queueSupervisors, 'supervisors', queueId, userIds);
  }
  removeQueueSupervisor(queueId: string, userId: string) {
    return this.deleteOne(endpoints.queueSupervisors, [queueId, userId]);
  }
  private addQueueMembers(collection: Collection, role: 'agents' | 'supervisors', queueId: string, userIds: string[]) {
    if (userIds.length > 30) throw new RangeError(`Zoom takes at most 30 user ids per call; got ${userIds.length}.`);
    return this.addTo(collection, [queueId], { user_ids: userIds }, schemas.queueMembersAddedSchema(role));
  }
  /**
   * POST that adds to a set (members, skills): idempotent in effect (adding what is there is a 409 the caller
   * takes as done), so it may be retried, and it holds the parent object's write lock.
   */
  addTo<T>(collection: Collection, ids: readonly string[], body: unknown, schema?: z.ZodType<T>): Promise<T> {
    return this.http.request('POST', fillPath(collection.path, ids), {
      category: collection.categories.create,
      body,
      schema,
      idempotent: true,
      objectKey: lockKeyOf(collection.path, ids),
    });
  }

  // Users (agents are users)
  listUsers(query: { search_key?: string; user_access?: 'active' | 'inactive'; region_id?: string } = {}) {
    return this.listOf(endpoints.users, [], { ...query });
  }
  getUser(userId: string) {
    return this.getOne(endpoints.users, [userId]);
  }
  listUserSkills(userId: string, query: { skill_category_id?: string; skill_type?: 'text' | 'proficiency' } = {}) {
    return this.listOf(endpoints.userSkills, [userId], { ...query });
  }
  /** Assigns skills; for proficiency skills `max_proficiency_level` is the user's level (the document's name). */
  assignUserSkills(userId: string, skills: Array<{ skill_id: string; max_proficiency_level?: number }>) {
    return this.addTo<void>(endpoints.userSkills, [userId], { skills });
  }
  removeUserSkill(userId: string, skillId: string) {
    return this.deleteOne(endpoints.userSkills, [userId, skillId]);
  }

  // Flows
  /**
   * Imports a flow file (Zoom Studio's JSON): `import_mode` `new` makes a flow, `version` adds a version to the
   * flow of the same name and channel. Not idempotent: after an ambiguous failure the caller looks it up.
   */
  importFlow(fields: FlowImportFields, file: string) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, String(value));
    form.append('flow_file', new Blob([file], { type: 'application/json' }), 'flow.json');
    return this.createIn(endpoints.flows, form);
  }
  /** One version's file, as exported (the definition is nowhere else). Flow files may be up to 10 MB. */
  exportFlow(flowId: string, flowVersion: number) {
    const path = `${objectPath(endpoints.flows, [flowId])}/export`;
    return this.http.request('GET', path, {
      category: endpoints.flows.categories.get,
      query: { flow_version: flowVersion },
      schema: z.unknown(),
      maxResponseBytes: 12 * 1024 * 1024,
    });
  }
  /**
   * A file at a URL an API answer gave (an asset item's `asset_item_file_url`). The URL is account data, so the
   * bearer token goes only where Zoom serves files: the API's own origin, or https on zoom.us and its subdomains.
   */
  downloadFile(url: string, maxBytes: number): Promise<Buffer> {
    const problem = untrustedFileUrl(url, this.config.baseUrl);
    if (problem)
      return Promise.reject(
        new ZccApiError(`The file at ${JSON.stringify(url)} was not downloaded: ${problem}.`, { method: 'GET', path: url, code: 'untrusted_url' }),
      );
    return this.http.request<Buffer>('GET', url, { category: 'light', binary: true, maxResponseBytes: maxBytes });
  }
  /** Publishes one version, replacing the published one. */
  publishFlow(flowId: string, flowVersion: number) {
    const flow = objectPath(endpoints.flows, [flowId]);
    return this.http.request<void>('PUT', `${flow}/publish`, {
      category: endpoints.flows.categories.update,
      query: { flow_version: flowVersion },
      objectKey: flow,
    });
  }
}

/** Why the client must not send its token to `url`; undefined when it is where Zoom serves files. */
export function untrustedFileUrl(url: string, baseUrl: string): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'it is not an absolute URL';
  }
  if (target.username || target.password) return 'it carries credentials';
  if (target.origin === new URL(baseUrl).origin) return undefined;
  if (target.protocol === 'https:' && (target.hostname === 'zoom.us' || target.hostname.endsWith('.zoom.us'))) return undefined;
  return `only the API's origin and https://*.zoom.us are trusted with the token, not ${target.origin}`;
}
