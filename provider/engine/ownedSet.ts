import { z } from 'zod';
import type { ZccClient } from '../client/client';
import { fillPath, type Collection } from '../client/endpoints';
import { ZccApiError, isConflict, isNotFound } from '../client/errors';
import { createdInThisProcess } from './listings';
import { UNKNOWN } from './compare';
import { declaredForOwner } from './declaredMembers';
import type { ExportRole, ObjectStore, Props, ResourceSpec } from './spec';

/**
 * The one store for sets held by a parent: a queue's agents, an inbox's queues, a user's skills, the dispositions a
 * queue offers, a queue's teams. A spec says how Zoom reads, adds and removes members (`SetCalls`); this file owns
 * everything else, the same way for every set kind:
 *
 * - **Ownership.** `exclusive` (default) owns the whole set and removes what it does not list; `additive` only
 *   ever removes what it declared. Neither removes a member that another resource of the same run declares for the
 *   same parent (declaredMembers.ts): a renamed set, or an additive set beside an exclusive one.
 * - **Empty sets.** An empty exclusive set would strip the parent: it needs `allowEmpty: true`.
 * - **Preview.** A new exclusive set names, at check, each member it will remove.
 * - **Created this run.** A parent this provider process created holds nothing yet: its first reconcile reads nothing.
 * - **Batching.** Adds go `addBatch` members per call (30 unless Zoom documents otherwise); removals `removeBatch`
 *   (1: one call per member, where Zoom's DELETE names one).
 * - **404/409 policy**, documented in ARCHITECTURE.md:
 *   - parent 404 on read: the set is gone with its parent (refresh: deleted; delete: nothing to do; create or
 *     update: an error naming the parent);
 *   - add 409: some members are there already (a console edit, or a lost answer whose retry met its own write):
 *     the set is read again and only what is still missing is added, once; a second 409 is an error. A set Zoom
 *     cannot list adds member by member and takes each 409 as "present";
 *   - remove 404: already gone, done.
 * - **Sets Zoom cannot list** (`read` absent: a queue's teams) are additive only, and a refresh confirms the parent.
 */

/** One list of members in a set: a queue's agents, a user's skills; a queue's dispositions have two lists. */
export interface MemberList {
  /** The SDK input (`userIds`, `skills`). */
  input: string;
  /** The field of the API-shaped body and of `SetCalls` (`user_ids`, `skills`). */
  field: string;
  /** The kind members name (`User`, `Skill`); absent when members are values, not ids (a DNC list's numbers). */
  kind?: string;
  /** What members are, plural (`agents`, `skills`). */
  noun: string;
  /** The input's schema (a list). */
  schema: z.ZodType;
  /** The member's id inside an SDK item, for references and export (`skills[].skillId`); default `<input>[]`. */
  reference?: string;
  /** An empty list is the default (dispositions: a queue may offer sets but no single dispositions). */
  optional?: boolean;
  /** An API-shaped member present with other settings needs adding again (a skill at another level). */
  sameItem?: (current: unknown, wanted: unknown) => boolean;
  /** How the preview names a member (`disposition d_1`); the key by default. */
  label?: (key: string) => string;
}

/** How Zoom reads and writes one set kind. Items are API-shaped (ids, or objects with an `*_id` field). */
export interface SetCalls {
  /**
   * The set now, per list field; throwing a 404 means the parent does not exist. Absent when Zoom has no call that
   * lists the set: it is then additive, and `parentExists` answers for a refresh.
   */
  read?: (client: ZccClient, parentId: string, scope: Props) => Promise<Record<string, unknown[]>>;
  parentExists?: (client: ZccClient, parentId: string) => Promise<boolean>;
  add: (client: ZccClient, parentId: string, field: string, items: unknown[], scope: Props) => Promise<void>;
  remove: (client: ZccClient, parentId: string, field: string, items: unknown[], scope: Props) => Promise<void>;
  /** Members per add call (default 30, Zoom's documented maximum for queue members). */
  addBatch?: number;
  /** Members per removal call (default 1). */
  removeBatch?: number;
}

