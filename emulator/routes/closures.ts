import { identified } from '../lookup';
import { conflict, invalidField } from '../errors';
import { paginate } from '../pagination';
import type { ClosureRow, ClosureSetRow, EmulatorState } from '../state';
import { asBody, booleanField, rejectUnknownFields, stringField, type Body, isTimezone } from '../validate';
import { defineRoutes, params, query } from '../context';
import { flowsWith, queuesWith } from './whereUsed';

/**
 * Closure sets (holidays and one-off closures), in the shapes of Zoom's document ("Part 1, continued"). A PATCH
 * names the set's name, timezone and closures every time; a listed closure with its `closure_id` changes that
 * closure (`to_delete: true` removes it), one without is added, and closures not listed stay. The numbers
 * (`closure_hour_type`, `recurring_frequency`, …) have no documented meaning: the emulator keeps them as given.
 * The account default closure set cannot be deleted.
 */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const CLOSURE_FIELDS = [
  'closure_name',
  'closure_hour_type',
  'start_time',
  'end_time',
  'recurring_frequency',
  'recurring_frequency_type',
  'recurring_month',
  'recurring_week_interval',
  'recurring_days_of_week',
];

function oneOfNumbers(body: Body, field: string, allowed: number[], required: boolean, at: string): number | undefined {
  const value = body[field];
  if (value === undefined) {
    if (required) throw invalidField(`${at}.${field}`, 'This field is required.');
    return undefined;
  }
  if (typeof value !== 'number' || !allowed.includes(value)) throw invalidField(`${at}.${field}`, `Must be one of: ${allowed.join(', ')}.`);
  return value;
}

function closure(state: EmulatorState, raw: unknown, at: string, previous: ClosureRow | undefined): ClosureRow {
  const body = asBody(raw);
  const full = previous === undefined;
  const name = stringField(body, 'closure_name', { required: full, min: 1, max: 64 });
  const start = stringField(body, 'start_time', { required: full, max: 32 });
  const end = stringField(body, 'end_time', { required: full, max: 32 });
  for (const [field, value] of [
    ['start_time', start],
    ['end_time', end],
  ] as const)
    if (value !== undefined && !LOCAL_TIME.test(value)) throw invalidField(`${at}.${field}`, 'Expected a local date and time, yyyy-MM-ddTHH:mm[:ss].');
  const row: ClosureRow = {
    ...(previous ?? {}),
    closure_id: previous?.closure_id ?? state.closureSets.nextId(),
    closure_name: name ?? previous!.closure_name,
    closure_hour_type: oneOfNumbers(body, 'closure_hour_type', [1, 2], full, at) ?? previous!.closure_hour_type,
    start_time: start ?? previous!.start_time,
    end_time: end ?? previous!.end_time,
    recurring_frequency: oneOfNumbers(body, 'recurring_frequency', [0, 1, 2, 3], full, at) ?? previous!.recurring_frequency,
  };
  if (row.start_time > row.end_time) throw invalidField(at, 'start_time must not be after end_time.');
  const type = oneOfNumbers(body, 'recurring_frequency_type', [1, 2], false, at);
  const month = oneOfNumbers(body, 'recurring_month', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], false, at);
  if (type !== undefined) row.recurring_frequency_type = type;
  if (month !== undefined) row.recurring_month = month;
  if (body.recurring_week_interval !== undefined) {
    if (typeof body.recurring_week_interval !== 'number' || !Number.isInteger(body.recurring_week_interval) || body.recurring_week_interval < 1)
      throw invalidField(`${at}.recurring_week_interval`, 'Expected a whole number from 1.');
    row.recurring_week_interval = body.recurring_week_interval;
  }
  if (body.recurring_days_of_week !== undefined) {
    const days = body.recurring_days_of_week;
    if (!Array.isArray(days) || days.some((day) => typeof day !== 'string'))
      throw invalidField(`${at}.recurring_days_of_week`, 'Expected an array of strings.');
    row.recurring_days_of_week = days as string[];
  }
  return row;
}

