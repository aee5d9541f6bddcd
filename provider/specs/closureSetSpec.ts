import { z } from 'zod';
import type { ZccClosureSet } from '../client/schemas';
import { endpoints } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { restStore } from '../engine/store';
import { integer, numberIn, text, timezone } from './fields';

/**
 * Closure sets (`/closures`): holidays and one-off closures, each a list inside its set. Zoom's document gives the
 * closures' numbers (`closure_hour_type`, `recurring_frequency`, …) without their meanings, so the SDK takes the
 * documented numbers as they are rather than guess names for them.
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
    closureHourType: numberIn([1, 2], '`closure_hour_type` as Zoom numbers it (1 or 2).'),
    startTime: localTime('When the closure starts, in the set\'s timezone ("yyyy-MM-ddTHH:mm").'),
    endTime: localTime("When it ends, in the set's timezone; not before startTime."),
    recurringFrequency: numberIn([0, 1, 2, 3], '`recurring_frequency` as Zoom numbers it (0 to 3).'),
    recurringFrequencyType: numberIn([1, 2], '`recurring_frequency_type` (1 or 2).').optional(),
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
 */
function closureSetStore(): ObjectStore {
  const rest = restStore(endpoints.closureSets);
  return {
    ...rest,
    update: async (client, id, _changed, full) => {
      const current = await unlessNotFound(() => client.getOne(endpoints.closureSets, [id]) as Promise<Props>);
      const existing = ((current?.closures as Array<{ closure_id?: string }> | undefined) ?? []).filter((c) => c.closure_id);
      const declared = (full.closures as unknown[] | undefined) ?? [];
      const body = { ...full, closures: [...existing.map((c) => ({ closure_id: c.closure_id, to_delete: true })), ...declared] };
      await client.updateOne(endpoints.closureSets, [id], body);
    },
  };
}

export const closureSetSpec = defineSpec<ZccClosureSet>()({
  kind: 'ClosureSet',
  description:
    "A set of closures (holidays, one-off closures, with recurrence) in one timezone, which queues follow (QueueOperatingHours). The account has one default; find it with getClosureSet({ name: 'Default closures' }).",
  endpoint: endpoints.closureSets,
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
  closures: [{ closureName: 'New Year', closureHourType: 1, startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 0 }],
});`,
  store: closureSetStore(),
});
