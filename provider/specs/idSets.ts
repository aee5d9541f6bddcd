import { fillPath, type Collection } from '../client/endpoints';
import type { Props, ResourceSpec } from '../engine/spec';
import { ownedSetSpec } from '../engine/ownedSet';
import { idList, parentId } from './ownership';

/**
 * A set of ids held by one parent, where Zoom adds with `POST {path} { <field>: [...] }`, removes with
 * `DELETE {path}?<field>=a,b` and lists with `GET {path}`: an inbox's queues and users, a team's agents and
 * supervisors. Ownership, preview, batching and the 404/409 policy are the engine's (engine/ownedSet.ts).
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

export function idSetSpec(definition: IdSetDefinition): ResourceSpec {
  const { parent, members, endpoint } = definition;
  const batch = definition.batch ?? 30;
  return ownedSetSpec({
    kind: definition.kind,
    description: definition.description,
    example: definition.example,
    endpoint,
    parent: { ...parent, schema: parentId(parent.noun, `${parent.noun}.${parent.input}`) },
    lists: [
      {
        input: members.input,
        field: members.field,
        kind: members.kind,
        noun: members.noun,
        schema: idList({ noun: members.noun, description: `The ${parent.noun}'s ${members.noun}; order does not matter.` }),
      },
    ],
    calls: {
      read: async (client, id) => ({ [members.field]: ((await client.listOf(endpoint, [id])) as Props[]).map((item) => String(item[members.itemId])) }),
      add: (client, id, field, ids) => client.addTo<void>(endpoint, [id], { [field]: ids }),
      remove: (client, id, field, ids) =>
        client.http.request<void>('DELETE', fillPath(endpoint.path, [id]), { category: endpoint.categories.delete, query: { [field]: ids.join(',') } }),
      addBatch: batch,
      removeBatch: batch,
    },
    exportHints: { nameSuffix: members.noun.replace(/ /g, '-') },
  });
}
