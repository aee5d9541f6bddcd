import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getVariable } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const stub = { __provider: 'stub' };

describe('variables in their groups', () => {
  beforeEach(async () => {
    forgetAllListings();
    await control('POST', '/reset');
    await control('DELETE', '/requests');
  });

  it('go through create, read, update, replacement and delete in the official shapes; system variables are found, not managed', async () => {
    const group = await create('VariableGroup', { name: 'Customer', ...stub });
    const declared = { variableGroupId: group.id, name: 'Tier', variableType: 'global_variable', dataType: 'string', values: ['gold', 'silver'], ...stub };
    const tier = await create('Variable', (await check('Variable', {}, declared)).inputs!);
    const changed = { ...declared, values: ['gold', 'silver', 'bronze'], useAsRoutingProfileParameters: true };
    const updated = await update('Variable', tier.id, tier.outs!, (await check('Variable', tier.outs!, changed)).inputs!);
    await control('PATCH', `/objects/variables/${tier.id}`, { variable_description: 'edited in the console' });
    expect((await read('Variable', tier.id, updated.outs!)).inputs).toMatchObject({
      description: 'edited in the console',
      values: ['gold', 'silver', 'bronze'],
    });
    expect(await getVariable({ name: 'Caller_Number' })).toMatchObject({ variableId: 'var_sys_caller', variableGroupId: 'vg_system', dataType: 'phone' });
    expect(await getVariable({ name: 'Tier', variableGroupId: group.id })).toMatchObject({ variableId: tier.id });
    // A system variable cannot be adopted into a change: the emulator refuses, as Zoom does.
    await expect(
      create('Variable', {
        variableGroupId: 'vg_system',
        name: 'Caller_Number',
        variableType: 'global_variable',
        dataType: 'string',
        adoptId: 'var_sys_caller',
        ...stub,
      }),
    ).rejects.toThrow(/system variable/);
    // A group that still holds a variable cannot go; the variable first, then the group.
    await expect(remove('VariableGroup', group.id, group.outs!)).rejects.toThrow(/still holds variables/);
    await remove('Variable', tier.id, updated.outs!);
    await remove('VariableGroup', group.id, group.outs!);

    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/variables',
        'POST /contact_center/variables',
        'PATCH /contact_center/variables/{variableId}',
        'DELETE /contact_center/variables/{variableId}',
        'GET /contact_center/variables/{variableId}',
      ]),
    );
  });

  it('check refuses a bad variable before any call', async () => {
    const failures = async (inputs: Record<string, unknown>) =>
      ((await check('Variable', {}, { ...inputs, ...stub })).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    const base = { variableGroupId: 'g1', name: 'Tier', variableType: 'global_variable', dataType: 'string' };
    expect(await failures({ ...base, name: '1st tier' })).toEqual([expect.stringMatching(/^name: .*starting with a letter/)]);
    expect(await failures({ ...base, dataType: 'money' })).toEqual([expect.stringContaining('expected one of: string, number, boolean')]);
    expect(await failures({ ...base, addressBookIds: ['ab1'] })).toEqual([expect.stringContaining('address_book_variable')]);
    expect((await control('GET', '/requests')).total).toBe(0);
  });
});
