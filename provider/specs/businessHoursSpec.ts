import { queuesAndFlowsUsing } from '../engine/whereUsed';
import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { defineSpec } from '../engine/spec';
import { coded, text, timezone } from './fields';

/** Business hours: the list item carries every field of the GET but the description. */
export const businessHoursSchema = z.object({
  business_hour_id: z.string(),
  business_hour_name: z.string(),
  business_hour_description: z.string().optional(),
  timezone: z.string().optional(),
  account_default: z.boolean().optional(),
  queues_count: z.number().optional(),
  flows_count: z.number().optional(),
  hours: z
    .object({
      hour_type: z.number().optional(),
      custom_hours: z
        .array(
          z.object({
            day_of_week: z.number().optional(),
            custom_hour_type: z.number().optional(),
            custom_hour_ranges: z.array(z.object({ start_time: z.string().optional(), end_time: z.string().optional() })).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type ZccBusinessHours = z.infer<typeof businessHoursSchema>;

export const businessHoursEndpoint: Collection<z.infer<typeof businessHoursSchema>> = {
  path: '/contact_center/business_hours',
  objectId: 'businessHourId',
  listKey: 'business_hours',
  item: businessHoursSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Business hours (`/business_hours`): when queues and flows that use them are open. Zoom's document gives numbers
 * without meanings (`hour_type` 1 or 2, `day_of_week` 1-7, `custom_hour_type` 0-2); the SDK names them. The names
 * are assumptions, stated in each description: hour types as the console offers them (open around the clock, or
 * custom hours), days numbered from Sunday and day types closed / all day / hours, as in Zoom Phone's API.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAYS = { sunday: 1, monday: 2, tuesday: 3, wednesday: 4, thursday: 5, friday: 6, saturday: 7 } as const;

const time = (description: string) =>
  z.string({ error: 'expected a time as "HH:mm"' }).regex(TIME, { error: 'expected a time as "HH:mm" (00:00 to 23:59)' }).describe(description);

const range = z
  .strictObject({ startTime: time('Opening time, "HH:mm" in the timezone.'), endTime: time('Closing time, "HH:mm", after startTime.') })
  .refine((r) => r.startTime < r.endTime, { error: 'startTime must be before endTime (a range cannot cross midnight: split it)' });

const customDay = z.strictObject({
  dayOfWeek: coded(DAYS, 'The day (`day_of_week`; numbering from Sunday is assumed).'),
  customHourType: coded(
    { closed: 0, allDay: 1, hours: 2 },
    'Closed, open all day, or open during `customHourRanges` (`custom_hour_type`; the meanings are assumed).',
  ),
  customHourRanges: z
    .array(range, { error: 'expected a list of time ranges' })
    .max(10, { error: 'must list at most 10 ranges' })
    .describe('When the day is open, for `hours`.')
    .optional(),
});

export const businessHoursSpec = defineSpec<ZccBusinessHours>()({
  kind: 'BusinessHours',
  description:
    "Business hours: when the queues and flows that use them are open, in one timezone. The account has one default (`accountDefault`); find the existing one with getBusinessHours({ name: 'Default business hours' }).",
  endpoint: businessHoursEndpoint,
  usedBy: queuesAndFlowsUsing(businessHoursEndpoint),
  usedByAdvice: 'Give those queues other hours in the same up (their QueueOperatingHours), or keep these.',
  idField: 'business_hour_id',
  idOutput: 'businessHourId',
  inputSchema: z.strictObject({
    name: text('Name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    timezone: timezone('The time zone the hours are in (IANA name, e.g. `Europe/Berlin`).'),
    accountDefault: z
      .boolean({ error: 'expected true or false' })
      .describe(
        'Make these the account default (the hours of queues and flows that name none). Only one set is the default: setting it takes it from the current one; ZCC refuses to unset it (make others the default instead).',
      )
      .optional(),
    hours: z
      .strictObject({
        hourType: coded(
          { alwaysOpen: 1, custom: 2 },
          '`alwaysOpen` (24 hours, 7 days) or `custom` (per day, `customHours`) (`hour_type`; the meanings are assumed).',
        ),
        customHours: z
          .array(customDay, { error: 'expected a list of days' })
          .max(7, { error: 'must list each day at most once (7 days)' })
          .describe('The week, for `custom`: each day listed once; a day not listed is closed.')
          .optional(),
      })
      .describe('The weekly hours.'),
  }),
  apiFields: {
    name: 'business_hour_name',
    description: 'business_hour_description',
    timezone: 'timezone',
    accountDefault: 'account_default',
    hours: 'hours',
  },
  serverDefaults: { description: '' },
  // A create takes `custom_hour_type` 1 or 2 only (closed days cannot be created): the hours are set right after.
  createFields: ['name', 'description', 'timezone', 'accountDefault'],
  uniqueName: true,
  naturalKey: ['name'],
  crossFieldCheck: (inputs) => {
    const hours = inputs.hours as { hourType?: string; customHours?: Array<Record<string, unknown>> } | undefined;
    if (!hours) return [];
    const days = hours.customHours ?? [];
    if (hours.hourType === 'alwaysOpen' && days.length > 0)
      return [['hours', `customHours only apply to hourType "custom"; got ${days.length} days with "alwaysOpen".`]];
    if (hours.hourType === 'custom' && days.length === 0)
      return [['hours', 'hourType "custom" needs customHours: list the open days (days not listed are closed).']];
    const seen = new Set<unknown>();
    for (const [index, day] of days.entries()) {
      if (seen.has(day.dayOfWeek)) return [['hours', `customHours item ${index}: ${String(day.dayOfWeek)} is listed twice.`]];
      seen.add(day.dayOfWeek);
      const ranges = (day.customHourRanges as unknown[] | undefined) ?? [];
      if (day.customHourType === 'hours' && ranges.length === 0)
        return [['hours', `customHours item ${index} (${String(day.dayOfWeek)}): customHourType "hours" needs customHourRanges.`]];
    }
    return [];
  },
  // Ranges on a day that is not "hours": the API accepts them and Zoom keeps them. Declared and kept as they are
  // (an export must not refuse an account), with a warning, since what they mean there is not documented.
  assumptionWarnings: (inputs) => {
    const days = ((inputs.hours as { customHours?: Array<Record<string, unknown>> } | undefined)?.customHours ?? []).filter(
      (day) => day.customHourType !== 'hours' && ((day.customHourRanges as unknown[] | undefined) ?? []).length > 0,
    );
    return days.map(
      (day) =>
        `${String(day.dayOfWeek)} has customHourRanges with customHourType ${JSON.stringify(day.customHourType)}: kept as declared, but this package assumes custom_hour_type ${day.customHourType === 'allDay' ? 1 : 0} means ${day.customHourType === 'allDay' ? 'open all day' : 'closed'}, so Zoom may ignore the ranges. Use customHourType "hours" to open only during them.`,
    );
  },
  exportAs: { role: 'object' },
  // Every account has one default, made with the account.
  everyAccountHas: (inputs) => inputs.accountDefault === true,
  lookup: {
    returns: {
      businessHourId: { from: 'business_hour_id', type: 'string', required: true, description: 'The business hours id.' },
      name: { from: 'business_hour_name', type: 'string', required: true, description: 'The name.' },
      timezone: { from: 'timezone', type: 'string', description: 'The time zone.' },
      accountDefault: { from: 'account_default', type: 'boolean', description: 'Whether these are the account default.' },
      queuesCount: { from: 'queues_count', type: 'number', description: 'How many queues use them.' },
      flowsCount: { from: 'flows_count', type: 'number', description: 'How many flows use them.' },
    },
  },
  outputs: { businessHourId: { description: 'The business hours id ZCC assigned.' } },
  example: `const office = new zcc.BusinessHours('office', {
  name: 'Office hours',
  timezone: 'Europe/Berlin',
  hours: {
    hourType: 'custom',
    // \`as const\` keeps each day's type: a typo ('mondy') fails to compile.
    customHours: (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((dayOfWeek) => ({
      dayOfWeek,
      customHourType: 'hours' as const,
      customHourRanges: [{ startTime: '08:00', endTime: '18:00' }],
    })),
  },
});`,
});
