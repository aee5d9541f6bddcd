import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getBusinessHours, getClosureSet, getDisposition, getDispositionSet, getVariableGroup } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';
import { queueDispositionsEndpoint } from '../../provider/specs/queueDispositionsSpec';
import { queueOperatingHoursEndpoint } from '../../provider/specs/queueOperatingHoursSpec';

/**
 * The kinds of "Part 1, continued" through the engine against the emulator: create, read, update, console edits
 * seen, delete; every request and answer checked against ../shared/zoom-cc-official-api.md.
 */
const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const stub = { __provider: 'stub' };

const office = {
  name: 'Office hours',
  timezone: 'Europe/Berlin',
  hours: {
    hourType: 'custom',
    customHours: [
      {
        dayOfWeek: 'monday',
        customHourType: 'hours',
        customHourRanges: [
          { startTime: '08:00', endTime: '12:00' },
          { startTime: '13:00', endTime: '18:00' },
        ],
      },
      { dayOfWeek: 'saturday', customHourType: 'closed' },
      { dayOfWeek: 'sunday', customHourType: 'allDay' },
    ],
  },
};

describe('business hours, dispositions, disposition sets and variable groups', () => {
  beforeEach(async () => {
    forgetAllListings();
    await control('POST', '/reset');
    await control('DELETE', '/requests');
  });

  it('go through create, read, update, console edit and delete in the official shapes', async () => {
    const hours = await create('BusinessHours', { ...office, ...stub });
    // Readable values on our side, Zoom's numbers on the wire (a create takes no closed day: the hours follow).
    const row = await control('GET', `/objects/business_hours/${hours.id}`);
    expect(row.hours).toEqual({
      hour_type: 2,
      custom_hours: [
        {
          day_of_week: 2,
          custom_hour_type: 2,
          custom_hour_ranges: [
            { start_time: '08:00', end_time: '12:00' },
            { start_time: '13:00', end_time: '18:00' },
          ],
        },
        { day_of_week: 7, custom_hour_type: 0 },
        { day_of_week: 1, custom_hour_type: 1 },
      ],
    });
    expect((await read('BusinessHours', hours.id, hours.outs)).inputs).toEqual({ ...office, description: '' });
    await update('BusinessHours', hours.id, hours.outs, { ...office, hours: { hourType: 'alwaysOpen' }, accountDefault: true });
    expect(await control('GET', '/objects/business_hours/bh_default')).toMatchObject({ account_default: false });

    const resolved = await create('Disposition', { name: 'Resolved', ...stub });
    const made1 = await create('Disposition', {
      name: 'Follow-up',
      dispositionType: 'multi_level',
      subDispositions: [
        { subDispositionName: 'Callback', currentIndex: 1, parentIndex: 0 },
        { subDispositionName: 'Email', currentIndex: 2, parentIndex: 0 },
      ],
      ...stub,
    });
    expect(resolved.outs!.lastModifiedTime).toEqual(expect.any(String));
    const renamed = await update('Disposition', made1.id, made1.outs!, {
      name: 'Follow up',
      dispositionType: 'multi_level',
      subDispositions: [{ subDispositionName: 'Callback', currentIndex: 1, parentIndex: 0 }],
      ...stub,
    });
    // A PATCH answers nothing: the modification time comes from the list, read after the write.
    expect(renamed.outs!.lastModifiedTime).not.toEqual(made1.outs!.lastModifiedTime);
    const followUp = { id: made1.id, outs: renamed.outs };
    const set = await create('DispositionSet', { name: 'Outcomes', dispositionIds: [resolved.id, followUp.id], ...stub });
    const changedSet = await update('DispositionSet', set.id, set.outs!, { name: 'Outcomes', dispositionIds: [followUp.id], status: 'inactive', ...stub });
    const made = await create('VariableGroup', { name: 'Customer', ...stub });
    await update('VariableGroup', made.id, made.outs!, { name: 'Customers', ...stub });
    // Adoption reads the object (GET) and brings it to the declaration.
    const group = await create('VariableGroup', { name: 'Customer', adoptId: made.id, ...stub });
    expect(group.id).toBe(made.id);

    // Console edits show in a read (list-backed reads see the moved modification time).
    forgetAllListings();
    await control('PATCH', `/objects/dispositions/${followUp.id}`, { disposition_description: 'edited' });
    await control('PATCH', `/objects/disposition_sets/${set.id}`, { disposition_ids: [resolved.id] });
    await control('PATCH', `/objects/variable_groups/${group.id}`, { variable_group_description: 'edited' });
    expect((await read('Disposition', followUp.id, followUp.outs!)).inputs).toMatchObject({ description: 'edited' });
    expect((await read('Disposition', resolved.id, resolved.outs!)).inputs).toEqual({
      name: 'Resolved',
      description: '',
      status: 'active',
      dispositionType: 'single',
    });
    expect((await read('DispositionSet', set.id, changedSet.outs!)).inputs).toMatchObject({ dispositionIds: [resolved.id] });
    expect((await read('VariableGroup', group.id, group.outs!)).inputs).toEqual({ name: 'Customer', description: 'edited', adoptId: made.id });

    expect(await getBusinessHours({ name: 'Default business hours' })).toMatchObject({ businessHourId: 'bh_default', accountDefault: false });
    expect(await getDisposition({ name: 'Follow up' })).toMatchObject({ dispositionId: followUp.id, dispositionType: 'multi_level' });
    expect(await getDispositionSet({ name: 'Outcomes' })).toMatchObject({ dispositionSetId: set.id, dispositionsCount: 1 });
    expect(await getVariableGroup({ name: 'Global System Variables' })).toMatchObject({ variableGroupType: 'system' });

    await remove('DispositionSet', set.id, set.outs!);
    await remove('Disposition', followUp.id, followUp.outs!);
    await remove('Disposition', resolved.id, resolved.outs!);
    await remove('VariableGroup', group.id, group.outs!);
    // The account default cannot be deleted: make the seeded hours the default again first.
    await control('PATCH', '/objects/business_hours/bh_default', { account_default: true });
    await control('PATCH', `/objects/business_hours/${hours.id}`, { account_default: false });
    await remove('BusinessHours', hours.id, hours.outs);
    for (const collection of ['dispositions', 'disposition_sets', 'business_hours'])
      expect((await control('GET', `/objects/${collection}`)).map((r: Record<string, unknown>) => Object.values(r)[0])).not.toContain(hours.id);

    const log = await control('GET', '/requests');
    const report = checkTraffic(log.entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    const covered = Object.keys(report.byOperation);
    for (const path of [
      '/contact_center/business_hours',
      '/contact_center/dispositions',
      '/contact_center/dispositions/sets',
      '/contact_center/variables/groups',
    ]) {
      const object = `${path}/{${{ '/contact_center/business_hours': 'businessHourId', '/contact_center/dispositions': 'dispositionId', '/contact_center/dispositions/sets': 'dispositionSetId', '/contact_center/variables/groups': 'variableGroupId' }[path]}}`;
      expect(covered).toEqual(expect.arrayContaining([`GET ${path}`, `POST ${path}`, `GET ${object}`, `PATCH ${object}`, `DELETE ${object}`]));
    }
    console.log(`conformance (schedules and wrap-up codes): ${report.checked} requests checked over ${covered.length} operations, 0 mismatches`);
  });

  it('closure sets replace their closures on update, and a queue follows the hours it is given, then the defaults again', async () => {
    const newYear = {
      closureName: 'New Year',
      closureHourType: 'allDay',
      startTime: '2027-01-01T00:00',
      endTime: '2027-01-01T23:59',
      recurringFrequency: 'none',
    };
    const holidays = await create('ClosureSet', { name: 'Holidays', timezone: 'Europe/Berlin', closures: [newYear], ...stub });
    const inputs = {
      name: 'Holidays',
      timezone: 'Europe/Berlin',
      closures: [
        { ...newYear, closureName: 'New Year’s Day' },
        { ...newYear, closureName: 'Christmas', startTime: '2027-12-25T00:00', endTime: '2027-12-26T23:59' },
      ],
      ...stub,
    };
    const updated = await update('ClosureSet', holidays.id, holidays.outs!, inputs);
    const row = await control('GET', `/objects/closure_sets/${holidays.id}`);
    expect(row.closures.map((c: { closure_name: string }) => c.closure_name)).toEqual(['New Year’s Day', 'Christmas']);
    expect((await read('ClosureSet', holidays.id, updated.outs!)).inputs).toEqual({ ...inputs, description: '', __provider: undefined });

    const hours = await create('BusinessHours', { ...office, ...stub });
    const queue = await create('Queue', { name: 'Hours queue', channel: 'voice', ...stub });
    const checked = (await check('QueueOperatingHours', {}, { queueId: queue.id, businessHourId: hours.id, ...stub })).inputs!;
    const operating = await create('QueueOperatingHours', checked);
    expect(operating.outs).toMatchObject({ queueId: queue.id, businessHourId: hours.id, closureSetId: '' });
    // The console points the queue at the holiday closures: drift on a setting the program leaves at the default.
    const client = (await import('../../provider/runtime')).getClient();
    await client.patchAt(queueOperatingHoursEndpoint, [queue.id], {
      operating_hours_closure_set_id: holidays.id,
    });
    expect((await read('QueueOperatingHours', queue.id, operating.outs!)).inputs).toMatchObject({ closureSetId: holidays.id });
    await update('QueueOperatingHours', queue.id, { ...operating.outs!, closureSetId: holidays.id }, checked);
    expect(await client.getAt(queueOperatingHoursEndpoint, [queue.id])).toMatchObject({
      business_hour_id: hours.id,
      account_default_closure_set: true,
      closure_set_id: 'cs_default',
    });
    // In use: the emulator refuses to delete the hours a queue follows.
    await expect(remove('BusinessHours', hours.id, hours.outs)).rejects.toThrow(/was not deleted: queue "Hours queue" \(\w+\) still uses it/);
    // Removed by a later run, which does not declare it again (a run's delete leaves what its checks declared).
    forgetAllListings();
    await remove('QueueOperatingHours', queue.id, operating.outs!);
    expect(await client.getAt(queueOperatingHoursEndpoint, [queue.id])).toMatchObject({
      business_hour_id: 'bh_default',
      account_default_business_hour: true,
    });
    await remove('BusinessHours', hours.id, hours.outs);
    await remove('ClosureSet', holidays.id, updated.outs!);
    await remove('Queue', queue.id, queue.outs!);
    expect(await getClosureSet({ name: 'Default closures' })).toMatchObject({ closureSetId: 'cs_default', accountDefault: true });

    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/queues/{queueId}/operating_hours',
        'PATCH /contact_center/queues/{queueId}/operating_hours',
        'PATCH /contact_center/closures/{closureSetId}',
        'DELETE /contact_center/closures/{closureSetId}',
        'GET /contact_center/closures/{closureSetId}',
        'GET /contact_center/closures',
      ]),
    );
  });

  it('a queue offers exactly the dispositions and sets its QueueDispositions declares, per direction', async () => {
    const [resolved, escalated, callback] = await Promise.all(['Resolved', 'Escalated', 'Callback'].map((name) => create('Disposition', { name, ...stub })));
    const set = await create('DispositionSet', { name: 'Outcomes', dispositionIds: [resolved.id, escalated.id], ...stub });
    const queue = await create('Queue', { name: 'Wrap-up queue', channel: 'voice', ...stub });
    const declared = (await check('QueueDispositions', {}, { queueId: queue.id, dispositionIds: [resolved.id], dispositionSetIds: [set.id], ...stub })).inputs!;
    const made = await create('QueueDispositions', declared);
    const client = (await import('../../provider/runtime')).getClient();
    const { endpoints } = await import('../../provider/client/endpoints');
    // An admin adds one in the console, and an outbound one, which this inbound set leaves alone.
    await client.addTo(queueDispositionsEndpoint, [queue.id], { disposition_ids: [callback.id] });
    await client.addTo(queueDispositionsEndpoint, [queue.id], { disposition_ids: [escalated.id], assign_type: 'outbound' });
    const drifted = await read('QueueDispositions', queue.id, made.outs!);
    expect(drifted.inputs).toMatchObject({ dispositionIds: [resolved.id, callback.id], dispositionSetIds: [set.id] });
    await update('QueueDispositions', queue.id, drifted.props!, declared);
    const inbound = await client.listOf(queueDispositionsEndpoint, [queue.id], { assign_type: 'inbound' });
    const outbound = await client.listOf(queueDispositionsEndpoint, [queue.id], { assign_type: 'outbound' });
    expect([inbound.map((d) => d.disposition_id), outbound.map((d) => d.disposition_id)]).toEqual([[resolved.id], [escalated.id]]);
    // A preview of a new exclusive set on a queue that offers more names what it will remove.
    const other = await create('Queue', { name: 'Other queue', channel: 'voice', ...stub });
    await client.addTo(queueDispositionsEndpoint, [other.id], { disposition_ids: [callback.id] });
    forgetAllListings();
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await check('QueueDispositions', {}, { queueId: other.id, dispositionIds: [resolved.id], ...stub });
    expect(warned.mock.calls.flat().join('\n')).toContain(`will remove 1 of its dispositions and sets it does not list: disposition ${callback.id}`);
    warned.mockRestore();
    // An empty exclusive declaration is refused unless meant.
    expect((await check('QueueDispositions', {}, { queueId: other.id, ...stub })).failures).toEqual([expect.objectContaining({ property: 'dispositionIds' })]);
    await remove('QueueDispositions', queue.id, made.outs!);
    expect(await client.listOf(queueDispositionsEndpoint, [queue.id])).toEqual([
      expect.objectContaining({ disposition_id: escalated.id, assign_type: 'outbound' }),
    ]);

    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/queues/{queueId}/dispositions',
        'POST /contact_center/queues/{queueId}/dispositions',
        'DELETE /contact_center/queues/{queueId}/dispositions/{dispositionId}',
        'GET /contact_center/queues/{queueId}/dispositions/sets',
        'POST /contact_center/queues/{queueId}/dispositions/sets',
        'DELETE /contact_center/queues/{queueId}/dispositions/sets/{dispositionSetId}',
      ]),
    );
  });

  it('a delete ZCC refuses because queues use the hours or closures names those queues, read from the where-used lists', async () => {
    const hours = await create('BusinessHours', { ...office, name: 'Used hours', ...stub });
    const closures = await create('ClosureSet', { name: 'Used closures', timezone: 'UTC', closures: [], ...stub });
    const queue = await create('Queue', { name: 'Uses them', channel: 'voice', ...stub });
    await control('PUT', `/queue_operating_hours/${queue.id}`, { business_hour_id: hours.id, closure_set_id: closures.id });
    await control('DELETE', '/requests');
    await expect(remove('BusinessHours', hours.id, hours.outs!)).rejects.toThrow(
      `Business hours ${hours.id} was not deleted: queue "Uses them" (${queue.id}) still uses it. Give those queues other hours in the same up (their QueueOperatingHours), or keep these.`,
    );
    await expect(remove('ClosureSet', closures.id, closures.outs!)).rejects.toThrow(
      `Closure set ${closures.id} was not deleted: queue "Uses them" (${queue.id}) still uses it.`,
    );
    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining(['GET /contact_center/business_hours/{businessHourId}/queues', 'GET /contact_center/closures/{closureSetId}/queues']),
    );
    expect((await control('GET', '/objects/business_hours')).map((row: { business_hour_id: string }) => row.business_hour_id)).toContain(hours.id);
  });

  it('check refuses what the API would, naming the property, the value and what is allowed, before any call', async () => {
    const failures = async (kind: string, inputs: Record<string, unknown>) =>
      ((await check(kind, {}, { ...inputs, ...stub })).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    expect(await failures('BusinessHours', { ...office, timezone: 'Mars/Olympus' })).toEqual([expect.stringMatching(/^timezone: .*IANA/)]);
    expect(await failures('BusinessHours', { ...office, hours: { hourType: 'custom' } })).toEqual([expect.stringContaining('needs customHours')]);
    expect(
      await failures('BusinessHours', { ...office, hours: { hourType: 'custom', customHours: [{ dayOfWeek: 'funday', customHourType: 'allDay' }] } }),
    ).toEqual([
      // The nested place and the bad value, on one line under 200 characters; no property named, so Pulumi prints
      // no map dump of the whole hours object.
      expect.stringMatching(/^: BusinessHours\.hours\.customHours\[0\]\.dayOfWeek is invalid: got "funday"; expected one of: sunday, monday, .{0,60}$/),
    ]);
    expect(
      await failures('BusinessHours', {
        ...office,
        hours: {
          hourType: 'custom',
          customHours: [{ dayOfWeek: 'monday', customHourType: 'hours', customHourRanges: [{ startTime: '18:00', endTime: '08:00' }] }],
        },
      }),
    ).toEqual([expect.stringContaining('startTime must be before endTime')]);
    expect(await failures('Disposition', { name: 'X', subDispositions: [{ subDispositionName: 'a', currentIndex: 1, parentIndex: 0 }] })).toEqual([
      expect.stringContaining('only allowed when dispositionType is "multi_level"'),
    ]);
    expect(await failures('DispositionSet', { name: 'X', dispositionIds: ['a', 'a'] })).toEqual([expect.stringContaining('twice')]);
    expect((await control('GET', '/requests')).total).toBe(0);
  });
});
