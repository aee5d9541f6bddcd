import { identified } from '../lookup';
import { conflict, invalidField, notFound } from '../errors';
import { findQueue } from './queues';
import { paginate } from '../pagination';
import { now } from '../table';
import type { DispositionRow, DispositionSetRow, EmulatorState } from '../state';
import { asBody, enumField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Dispositions (wrap-up codes) and disposition sets, in the shapes of Zoom's document ("Part 1, continued"). What the
 * document does not say is not invented: names are not required to be unique, and a set's `disposition_ids`
 * replace its list.
 */
const STATUSES = ['inactive', 'active'] as const;
const TYPES = ['single', 'multi_level'] as const;

function subDispositions(state: EmulatorState, body: Body, previous: DispositionRow['sub_dispositions']): DispositionRow['sub_dispositions'] {
  const raw = body.sub_dispositions;
  if (raw === undefined) return previous;
  if (!Array.isArray(raw)) throw invalidField('sub_dispositions', 'Expected an array.');
  return raw.map((item, index) => {
    const entry = asBody(item);
    rejectUnknownFields(entry, ['sub_disposition_id', 'sub_disposition_name', 'current_index', 'parent_index']);
    const name = stringField(entry, 'sub_disposition_name', { required: true, min: 1, max: 64 })!;
    for (const field of ['current_index', 'parent_index'])
      if (typeof entry[field] !== 'number' || !Number.isInteger(entry[field]))
        throw invalidField(`sub_dispositions[${index}].${field}`, 'Expected an integer.');
    const id = stringField(entry, 'sub_disposition_id', { max: 64 });
    return {
      sub_disposition_id: id ?? state.dispositions.nextId(),
      sub_disposition_name: name,
      current_index: entry.current_index as number,
      parent_index: entry.parent_index as number,
    };
  });
}

const queueCount = (state: EmulatorState, id: string) =>
  [...state.queueDispositions.values()].filter((entries) => entries.some((entry) => entry.endsWith(`:${id}`))).length;

export function dispositionListItem(state: EmulatorState, row: DispositionRow) {
  const { sub_dispositions: _subs, ...item } = row;
  return { ...item, queue_count: queueCount(state, row.disposition_id) };
}

export function dispositionSetView(state: EmulatorState, row: DispositionSetRow) {
  const { disposition_ids: ids, ...rest } = row;
  return {
    ...rest,
    dispositions: ids.map((id) => ({ disposition_id: id, disposition_name: state.dispositions.get(id)?.disposition_name })),
    queues: [...state.queueDispositionSets.entries()]
      .filter(([, sets]) => sets.some((entry) => entry.endsWith(`:${row.disposition_set_id}`)))
      .map(([queueId]) => state.queues.get(queueId))
      .filter((queue) => queue !== undefined)
      .map((queue) => ({ queue_id: queue.queue_id, cc_queue_id: queue.cc_queue_id, queue_name: queue.queue_name })),
  };
}

export function registerDispositionRoutes(route: ReturnType<typeof defineRoutes>) {
  const dispositionOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Disposition',
      { id: (k: string) => state.dispositions.get(k), name: (k: string) => state.dispositions.all().find((d) => d.disposition_name === k) },
      'disposition_identifier_type',
      type,
      key,
    );
  const setOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Disposition set',
      { id: (k: string) => state.dispositionSets.get(k), name: (k: string) => state.dispositionSets.all().find((d) => d.disposition_set_name === k) },
      'disposition_set_identifier_type',
      type,
      key,
    );
  const dispositionIds = (state: EmulatorState, body: Body): string[] | undefined => {
    const raw = body.disposition_ids;
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string')) throw invalidField('disposition_ids', 'Expected an array of disposition ids.');
    if (new Set(raw).size !== raw.length) throw invalidField('disposition_ids', 'Lists a disposition twice.');
    for (const id of raw) dispositionOf(state, id as string, 'id');
    return raw as string[];
  };

  route('GET', '/contact_center/dispositions', 'medium', (request, { state }) => ({
    body: paginate(
      state.dispositions.all().map((row) => dispositionListItem(state, row)),
      query(request),
      'dispositions',
      300,
    ),
  }));
  route('POST', '/contact_center/dispositions', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status', 'disposition_name', 'disposition_description', 'disposition_type', 'sub_dispositions']);
    const type = enumField(body, 'disposition_type', TYPES) ?? 'single';
    const subs = subDispositions(state, body, []);
    if (type === 'single' && subs.length > 0) throw invalidField('sub_dispositions', 'Only a multi_level disposition has sub-dispositions.');
    const row = state.dispositions.insert({
      disposition_id: state.dispositions.nextId(),
      disposition_name: stringField(body, 'disposition_name', { required: true, min: 1, max: 64 })!,
      disposition_description: stringField(body, 'disposition_description', { max: 256 }) ?? '',
      status: enumField(body, 'status', STATUSES) ?? 'active',
      disposition_type: type,
      sub_dispositions: subs,
      modified_by: 'api',
      last_modified_time: now(),
    });
    const { sub_dispositions: _subs, ...answer } = row;
    return { status: 201, body: answer };
  });
  route('GET', '/contact_center/dispositions/:dispositionId', 'light', (request, { state }) => {
    const row = dispositionOf(state, params(request).dispositionId, query(request).disposition_identifier_type);
    return { body: { ...row, queue_count: queueCount(state, row.disposition_id) } };
  });
  route('PATCH', '/contact_center/dispositions/:dispositionId', 'light', (request, { state }) => {
    const row = dispositionOf(state, params(request).dispositionId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status', 'disposition_name', 'disposition_description', 'disposition_type', 'sub_dispositions']);
    const name = stringField(body, 'disposition_name', { min: 1, max: 64 });
    const description = stringField(body, 'disposition_description', { max: 256 });
    const status = enumField(body, 'status', STATUSES);
    const type = enumField(body, 'disposition_type', TYPES) ?? row.disposition_type;
    const subs = subDispositions(state, body, type === 'single' ? [] : row.sub_dispositions);
    if (type === 'single' && subs.length > 0) throw invalidField('sub_dispositions', 'Only a multi_level disposition has sub-dispositions.');
    Object.assign(row, {
      ...(name !== undefined ? { disposition_name: name } : {}),
      ...(description !== undefined ? { disposition_description: description } : {}),
      ...(status !== undefined ? { status } : {}),
      disposition_type: type,
      sub_dispositions: subs,
      modified_by: 'api',
      last_modified_time: now(),
    });
    return { status: 204 };
  });
  route('DELETE', '/contact_center/dispositions/:dispositionId', 'light', (request, { state }) => {
    const row = dispositionOf(state, params(request).dispositionId, 'id');
    const sets = state.dispositionSets.all().filter((set) => set.disposition_ids.includes(row.disposition_id));
    if (sets.length > 0) throw conflict(`Disposition ${row.disposition_id} is in disposition sets: ${sets.map((set) => set.disposition_set_id).join(', ')}.`);
    state.dispositions.delete(row.disposition_id);
    for (const [queueId, ids] of state.queueDispositions)
      state.queueDispositions.set(
        queueId,
        ids.filter((id) => id !== row.disposition_id),
      );
    return { status: 204 };
  });

  route('GET', '/contact_center/dispositions/sets', 'medium', (request, { state }) => ({
    body: paginate(
      state.dispositionSets.all().map((row) => {
        const { disposition_ids: ids, ...rest } = row;
        const queues = [...state.queueDispositionSets.values()].filter((sets) => sets.some((entry) => entry.endsWith(`:${row.disposition_set_id}`))).length;
        return { ...rest, dispositions_count: ids.length, queues_count: queues };
      }),
      query(request),
      'disposition_sets',
      300,
    ),
  }));
  route('POST', '/contact_center/dispositions/sets', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status', 'disposition_set_name', 'disposition_set_description', 'disposition_ids']);
    const row = state.dispositionSets.insert({
      disposition_set_id: state.dispositionSets.nextId(),
      disposition_set_name: stringField(body, 'disposition_set_name', { required: true, min: 1, max: 64 })!,
      disposition_set_description: stringField(body, 'disposition_set_description', { max: 256 }) ?? '',
      status: enumField(body, 'status', STATUSES) ?? 'active',
      disposition_ids: dispositionIds(state, body) ?? [],
      modified_by: 'api',
      last_modified_time: now(),
    });
    const { queues: _queues, ...answer } = dispositionSetView(state, row);
    return { status: 201, body: answer };
  });
  route('GET', '/contact_center/dispositions/sets/:dispositionSetId', 'light', (request, { state }) => ({
    body: dispositionSetView(state, setOf(state, params(request).dispositionSetId, query(request).disposition_set_identifier_type)),
  }));
  route('PATCH', '/contact_center/dispositions/sets/:dispositionSetId', 'light', (request, { state }) => {
    const row = setOf(state, params(request).dispositionSetId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status', 'disposition_set_name', 'disposition_set_description', 'disposition_ids']);
    const name = stringField(body, 'disposition_set_name', { min: 1, max: 64 });
    const description = stringField(body, 'disposition_set_description', { max: 256 });
    const status = enumField(body, 'status', STATUSES);
    const ids = dispositionIds(state, body);
    Object.assign(row, {
      ...(name !== undefined ? { disposition_set_name: name } : {}),
      ...(description !== undefined ? { disposition_set_description: description } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(ids !== undefined ? { disposition_ids: ids } : {}),
      modified_by: 'api',
      last_modified_time: now(),
    });
    return { status: 204 };
  });
  route('DELETE', '/contact_center/dispositions/sets/:dispositionSetId', 'light', (request, { state }) => {
    const row = setOf(state, params(request).dispositionSetId, 'id');
    state.dispositionSets.delete(row.disposition_set_id);
    for (const [queueId, ids] of state.queueDispositionSets)
      state.queueDispositionSets.set(
        queueId,
        ids.filter((id) => id !== row.disposition_set_id),
      );
    return { status: 204 };
  });
}

/**
 * The dispositions and disposition sets a queue offers (`/queues/{queueId}/dispositions(/sets)`), per direction
 * (`assign_type`, inbound when omitted). Adding one already offered is a 409, removing one not offered a 404.
 */
export function registerQueueDispositionRoutes(route: ReturnType<typeof defineRoutes>) {
  const ASSIGN = ['inbound', 'outbound'] as const;
  const assignOf = (value: unknown) => enumField({ assign_type: value }, 'assign_type', ASSIGN) ?? 'inbound';
  // Stored as `<assign_type>:<id>` in the queue's list.
  const entries = (map: Map<string, string[]>, queueId: string) => map.get(queueId) ?? [];
  const split = (entry: string) => {
    const at = entry.indexOf(':');
    return { assign: entry.slice(0, at), id: entry.slice(at + 1) };
  };

  for (const [suffix, key, map, find, view] of [
    [
      'dispositions',
      'disposition',
      (state: EmulatorState) => state.queueDispositions,
      (state: EmulatorState, id: string) => state.dispositions.get(id),
      (state: EmulatorState, id: string) => {
        const row = state.dispositions.get(id)!;
        return {
          disposition_id: row.disposition_id,
          disposition_name: row.disposition_name,
          disposition_description: row.disposition_description,
          status: row.status,
          last_modified_time: row.last_modified_time,
          modified_by: row.modified_by,
        };
      },
    ],
    [
      'dispositions/sets',
      'disposition_set',
      (state: EmulatorState) => state.queueDispositionSets,
      (state: EmulatorState, id: string) => state.dispositionSets.get(id),
      (state: EmulatorState, id: string) => {
        const row = state.dispositionSets.get(id)!;
        return {
          disposition_set_id: row.disposition_set_id,
          disposition_set_name: row.disposition_set_name,
          disposition_set_description: row.disposition_set_description,
          status: row.status,
          last_modified_time: row.last_modified_time,
          modified_by: row.modified_by,
        };
      },
    ],
  ] as const) {
    const listKey = `${key}s`;
    const what = key === 'disposition' ? 'Disposition' : 'Disposition set';
    const item = (state: EmulatorState, queueId: string, entry: string) => {
      const { assign, id } = split(entry);
      const queue = state.queues.get(queueId)!;
      return { ...view(state, id), queue_name: queue.queue_name, cc_queue_id: queue.cc_queue_id, assign_type: assign };
    };
    route('GET', `/contact_center/queues/:queueId/${suffix}`, 'medium', (request, { state }) => {
      const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
      const q = query(request);
      const only = q.assign_type === undefined ? undefined : assignOf(q.assign_type);
      const rows = entries(map(state), queue.queue_id).filter((entry) => only === undefined || split(entry).assign === only);
      return {
        body: paginate(
          rows.map((entry) => item(state, queue.queue_id, entry)),
          q,
          listKey,
          100,
        ),
      };
    });
    route('POST', `/contact_center/queues/:queueId/${suffix}`, 'light', (request, { state }) => {
      const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
      const body = asBody(request.body);
      rejectUnknownFields(body, [`${key}_ids`, 'assign_type']);
      const assign = assignOf(body.assign_type);
      const ids = body[`${key}_ids`];
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string'))
        throw invalidField(`${key}_ids`, `Expected a non-empty array of ${what.toLowerCase()} ids.`);
      const current = entries(map(state), queue.queue_id);
      for (const id of ids as string[]) {
        if (!find(state, id)) throw notFound(what, id);
        if (current.includes(`${assign}:${id}`)) throw conflict(`${what} ${id} is already assigned to queue ${queue.queue_id} (${assign}).`);
      }
      const added = (ids as string[]).map((id) => `${assign}:${id}`);
      map(state).set(queue.queue_id, [...current, ...added]);
      return { status: 201, body: { [listKey]: added.map((entry) => item(state, queue.queue_id, entry)) } };
    });
    route(
      'DELETE',
      `/contact_center/queues/:queueId/${suffix}/:${key === 'disposition' ? 'dispositionId' : 'dispositionSetId'}`,
      'light',
      (request, { state }) => {
        const queue = findQueue(state, params(request).queueId, query(request).queue_identifier_type);
        const id = params(request)[key === 'disposition' ? 'dispositionId' : 'dispositionSetId'];
        const entry = `${assignOf(query(request).assign_type)}:${id}`;
        const current = entries(map(state), queue.queue_id);
        if (!current.includes(entry)) throw notFound(`${what} assignment`, id);
        map(state).set(
          queue.queue_id,
          current.filter((other) => other !== entry),
        );
        return { status: 204 };
      },
    );
  }
}