export interface OwnedSetDefinition {
  kind: string;
  description: string;
  example: string;
  /** The collection the generated reference names (the set's path). */
  endpoint: Collection;
  /** The parent: its kind, its input (`queueId`), what people call it, and the input's schema. */
  parent: { kind: string; input: string; noun: string; schema: z.ZodType };
  lists: MemberList[];
  /** An input that picks which of the parent's sets this is (a queue's inbound or outbound dispositions). */
  scope?: { input: string; field: string; schema: z.ZodType; default: string };
  calls: SetCalls;
  /**
   * Why the parent cannot hold this set (a contact list that is not a do-not-contact list has no numbers), read at
   * every check so that the preview refuses what the `up` would; undefined when it can (or does not exist yet).
   */
  parentProblem?: (client: ZccClient, parentId: string) => Promise<string | undefined>;
  /** What an empty list computed by mistake would do ("empty a queue"); default from the parent's noun. */
  harm?: string;
  /** Defaults to one declaration per parent whose set is not empty. */
  exportAs?: ExportRole;
  /** Extra export facts for the default role (`ownerCount`, `nameSuffix`). */
  exportHints?: { ownerCount?: string; nameSuffix?: string; ownerIf?: (item: Props) => boolean };
  onePerProgram?: boolean;
  /** A fact its members' objects hold once (a user's role), also declared by another kind (spec.ts). */
  declaresOnce?: ResourceSpec['declaresOnce'];
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const itemsOf = (body: Props | undefined, field: string): unknown[] => (Array.isArray(body?.[field]) ? (body![field] as unknown[]) : []);

/** A member's identity: the id itself, or an item's id field (`skill_id`). */
export function memberKey(item: unknown): string {
  if (item !== null && typeof item === 'object') {
    const id = Object.entries(item).find(([key, value]) => /(Id|_id)$/.test(key) && typeof value === 'string');
    if (id) return String(id[1]);
  }
  return String(item);
}

export const isExclusive = (inputs: Props) => (inputs.mode ?? 'exclusive') === 'exclusive';

/** Batched adds and removals with the 404/409 policy above, for sets and for single memberships (QueueAgent). */
export function memberWrites(calls: SetCalls) {
  const read = async (client: ZccClient, parentId: string, scope: Props) => {
    if (!calls.read) return undefined;
    try {
      return await calls.read(client, parentId, scope);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const add = async (client: ZccClient, parentId: string, list: Pick<MemberList, 'field' | 'sameItem'>, items: unknown[], scope: Props) => {
    const batch = calls.addBatch ?? 30;
    for (let start = 0; start < items.length; start += batch) {
      const chunk = items.slice(start, start + batch);
      try {
        await calls.add(client, parentId, list.field, chunk, scope);
      } catch (error) {
        if (!isConflict(error)) throw error;
        if (calls.read) {
          const now = new Map(itemsOf(await read(client, parentId, scope), list.field).map((item) => [memberKey(item), item]));
          const missing = chunk.filter((item) => !now.has(memberKey(item)) || (list.sameItem && !list.sameItem(now.get(memberKey(item)), item)));
          if (missing.length > 0) await calls.add(client, parentId, list.field, missing, scope);
        } else {
          for (const item of chunk)
            await calls.add(client, parentId, list.field, [item], scope).catch((again: unknown) => {
              if (!isConflict(again)) throw again;
            });
        }
      }
    }
  };
  const remove = async (client: ZccClient, parentId: string, field: string, items: unknown[], scope: Props) => {
    const batch = calls.removeBatch ?? 1;
    for (let start = 0; start < items.length; start += batch)
      await calls.remove(client, parentId, field, items.slice(start, start + batch), scope).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  };
  return { read, add, remove };
}

/** The `mode` and `allowEmpty` inputs. */
function ownershipInputs(items: string, everything: string, harm: string) {
  return {
    mode: z
      .enum(['exclusive', 'additive'], { error: 'expected one of: exclusive, additive' })
      .describe(`\`exclusive\` removes ${items} not listed; \`additive\` never removes what it did not add. Defaults to exclusive.`)
      .optional(),
    allowEmpty: z
      .boolean({ error: 'expected true or false' })
      .describe(
        `Allow an empty list in exclusive mode, which removes ${everything}. Without it an empty exclusive list fails, so a list computed empty by mistake cannot ${harm}.`,
      )
      .optional(),
  };
}

/** The spec of a set kind: inputs, ownership, references, export, preview and the store, from one definition. */
export function ownedSetSpec(definition: OwnedSetDefinition): ResourceSpec {
  const { parent, lists, scope, calls } = definition;
  const parentField = snake(parent.input);
  const listable = calls.read !== undefined;
  const writes = memberWrites(calls);
  const items = lists.map((list) => list.noun).join(' and ');
  const everything = `every one of the ${parent.noun}'s ${items}`;
  const harm = definition.harm ?? `empty ${/^[aeiou]/.test(parent.noun) ? 'an' : 'a'} ${parent.noun}`;
  const capitalParent = `${parent.noun[0].toUpperCase()}${parent.noun.slice(1)}`;
  const scopeOf = (body: Props | undefined): Props => (scope ? { [scope.field]: body?.[scope.field] ?? scope.default } : {});
  const modeOf = (body: Props | undefined) => (listable ? String(body?.mode ?? 'exclusive') : 'additive');

  /** What other resources of this run declare for the parent, per list field: never removed (declaredMembers.ts). */
  const keptFor = (parentId: string, body: Props): Record<string, Set<string>> => {
    const declared = declaredForOwner(spec, parentId, scope ? { [scope.input]: body[scope.field] ?? scope.default } : {});
    return Object.fromEntries(lists.map((list) => [list.field, declared?.get(list.input) ?? new Set<string>()]));
  };

  /** The set now, or, for a set Zoom cannot list, what this resource declared (undefined: the parent is gone). */
  const current = async (client: ZccClient, parentId: string, declared: Props | undefined, scopeValue: Props) => {
    if (listable) return writes.read(client, parentId, scopeValue);
    if (calls.parentExists && !(await calls.parentExists(client, parentId))) return undefined;
    return Object.fromEntries(lists.map((list) => [list.field, itemsOf(declared, list.field)]));
  };

  const reconcile = async (client: ZccClient, parentId: string, desired: Props, before: Props, known?: Record<string, unknown[]>) => {
    const scopeValue = scopeOf(desired);
    const have = known ?? (await current(client, parentId, before, scopeValue));
    if (!have)
      throw new ZccApiError(`${capitalParent} ${parentId} does not exist, so its ${items} cannot be set.`, {
        method: 'GET',
        path: fillPath(definition.endpoint.path, [parentId]),
        status: 404,
      });
    const kept = keptFor(parentId, desired);
    for (const list of lists) {
      const held = new Map(itemsOf(have, list.field).map((item) => [memberKey(item), item]));
      const want = itemsOf(desired, list.field);
      const toAdd = want.filter((item) => !held.has(memberKey(item)) || (list.sameItem && !list.sameItem(held.get(memberKey(item)), item)));
      await writes.add(client, parentId, list, toAdd, scopeValue);
      const wanted = new Set(want.map(memberKey));
      const candidates = modeOf(desired) === 'exclusive' ? [...held.values()] : itemsOf(before, list.field);
      const toRemove = candidates.filter((item) => !wanted.has(memberKey(item)) && held.has(memberKey(item)) && !kept[list.field].has(memberKey(item)));
      await writes.remove(client, parentId, list.field, toRemove, scopeValue);
    }
  };

  const shape = (body: Props, parentId: string, sets: Record<string, unknown[]>): Props => ({
    [parentField]: parentId,
    ...scopeOf(body),
    ...Object.fromEntries(lists.map((list) => [list.field, sets[list.field] ?? []])),
    ...(listable ? { mode: modeOf(body) } : {}),
  });

  const store: ObjectStore = {
    list: async () => [],
    create: async (client, body) => {
      const parentId = String(body[parentField]);
      // A parent this provider process created moments ago holds nothing yet: no read needed (a member someone adds
      // in between is answered 409 and taken as present; one to remove shows at the next refresh).
      const known = createdInThisProcess(parent.kind, parentId) ? Object.fromEntries(lists.map((list) => [list.field, []])) : undefined;
      await reconcile(client, parentId, body, {}, known);
      return shape(body, parentId, Object.fromEntries(lists.map((list) => [list.field, itemsOf(body, list.field)])));
    },
    get: async (client, parentId, previous) => {
      const have = await current(client, parentId, previous, scopeOf(previous));
      if (!have) return undefined;
      // Exclusive mode owns the whole set; additive mode answers for its own members only (as they are now).
      const view = (list: MemberList) => {
        const now = itemsOf(have, list.field);
        if (modeOf(previous) === 'exclusive') return now;
        const declared = new Set(itemsOf(previous, list.field).map(memberKey));
        return now.filter((item) => declared.has(memberKey(item)));
      };
      return shape(previous ?? {}, parentId, Object.fromEntries(lists.map((list) => [list.field, view(list)])));
    },
    update: (client, parentId, _changed, full, previous) => reconcile(client, parentId, full, previous),
    remove: async (client, parentId, previous) => {
      const scopeValue = scopeOf(previous);
      const have = await current(client, parentId, previous, scopeValue);
      // The parent is gone, and its set with it: nothing to do, and never a reason to fail.
      if (!have) return;
      for (const list of lists) {
        const held = new Set(itemsOf(have, list.field).map(memberKey));
        await writes.remove(
          client,
          parentId,
          list.field,
          itemsOf(previous, list.field).filter((item) => held.has(memberKey(item))),
          scopeValue,
        );
      }
    },
  };

  const inputs: Record<string, z.ZodType> = { [parent.input]: parent.schema };
  if (scope) inputs[scope.input] = scope.schema;
  for (const list of lists) inputs[list.input] = list.optional ? list.schema.optional() : list.schema;
  if (listable) Object.assign(inputs, ownershipInputs(items, everything, harm));

  const memberInputs = lists.map((list) => list.input);
  const spec: ResourceSpec = {
    kind: definition.kind,
    description: definition.description,
    endpoint: definition.endpoint,
    idField: parentField,
    idOutput: parent.input,
    inputSchema: z.strictObject(inputs),
    apiFields: {
      [parent.input]: parentField,
      ...(scope ? { [scope.input]: scope.field } : {}),
      ...Object.fromEntries(lists.map((list) => [list.input, list.field])),
      ...(listable ? { mode: 'mode' } : {}),
    },
    serverDefaults: {
      ...(listable ? { mode: 'exclusive' } : {}),
      ...(scope ? { [scope.input]: scope.default } : {}),
      ...Object.fromEntries(lists.filter((list) => list.optional).map((list) => [list.input, []])),
    },
    setFields: memberInputs,
    replaceOnChanges: [parent.input, ...(scope ? [scope.input] : [])],
    references: {
      [parent.input]: parent.kind,
      ...Object.fromEntries(lists.filter((list) => list.kind !== undefined).map((list) => [list.reference ?? `${list.input}[]`, list.kind!])),
    },
    crossFieldCheck: (declared) => {
      const empty = lists.every((list) => itemsOf(declared, list.input).length === 0);
      if (!listable || !isExclusive(declared) || !empty || declared.allowEmpty === true) return [];
      return [
        [memberInputs[0], `is empty in exclusive mode, which would remove ${everything}. Set allowEmpty: true if that is intended, or use mode: "additive".`],
      ];
    },
    ...(definition.parentProblem
      ? {
          checkEffects: async (client: ZccClient, declared: Props) => {
            const parentId = declared[parent.input];
            const problem = typeof parentId === 'string' && parentId !== UNKNOWN ? await definition.parentProblem!(client, parentId) : undefined;
            return { failures: problem ? [[parent.input, problem] as [string, string]] : [], warnings: [] };
          },
        }
      : {}),
    previewCreate: async (client, declared) => {
      // A new exclusive set takes over a parent that may already hold members: name the ones it will remove, since a
      // create shows no diff. Reads only; a parent this run just created holds nothing (no call).
      const parentId = String(declared[parent.input]);
      if (!listable || !isExclusive(declared) || createdInThisProcess(parent.kind, parentId)) return [];
      const scopeValue = scope ? { [scope.field]: declared[scope.input] ?? scope.default } : {};
      const have = await writes.read(client, parentId, scopeValue);
      const removed = lists.flatMap((list) => {
        const wanted = new Set(itemsOf(declared, list.input).map(memberKey));
        return itemsOf(have, list.field)
          .map(memberKey)
          .filter((key) => !wanted.has(key))
          .map((key) => list.label?.(key) ?? key);
      });
      if (removed.length === 0) return [];
      return [
        `${definition.kind} (exclusive) on ${parent.noun} ${parentId} will remove ${removed.length} of its ${items} it does not list: ${removed.join(', ')}. Add them to ${memberInputs.join('/')}, or use mode: "additive", to keep them.`,
      ];
    },
    exportAs: definition.exportAs ?? {
      role: 'set',
      owner: parent.kind,
      members: memberInputs.length === 1 ? memberInputs[0] : memberInputs,
      ...definition.exportHints,
    },
    ...(definition.onePerProgram ? { onePerProgram: parent.input } : {}),
    ...(definition.declaresOnce ? { declaresOnce: definition.declaresOnce } : {}),
    example: definition.example,
    store,
  };
  return spec;
}
