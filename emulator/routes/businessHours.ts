import { identified } from '../lookup';
import { conflict, invalidField } from '../errors';
import { paginate } from '../pagination';
import type { BusinessHoursRow, EmulatorState } from '../state';
import { asBody, booleanField, rejectUnknownFields, stringField, type Body, isTimezone } from '../validate';
import { defineRoutes, params, query } from '../context';
import { flowsWith, queuesWith } from './whereUsed';

/**
 * Business hours, in the shapes of Zoom's document ("Part 1, continued"). The document gives the numbers
 * (`hour_type` 1 or 2, `day_of_week` 1-7, `custom_hour_type` 0-2; a create takes 1 or 2 only) but not their
 * meanings: the emulator checks the shape and keeps the values as given. One set of hours is the account default;
 * making another the default takes it from the first, and the default cannot be deleted.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function integerIn(value: unknown, field: string, allowed: readonly number[]): number {
  if (typeof value !== 'number' || !allowed.includes(value)) throw invalidField(field, `Must be one of: ${allowed.join(', ')}.`);
  return value;
}

function hoursField(body: Body, creating: boolean): BusinessHoursRow['hours'] | undefined {
  if (body.hours === undefined) return undefined;
  const hours = asBody(body.hours);
  rejectUnknownFields(hours, ['hour_type', 'custom_hours']);
  const hourType = integerIn(hours.hour_type, 'hours.hour_type', [1, 2]);
  if (hours.custom_hours === undefined) return { hour_type: hourType };
  if (!Array.isArray(hours.custom_hours)) throw invalidField('hours.custom_hours', 'Expected an array.');
  const days = new Set<number>();
  const custom = hours.custom_hours.map((raw, index) => {
    const at = `hours.custom_hours[${index}]`;
    const day = asBody(raw);
    rejectUnknownFields(day, ['day_of_week', 'custom_hour_type', 'custom_hour_ranges']);
    const dayOfWeek = integerIn(day.day_of_week, `${at}.day_of_week`, [1, 2, 3, 4, 5, 6, 7]);
    if (days.has(dayOfWeek)) throw invalidField(`${at}.day_of_week`, `Day ${dayOfWeek} is listed twice.`);
    days.add(dayOfWeek);
    const type = integerIn(day.custom_hour_type, `${at}.custom_hour_type`, creating ? [1, 2] : [0, 1, 2]);
    if (day.custom_hour_ranges === undefined) return { day_of_week: dayOfWeek, custom_hour_type: type };
    if (!Array.isArray(day.custom_hour_ranges)) throw invalidField(`${at}.custom_hour_ranges`, 'Expected an array.');
    const ranges = day.custom_hour_ranges.map((rawRange, r) => {
      const range = asBody(rawRange);
      rejectUnknownFields(range, ['start_time', 'end_time']);
      const start = stringField(range, 'start_time', { required: true, max: 5 })!;
      const end = stringField(range, 'end_time', { required: true, max: 5 })!;
      if (!TIME.test(start) || !TIME.test(end)) throw invalidField(`${at}.custom_hour_ranges[${r}]`, 'Times are HH:mm (00:00-23:59).');
      if (start >= end) throw invalidField(`${at}.custom_hour_ranges[${r}]`, 'start_time must be before end_time.');
      return { start_time: start, end_time: end };
    });
    return { day_of_week: dayOfWeek, custom_hour_type: type, custom_hour_ranges: ranges };
  });
  return { hour_type: hourType, custom_hours: custom };
}

function timezoneField(body: Body): string | undefined {
  const timezone = stringField(body, 'timezone', { max: 64 });
  if (timezone !== undefined && !isTimezone(timezone))
    throw invalidField('timezone', `Unknown time zone: ${timezone}. Use an IANA name such as America/New_York.`);
  return timezone;
}

export function registerBusinessHoursRoutes(route: ReturnType<typeof defineRoutes>) {
  const hoursOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Business hours',
      { id: (k: string) => state.businessHours.get(k), name: (k: string) => state.businessHours.all().find((h) => h.business_hour_name === k) },
      'business_hour_identifier_type',
      type,
      key,
    );
  const unique = (state: EmulatorState, name: string | undefined, except?: string) => {
    if (name !== undefined && state.businessHours.all().some((h) => h.business_hour_name === name && h.business_hour_id !== except))
      throw conflict(`Business hours name already exists: ${name}.`);
  };
  const takeDefault = (state: EmulatorState, row: BusinessHoursRow) => {
    for (const other of state.businessHours.all()) if (other !== row) other.account_default = false;
  };
  const FIELDS = ['business_hour_name', 'business_hour_description', 'timezone', 'account_default', 'hours'];

  route('GET', '/contact_center/business_hours', 'medium', (request, { state }) => {
    const q = query(request);
    const only = q.account_default === undefined ? undefined : q.account_default === 'true' || q.account_default === true;
    const rows = state.businessHours.all().filter((row) => only === undefined || row.account_default === only);
    return {
      body: paginate(
        rows.map(({ business_hour_description: _description, ...row }) => ({
          ...row,
          queues_count: [...state.queueOperatingHours.values()].filter((hours) => hours.business_hour_id === row.business_hour_id).length,
          flows_count: 0,
        })),
        q,
        'business_hours',
        300,
      ),
    };
  });
  route('POST', '/contact_center/business_hours', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, FIELDS);
    const name = stringField(body, 'business_hour_name', { required: true, min: 1, max: 64 })!;
    unique(state, name);
    const row = state.businessHours.insert({
      business_hour_id: state.businessHours.nextId(),
      business_hour_name: name,
      business_hour_description: stringField(body, 'business_hour_description', { max: 256 }) ?? '',
      timezone: timezoneField(body) ?? 'UTC',
      account_default: booleanField(body, 'account_default') ?? false,
      hours: hoursField(body, true) ?? { hour_type: 1 },
    });
    if (row.account_default) takeDefault(state, row);
    return { status: 201, body: row };
  });
  route('GET', '/contact_center/business_hours/:businessHourId', 'light', (request, { state }) => ({
    body: hoursOf(state, params(request).businessHourId, query(request).business_hour_identifier_type),
  }));
  route('GET', '/contact_center/business_hours/:businessHourId/queues', 'medium', (request, { state }) => {
    const row = hoursOf(state, params(request).businessHourId, query(request).business_hour_identifier_type);
    return { body: queuesWith(state, 'business_hour_id', row.business_hour_id, query(request)) };
  });
  route('GET', '/contact_center/business_hours/:businessHourId/flows', 'medium', (request, { state }) => {
    hoursOf(state, params(request).businessHourId, query(request).business_hour_identifier_type);
    return { body: flowsWith(query(request)) };
  });
  route('PATCH', '/contact_center/business_hours/:businessHourId', 'light', (request, { state }) => {
    const row = hoursOf(state, params(request).businessHourId, 'id');
    const body = asBody(request.body);
    rejectUnknownFields(body, FIELDS);
    const name = stringField(body, 'business_hour_name', { min: 1, max: 64 });
    unique(state, name, row.business_hour_id);
    const description = stringField(body, 'business_hour_description', { max: 256 });
    const timezone = timezoneField(body);
    const accountDefault = booleanField(body, 'account_default');
    const hours = hoursField(body, false);
    if (accountDefault === false && row.account_default)
      throw invalidField('account_default', 'The account needs default business hours: make other hours the default instead.');
    if (name !== undefined) row.business_hour_name = name;
    if (description !== undefined) row.business_hour_description = description;
    if (timezone !== undefined) row.timezone = timezone;
    if (hours !== undefined) row.hours = hours;
    if (accountDefault === true) {
      row.account_default = true;
      takeDefault(state, row);
    }
    return { status: 204 };
  });
  route('DELETE', '/contact_center/business_hours/:businessHourId', 'light', (request, { state }) => {
    const row = hoursOf(state, params(request).businessHourId, 'id');
    if (row.account_default) throw conflict(`Business hours ${row.business_hour_id} are the account default and cannot be deleted.`);
    const users = [...state.queueOperatingHours.entries()].filter(([, hours]) => hours.business_hour_id === row.business_hour_id).map(([queueId]) => queueId);
    if (users.length > 0) throw conflict(`Business hours ${row.business_hour_id} are used by queues: ${users.join(', ')}.`);
    state.businessHours.delete(row.business_hour_id);
    return { status: 204 };
  });
}
