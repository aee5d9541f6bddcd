import type { FastifyRequest } from 'fastify';
import { conflict, invalidField } from './errors';
import { identified } from './lookup';
import { paginate } from './pagination';
import type { Table } from './table';
import { now } from './table';
import type { EmulatorState } from './state';
import type { RateCategory } from './rateLimits';
import { asBody, booleanField, enumField, rejectUnknownFields, stringField, type Body } from './validate';
import { defineRoutes, params, query } from './context';

/**
 * A REST collection of the emulator declared as a table: its path, fields and rules, from which the five routes
 * (list, create, get, update, delete) are built with the same validation, lookups by `<x>_identifier_type`, unique
 * names and pagination. Kinds whose answers need more (a queue's flat settings, a flow's versions) keep their own
 * route files; newer kinds are a declaration here.
 */
export type FieldRule =
  | { type: 'string'; max: number; min?: number; required?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'enum'; values: readonly string[]; required?: boolean }
  /** A list of strings, each checked by `check` (a privilege name, a known id). */
  | { type: 'strings'; check?: (state: EmulatorState, value: string) => string | undefined; required?: boolean }
  /** A list of `{ id }` objects (`status_assigned_queues`), each id checked by `check`. */
  | { type: 'idObjects'; check?: (state: EmulatorState, value: string) => string | undefined; required?: boolean };

export interface RestCollection<Row extends object> {
  /** What the collection holds, singular, for messages ("Region"). */
  noun: string;
  path: string;
  /** The path parameter naming one object (`regionId`). */
  param: string;
  listKey: string;
  maxPageSize: number;
  idField: keyof Row & string;
  nameField: keyof Row & string;
  /** The query parameter choosing how a path key is read (`region_identifier_type`: id or name). */
  identifierType?: string;
  table: (state: EmulatorState) => Table<Row>;
  /** Fields the POST takes; `patch` those the PATCH takes (default: the same). */
  create: Record<string, FieldRule>;
  patch?: Record<string, FieldRule>;
  /** Names are unique within the collection, or within the group `uniqueWithin` returns (a status category). */
  uniqueWithin?: (row: Row | Body) => string;
  /** A new row from a validated body (id and time are filled in by the builder). */
  newRow: (state: EmulatorState, body: Body) => Omit<Row, 'last_modified_time'> & Partial<Row>;
  /** Applies a validated PATCH body (default: assign every field). */
  applyPatch?: (state: EmulatorState, row: Row, body: Body) => void;
  /** What the list, GET and POST answer for a row (default: the row without internal fields). */
  listView?: (state: EmulatorState, row: Row) => object;
  view?: (state: EmulatorState, row: Row) => object;
  createView?: (state: EmulatorState, row: Row) => object;
  /** Filters the list by its query parameters. */
  listFilter?: (rows: Row[], query: Record<string, unknown>) => Row[];
  /** Refuses a delete (400/409) or does what it entails (moving users), before the row goes. */
  beforeDelete?: (state: EmulatorState, row: Row, query: Record<string, unknown>) => void;
  categories?: Partial<Record<'list' | 'get' | 'create' | 'update' | 'delete', RateCategory>>;
}

