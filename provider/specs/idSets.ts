import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { fillPath, type Collection } from '../client/endpoints';
import { ZccApiError, isNotFound } from '../client/errors';
import type { ObjectStore, Props, ResourceSpec } from '../engine/spec';
import { zoomId } from './fields';
import { emptyExclusiveCheck, isExclusive, ownershipInputs, removalWarning } from './ownership';
import { createdInThisProcess } from '../engine/listings';

/**
 * A set of ids held by one parent, where Zoom adds with `POST {path} { <field>: [...] }`, removes with
 * `DELETE {path}?<field>=a,b` and lists with `GET {path}`: an inbox's queues and users, a team's agents and
 * supervisors. Owned like QueueMembers: `exclusive` (default) or `additive`, an empty exclusive set needs
 * `allowEmpty`, and a new exclusive set warns at preview what it will remove.
 */
export interface IdSetDefinition {
  kind: string;
  description: string;
  /** The parent's list of members (`/inboxes/{inboxId}/queues`). */
  endpoint: Collection;
  /** The parent: its kind, input (`inboxId`) and what people call it ("inbox"). */
  parent: { kind: string; input: string; noun: string };
  /** The members: the input (`queueIds`), the API field of the POST body and the DELETE query (`queue_ids`), the
   * id field of a list item (`queue_id`), the kind they name and what they are ("queues"). */
  members: { input: string; field: string; itemId: string; kind: string; noun: string };
  /** Zoom's largest list per call (none documented: 30, as for queue members). */
  batch?: number;
  example: string;
}

const asIds = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

export function idSetSpec(definition: IdSetDefinition): ResourceSpec {
  const { parent, members, endpoint } = definition;
  const batch = definition.batch ?? 30;
  const current = async (client: ZccClient, parentId: string): Promise<string[] | undefined> => {
    try {
      return ((await client.listOf(endpoint, [parentId])) as Props[]).map((item) => String(item[members.itemId]));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const add = async (client: ZccClient, parentId: string, ids: string[]) => {
    for (let start = 0; start < ids.length; start += batch) await client.addTo(endpoint, [parentId], { [members.field]: ids.slice(start, start + batch) });
  };
  const removeIds = async (client: ZccClient, parentId: string, ids: string[]) => {
    for (let start = 0; start < ids.length; start += batch)
      await client.http.request<void>('DELETE', fillPath(endpoint.path, [parentId]), {
        category: endpoint.categories.delete,
        query: { [members.field]: ids.slice(start, start + batch).join(',') },
      });
  };
  const reconcile = async (client: ZccClient, parentId: string, desired: string[], mode: string, declaredBefore: string[], known?: string[]) => {
    const have = known ?? (await current(client, parentId));
    if (!have)
      throw new ZccApiError(`${parent.noun[0].toUpperCase()}${parent.noun.slice(1)} ${parentId} does not exist, so its ${members.noun} cannot be set.`, {
        method: 'GET',
        path: fillPath(endpoint.path, [parentId]),
        status: 404,
      });
    await add(
      client,
      parentId,
      desired.filter((id) => !have.includes(id)),
    );
    const candidates = mode === 'exclusive' ? have : declaredBefore;
    await removeIds(
      client,
      parentId,
      candidates.filter((id) => !desired.includes(id) && have.includes(id)),
    );
  };
  const parentField = parent.input.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const store: ObjectStore = {
    list: async () => [],
    create: async (client, body) => {
      const parentId = String(body[parentField]);
      // A parent this provider process created moments ago holds nothing yet: no read needed.
      const known = createdInThisProcess(parent.kind, parentId) ? [] : undefined;
      await reconcile(client, parentId, asIds(body[members.field]), String(body.mode ?? 'exclusive'), [], known);
      return { [parentField]: parentId, [members.field]: asIds(body[members.field]), mode: body.mode };
    },
    get: async (client, parentId, previous) => {
      const have = await current(client, parentId);
      if (!have) return undefined;
      const mode = previous?.mode ?? 'exclusive';
      const ids = mode === 'exclusive' ? have : asIds(previous?.[members.field]).filter((id) => have.includes(id));
      return { [parentField]: parentId, [members.field]: ids, mode };
    },
    update: (client, parentId, _changed, full, previous) =>
      reconcile(client, parentId, asIds(full[members.field]), String(full.mode ?? 'exclusive'), asIds(previous[members.field])),
    remove: async (client, parentId, previous) => {
      const have = await current(client, parentId);
      if (!have) return;
      await removeIds(
        client,
        parentId,
        asIds(previous[members.field]).filter((id) => have.includes(id)),
      );
    },
  };
  const owned = {
    field: members.input,
    items: members.noun,
    everything: `every one of the ${parent.noun}'s ${members.noun}`,
    harm: `empty ${parent.noun === 'inbox' ? 'an' : 'a'} ${parent.noun}`,
  };
  // Assembled as the engine's plain spec: the input names come from the definition, so they cannot be typed here.
  const spec: ResourceSpec = {
    kind: definition.kind,
    description: definition.description,
    endpoint,
    idField: parentField,
    idOutput: parent.input,
    inputSchema: z.strictObject({
      [parent.input]: zoomId(`Id of the ${parent.noun}. Changing it replaces the resource.`),
      [members.input]: z
        .array(zoomId(`A ${members.noun.replace(/s$/, '')} id.`), { error: `expected a list of ${members.noun.replace(/s$/, '')} ids` })
        .max(2000, { error: `must list at most 2000 ${members.noun}` })
        .refine((ids) => new Set(ids).size === ids.length, { error: `must not list the same id twice` })
        .describe(`The ${parent.noun}'s ${members.noun}; order does not matter.`),
      ...ownershipInputs(owned),
    }),
    apiFields: { [parent.input]: parentField, [members.input]: members.field, mode: 'mode' },
    serverDefaults: { mode: 'exclusive' },
    setFields: [members.input],
    replaceOnChanges: [parent.input],
    references: { [parent.input]: parent.kind, [`${members.input}[]`]: members.kind },
    crossFieldCheck: emptyExclusiveCheck(owned),
    previewCreate: async (client, inputs) => {
      if (!isExclusive(inputs) || createdInThisProcess(parent.kind, String(inputs[parent.input]))) return [];
      const have = (await current(client, String(inputs[parent.input]))) ?? [];
      const desired = new Set(asIds(inputs[members.input]));
      return removalWarning(
        definition.kind,
        `${parent.noun} ${String(inputs[parent.input])}`,
        have.filter((id) => !desired.has(id)),
        members.noun,
        members.input,
      );
    },
    exportAs: { role: 'set', owner: parent.kind, members: members.input, nameSuffix: members.noun.replace(/ /g, '-') },
    example: definition.example,
    store,
  };
  return spec;
}
