import { queuesAndFlowsUsing } from '../engine/whereUsed';
import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { isAmbiguous, unlessNotFound } from '../client/errors';
import type { ZccClient } from '../client/client';
import { sameValue } from '../engine/compare';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { restStore } from '../engine/restStore';
import { coded, integer, text, timezone } from './fields';

/** A closure set; the list item and the GET carry its closures (the list leaves out the description). */
export const closureSetSchema = z.object({
  closure_set_id: z.string(),
  closure_set_name: z.string(),
  closure_set_description: z.string().optional(),
  timezone: z.string().optional(),
  account_default: z.boolean().optional(),
  queues_count: z.number().optional(),
  flows_count: z.number().optional(),
  closures: z
    .array(
      z.object({
        closure_id: z.string().optional(),
        closure_name: z.string(),
        closure_hour_type: z.number(),
        start_time: z.string(),
        end_time: z.string(),
        recurring_frequency: z.number(),
        recurring_frequency_type: z.number().optional(),
        recurring_month: z.number().optional(),
        recurring_week_interval: z.number().optional(),
        recurring_days_of_week: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
export type ZccClosureSet = z.infer<typeof closureSetSchema>;

export const closureSetsEndpoint: Collection<z.infer<typeof closureSetSchema>> = {
  path: '/contact_center/closures',
  objectId: 'closureSetId',
  listKey: 'closure_sets',
  item: closureSetSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Closure sets (`/closures`): holidays and one-off closures, each a list inside its set. Zoom's document gives the
 * closures' numbers (`closure_hour_type`, `recurring_frequency`, `recurring_frequency_type`) without their meanings.
 * The SDK names them, as it names business hours' numbers, and each name is an assumption, said where it is made:
 * - `closure_hour_type` 1 = `allDay` (closed whole days from startTime to endTime), 2 = `timeRange` (closed from
 *   startTime to endTime only), by analogy with business hours' `custom_hour_type` 1 (all day) and 2 (hours);
 * - `recurring_frequency` 0 = `none`, 1 = `weekly`, 2 = `monthly`, 3 = `yearly`: the recurrence fields Zoom gives
 *   (`recurring_week_interval`, `recurring_days_of_week`, `recurring_month`) fit weekly, monthly and yearly rules;
 * - `recurring_frequency_type` 1 = `onDate` (the same date), 2 = `onWeekday` (the same weekday of the month).
 * The API numbers are what is sent and read; a wrong guess changes only the names, never what reaches Zoom.
 */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

const localTime = (description: string) =>
  z
    .string({ error: 'expected a local date and time' })
    .regex(LOCAL_TIME, { error: 'expected a local date and time, "yyyy-MM-ddTHH:mm"' })
    .describe(description);

const closure = z
  .strictObject({
    closureName: text('Name of the closure (1-64 characters), e.g. "New Year".', { min: 1, max: 64 }),
    closureHourType: coded({ allDay: 1, timeRange: 2 }, 'Closed whole days, or only from startTime to endTime (`closure_hour_type`; the meanings are assumed)'),
    startTime: localTime('When the closure starts, in the set\'s timezone ("yyyy-MM-ddTHH:mm").'),
    endTime: localTime("When it ends, in the set's timezone; not before startTime."),
    recurringFrequency: coded({ none: 0, weekly: 1, monthly: 2, yearly: 3 }, 'How the closure repeats (`recurring_frequency`; the meanings are assumed)'),
    recurringFrequencyType: coded(
      { onDate: 1, onWeekday: 2 },
      'For monthly and yearly closures: the same date, or the same weekday of the month (`recurring_frequency_type`; the meanings are assumed)',
    ).optional(),
    recurringMonth: integer('`recurring_month` (1-12).', 1, 12).optional(),
    recurringWeekInterval: integer('`recurring_week_interval` (1 or more).', 1, 52).optional(),
    recurringDaysOfWeek: z
      .array(z.string({ error: 'expected a day name' }), { error: 'expected a list of days' })
      .describe('`recurring_days_of_week`.')
      .optional(),
  })
  .refine((c) => c.startTime <= c.endTime, { error: 'startTime must not be after endTime' });

/**
 * Zoom's PATCH always names the set's name, timezone and closures, and changes closures by id (`to_delete` removes
 * one): an update sends the whole declaration, removing the closures the set holds now and adding the declared ones.
 * Added closures carry no id, so the PATCH is not idempotent: sent again after its answer was lost it would add
 * them twice. It is never re-sent blindly; after an ambiguous failure the set is read again, and the PATCH is
 * rebuilt from what it holds, unless it already holds the declaration (the lost answer's write landed).
 */
function closureSetStore(): ObjectStore {
  const rest = restStore(closureSetsEndpoint);
  const read = (client: ZccClient, id: string) => unlessNotFound(() => client.getOne(closureSetsEndpoint, [id]) as Promise<Props>);
  return {
    ...rest,
    update: async (client, id, _changed, full) => {
      const declared = (full.closures as Props[] | undefined) ?? [];
      for (let attempt = 1; ; attempt++) {
        const current = await read(client, id);
        const existing = ((current?.closures as Props[] | undefined) ?? []).filter((c) => c.closure_id);
        if (attempt > 1 && current && holdsDeclaration(current, full)) return;
        const body = { ...full, closures: [...existing.map((c) => ({ closure_id: c.closure_id, to_delete: true })), ...declared] };
        try {
          await client.updateOne(closureSetsEndpoint, [id], body, { idempotent: false });
          return;
        } catch (error) {
          if (!isAmbiguous(error) || attempt >= 3) throw error;
        }
      }
    },
  };
}

/** Whether the set as read holds every declared field, its closures in order (their ids aside). */
function holdsDeclaration(current: Props, full: Props): boolean {
  const withoutIds = (closures: unknown) => ((closures as Props[] | undefined) ?? []).map(({ closure_id: _id, ...rest }) => withoutEmpty(rest));
  return Object.entries(full).every(([field, value]) =>
    field === 'closures' ? sameValue(withoutIds(current.closures), withoutIds(value)) : sameValue(current[field], value),
  );
}

const withoutEmpty = (item: Props): Props => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && value !== null));

export const closureSetSpec = defineSpec<ZccClosureSet>()({
  kind: 'ClosureSet',
  description:
    "A set of closures (holidays, one-off closures, with recurrence) in one timezone, which queues follow (QueueOperatingHours). The account has one default; find it with getClosureSet({ name: 'Default closures' }).",
  endpoint: closureSetsEndpoint,
  idField: 'closure_set_id',
  idOutput: 'closureSetId',
  inputSchema: z.strictObject({
    name: text('Name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    timezone: timezone('The time zone of the closures (IANA name).'),
    accountDefault: z
      .boolean({ error: 'expected true or false' })
      .describe('Make this the account default closure set; ZCC refuses to unset it (make another set the default instead).')
      .optional(),
    closures: z
      .array(closure, { error: 'expected a list of closures' })
      .max(500, { error: 'must list at most 500 closures' })
      .describe('The closures, in order.'),
  }),
  apiFields: {
    name: 'closure_set_name',
    description: 'closure_set_description',
    timezone: 'timezone',
    accountDefault: 'account_default',
    closures: 'closures',
  },
  serverDefaults: { description: '' },
  uniqueName: true,
  naturalKey: ['name'],
  exportAs: { role: 'object' },
  // Every account has one default, made with the account.
  everyAccountHas: (inputs) => inputs.accountDefault === true,
  lookup: {
    returns: {
      closureSetId: { from: 'closure_set_id', type: 'string', required: true, description: 'The closure set id.' },
      name: { from: 'closure_set_name', type: 'string', required: true, description: 'The name.' },
      timezone: { from: 'timezone', type: 'string', description: 'The time zone.' },
      accountDefault: { from: 'account_default', type: 'boolean', description: 'Whether this is the account default.' },
      queuesCount: { from: 'queues_count', type: 'number', description: 'How many queues follow it.' },
    },
  },
  outputs: { closureSetId: { description: 'The closure set id ZCC assigned.' } },
  example: `const holidays = new zcc.ClosureSet('holidays', {
  name: 'Holidays',
  timezone: 'Europe/Berlin',
  closures: [{ closureName: 'New Year', closureHourType: 'allDay', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 'none' }],
});`,
  store: closureSetStore(),
  usedBy: queuesAndFlowsUsing(closureSetsEndpoint),
  usedByAdvice: 'Give those queues other closures in the same up (their QueueOperatingHours), or keep these.',
});