/** The body's fields checked against `rules`; a PATCH (`partial`) may leave any of them out. */
function validated(state: EmulatorState, body: Body, rules: Record<string, FieldRule>, partial = false): Body {
  rejectUnknownFields(body, Object.keys(rules));
  const out: Body = {};
  for (const [field, given] of Object.entries(rules)) {
    const rule = partial ? { ...given, required: false } : given;
    let value: unknown;
    if (rule.type === 'string') value = stringField(body, field, { required: rule.required, max: rule.max, min: rule.min });
    else if (rule.type === 'boolean') {
      value = booleanField(body, field);
      if (value === undefined && rule.required) throw invalidField(field, 'This field is required.');
    } else if (rule.type === 'enum') value = enumField(body, field, rule.values, rule.required);
    else {
      const raw = body[field];
      if (raw === undefined) {
        if (rule.required) throw invalidField(field, 'This field is required.');
        continue;
      }
      if (!Array.isArray(raw)) throw invalidField(field, 'Expected a list.');
      const ids = raw.map((item) => {
        const id = rule.type === 'idObjects' ? (item as { id?: unknown } | null)?.id : item;
        if (typeof id !== 'string' || id === '')
          throw invalidField(field, rule.type === 'idObjects' ? 'Each item must be { "id": "<id>" }.' : 'Expected strings.');
        const problem = rule.check?.(state, id);
        if (problem) throw invalidField(field, problem);
        return id;
      });
      if (new Set(ids).size !== ids.length) throw invalidField(field, 'Lists the same value twice.');
      value = rule.type === 'idObjects' ? ids.map((id) => ({ id })) : ids;
    }
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The row as the API shows it: fields starting with `_` are the emulator's own. */
export const publicFields = (row: object) => Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')));

/** Registers the collection's five routes; returns its path-key lookup, for the collection's other routes. */
export function registerRestCollection<Row extends object>(
  route: ReturnType<typeof defineRoutes>,
  spec: RestCollection<Row>,
): { find: (state: EmulatorState, key: string, type?: unknown) => Row } {
  const categories = { list: 'medium', get: 'light', create: 'light', update: 'light', delete: 'light', ...spec.categories } as const;
  /** The object a path key names: by id, or by name where the collection takes `<x>_identifier_type`. */
  const find = (state: EmulatorState, key: string, type?: unknown): Row => {
    const table = spec.table(state);
    const finders = {
      id: (id: string) => table.get(id),
      ...(spec.identifierType ? { name: (name: string) => table.all().find((row) => row[spec.nameField] === (name as unknown)) } : {}),
    };
    return identified(spec.noun, finders, spec.identifierType ?? 'identifier_type', spec.identifierType ? type : undefined, key);
  };
  const named = (state: EmulatorState, request: FastifyRequest) =>
    find(state, params(request)[spec.param], spec.identifierType ? query(request)[spec.identifierType] : undefined);
  const assertUnique = (state: EmulatorState, name: unknown, candidate: Row | Body, self?: Row) => {
    const group = spec.uniqueWithin?.(candidate);
    const clash = spec
      .table(state)
      .all()
      .find((row) => row !== self && row[spec.nameField] === name && (group === undefined || spec.uniqueWithin!(row) === group));
    if (clash) throw conflict(`${spec.noun} name already exists: ${String(name)}.`);
  };
  const view = (state: EmulatorState, row: Row) => (spec.view ?? ((_: EmulatorState, r: Row) => publicFields(r)))(state, row);

  route('GET', spec.path, categories.list, (request, { state }) => {
    const rows = spec.table(state).all();
    const listed = spec.listFilter ? spec.listFilter(rows, query(request)) : rows;
    return {
      body: paginate(
        listed.map((row) => (spec.listView ?? view)(state, row)),
        query(request),
        spec.listKey,
        spec.maxPageSize,
      ),
    };
  });
  route('POST', spec.path, categories.create, (request, { state }) => {
    const body = validated(state, asBody(request.body), spec.create);
    assertUnique(state, body[spec.nameField], body);
    const table = spec.table(state);
    const row = table.insert({ ...spec.newRow(state, body), [spec.idField]: table.nextId(), last_modified_time: now() } as unknown as Row);
    return { status: 201, body: (spec.createView ?? view)(state, row) };
  });
  route('GET', `${spec.path}/:${spec.param}`, categories.get, (request, { state }) => ({ body: view(state, named(state, request)) }));
  route('PATCH', `${spec.path}/:${spec.param}`, categories.update, (request, { state }) => {
    const row = named(state, request);
    const body = validated(state, asBody(request.body), spec.patch ?? spec.create, true);
    if (body[spec.nameField] !== undefined) assertUnique(state, body[spec.nameField], { ...row, ...body }, row);
    if (spec.applyPatch) spec.applyPatch(state, row, body);
    else Object.assign(row, body);
    Object.assign(row, { last_modified_time: now() });
    return { status: 204 };
  });
  route('DELETE', `${spec.path}/:${spec.param}`, categories.delete, (request, { state }) => {
    const row = named(state, request);
    spec.beforeDelete?.(state, row, query(request));
    spec.table(state).delete(String(row[spec.idField]));
    return { status: 204 };
  });
  return { find };
}