export function registerClosureRoutes(route: ReturnType<typeof defineRoutes>) {
  const setOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Closure set',
      { id: (k: string) => state.closureSets.get(k), name: (k: string) => state.closureSets.all().find((c) => c.closure_set_name === k) },
      'closure_set_identifier_type',
      type,
      key,
    );
  const unique = (state: EmulatorState, name: string, except?: string) => {
    if (state.closureSets.all().some((c) => c.closure_set_name === name && c.closure_set_id !== except))
      throw conflict(`Closure set name already exists: ${name}.`);
  };
  const timezone = (body: Body) => {
    const value = stringField(body, 'timezone', { required: true, max: 64 })!;
    if (!isTimezone(value)) throw invalidField('timezone', `Unknown time zone: ${value}. Use an IANA name such as America/New_York.`);
    return value;
  };
  const closuresOf = (body: Body): unknown[] => {
    if (!Array.isArray(body.closures)) throw invalidField('closures', body.closures === undefined ? 'This field is required.' : 'Expected an array.');
    return body.closures;
  };
  const takeDefault = (state: EmulatorState, row: ClosureSetRow) => {
    for (const other of state.closureSets.all()) if (other !== row) other.account_default = false;
  };
  const SET_FIELDS = ['closure_set_name', 'closure_set_description', 'timezone', 'account_default', 'closures'];

  route('GET', '/contact_center/closures', 'medium', (request, { state }) => {
    const q = query(request);
    const only = q.account_default === undefined ? undefined : q.account_default === 'true' || q.account_default === true;
    const rows = state.closureSets.all().filter((row) => only === undefined || row.account_default === only);
    return {
      body: paginate(
        rows.map(({ closure_set_description: _description, ...row }) => ({ ...row, queues_count: queuesUsing(state, row.closure_set_id), flows_count: 0 })),
        q,
        'closure_sets',
        300,
      ),
    };
  });
  route('POST', '/contact_center/closures', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, SET_FIELDS);
    const name = stringField(body, 'closure_set_name', { required: true, min: 1, max: 64 })!;
    unique(state, name);
    const closures = closuresOf(body).map((raw, index) => {
      rejectUnknownFields(asBody(raw), CLOSURE_FIELDS);
      return closure(state, raw, `closures[${index}]`, undefined);
    });
    const row = state.closureSets.insert({
      closure_set_id: state.closureSets.nextId(),
      closure_set_name: name,
      closure_set_description: stringField(body, 'closure_set_description', { max: 256 }) ?? '',
      timezone: timezone(body),
      account_default: booleanField(body, 'account_default') ?? false,
      closures,
    });
    if (row.account_default) takeDefault(state, row);
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/closures/:closureSetId', 'light', (request, { state }) => ({
    body: setOf(state, params(request).closureSetId, query(request).closure_set_identifier_type),
  }));
  route('GET', '/contact_center/closures/:closureSetId/queues', 'medium', (request, { state }) => {
    const row = setOf(state, params(request).closureSetId, query(request).closure_set_identifier_type);
    return { body: queuesWith(state, 'closure_set_id', row.closure_set_id, query(request)) };
  });
  route('GET', '/contact_center/closures/:closureSetId/flows', 'medium', (request, { state }) => {
    setOf(state, params(request).closureSetId, query(request).closure_set_identifier_type);
    return { body: flowsWith(query(request)) };
  });
  route('PATCH', '/contact_center/closures/:closureSetId', 'light', (request, { state }) => {
    const row = setOf(state, params(request).closureSetId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, SET_FIELDS);
    const name = stringField(body, 'closure_set_name', { required: true, min: 1, max: 64 })!;
    unique(state, name, row.closure_set_id);
    const zone = timezone(body);
    const description = stringField(body, 'closure_set_description', { max: 256 });
    const accountDefault = booleanField(body, 'account_default');
    if (accountDefault === false && row.account_default)
      throw invalidField('account_default', 'The account needs a default closure set: make another set the default instead.');
    let closures = [...row.closures];
    closuresOf(body).forEach((raw, index) => {
      const at = `closures[${index}]`;
      const item = asBody(raw);
      rejectUnknownFields(item, [...CLOSURE_FIELDS, 'closure_id', 'to_delete']);
      const id = stringField(item, 'closure_id', { max: 64 });
      const existing = id === undefined ? undefined : closures.find((c) => c.closure_id === id);
      if (id !== undefined && !existing) throw invalidField(`${at}.closure_id`, `No closure ${id} in this set.`);
      if (booleanField(item, 'to_delete') === true) {
        if (!existing) throw invalidField(`${at}.to_delete`, 'Needs the closure_id of the closure to delete.');
        closures = closures.filter((c) => c !== existing);
        return;
      }
      const next = closure(state, item, at, existing);
      closures = existing ? closures.map((c) => (c === existing ? next : c)) : [...closures, next];
    });
    Object.assign(row, { closure_set_name: name, timezone: zone, closures, ...(description !== undefined ? { closure_set_description: description } : {}) });
    if (accountDefault === true) {
      row.account_default = true;
      takeDefault(state, row);
    }
    return { status: 204 };
  });
  route('DELETE', '/contact_center/closures/:closureSetId', 'light', (request, { state }) => {
    const row = setOf(state, params(request).closureSetId, 'id');
    if (row.account_default) throw conflict(`Closure set ${row.closure_set_id} is the account default and cannot be deleted.`);
    if (queuesUsing(state, row.closure_set_id) > 0) throw conflict(`Closure set ${row.closure_set_id} is used by queues.`);
    state.closureSets.delete(row.closure_set_id);
    return { status: 204 };
  });
}

/** Queues whose operating hours name the closure set. */
export const queuesUsing = (state: EmulatorState, closureSetId: string) =>
  [...state.queueOperatingHours.values()].filter((hours) => hours.closure_set_id === closureSetId).length;
