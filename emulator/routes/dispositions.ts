import { identified } from '../lookup';
import { conflict, invalidField } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
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

const queueCount = (state: EmulatorState, id: string) => [...state.queueDispositions.values()].filter((ids) => ids.includes(id)).length;

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
      .filter(([, sets]) => sets.includes(row.disposition_set_id))
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
        const queues = [...state.queueDispositionSets.values()].filter((sets) => sets.includes(row.disposition_set_id)).length;
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
