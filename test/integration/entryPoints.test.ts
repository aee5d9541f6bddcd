import { check, create, diff, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { UNKNOWN } from '../../provider/engine/compare';
import { forgetWantedEntryPoints } from '../../provider/specs/flowEntryPointsSpec';
import { getEntryPoint } from '../../sdk/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

// A take-over from a flow outside the stack waits up to 10 s for that flow's own declaration (HOLDER_GRACE_MS).
jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'unlimited' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);
const stub = { __provider: 'stub' };
const voiceFlow = (name: string) => create('Flow', { name, definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] }, ...stub });

describe('the entry points that reach a flow', () => {
  beforeEach(async () => {
    forgetAllListings();
    forgetWantedEntryPoints();
    await control('POST', '/reset');
    await control('DELETE', '/requests');
  });

  it('are set exactly, found by number, and moved between flows in one run without a gap or a double assignment', async () => {
    const [a, b] = [await voiceFlow('Flow A'), await voiceFlow('Flow B')];
    const second = await getEntryPoint({ channel: 'voice', number: '+16505550101' });
    expect(second).toMatchObject({ entryId: 'ep_phone_2', name: 'Main line 2', channel: 'voice' });
    const onA = { flowId: a.id, entryPoints: [{ entryId: 'ep_phone_2', entryLanguage: 'en-US' }, { entryId: 'ep_phone_3' }], ...stub };
    const madeA = await create('FlowEntryPoints', (await check('FlowEntryPoints', {}, onA)).inputs!);
    expect((await control('GET', '/objects/flow_entry_points'))[a.id]).toEqual([
      { entry_id: 'ep_phone_2', entry_language: 'en-US' },
      { entry_id: 'ep_phone_3' },
    ]);
    expect((await read('FlowEntryPoints', a.id, madeA.outs!)).inputs).toMatchObject({ entryPoints: onA.entryPoints });

    // The next run moves ep_phone_2 to flow B. Both declarations are checked before any write; whichever write runs
    // first, the number is never on both flows and never left without one.
    forgetWantedEntryPoints();
    const nextA = { flowId: a.id, entryPoints: [{ entryId: 'ep_phone_3' }], ...stub };
    const onB = { flowId: b.id, entryPoints: [{ entryId: 'ep_phone_2', entryLanguage: 'de-DE' }], ...stub };
    const checkedA = (await check('FlowEntryPoints', madeA.outs!, nextA)).inputs!;
    const checkedB = (await check('FlowEntryPoints', {}, onB)).inputs!;
    expect((await diff('FlowEntryPoints', a.id, madeA.outs!, checkedA)).changes).toBe(true);
    // Flow A's update runs first: it leaves ep_phone_2 where it is, since this run wants it on flow B.
    await update('FlowEntryPoints', a.id, madeA.outs!, checkedA);
    expect((await control('GET', '/objects/flow_entry_points'))[a.id]).toEqual([
      { entry_id: 'ep_phone_2', entry_language: 'en-US' },
      { entry_id: 'ep_phone_3' },
    ]);
    await control('DELETE', '/requests');
    // Flow B takes it: ZCC refuses it while flow A holds it, so B removes it there and adds it, back to back.
    const madeB = await create('FlowEntryPoints', checkedB);
    const moved = (await control('GET', '/requests')).entries
      .filter((entry: { method: string }) => entry.method !== 'GET')
      .map((entry: { method: string; path: string; status: number }) => `${entry.method} ${entry.path.replace(a.id, 'A').replace(b.id, 'B')} ${entry.status}`);
    expect(moved).toEqual([
      'POST /v2/contact_center/flows/B/entry_points 409',
      'DELETE /v2/contact_center/flows/A/entry_points 204',
      'POST /v2/contact_center/flows/B/entry_points 201',
    ]);
    const map = await control('GET', '/objects/flow_entry_points');
    expect([map[a.id], map[b.id]]).toEqual([[{ entry_id: 'ep_phone_3' }], [{ entry_id: 'ep_phone_2', entry_language: 'de-DE' }]]);

    // Console: an extra number on flow B is drift; up removes it.
    await control('PUT', `/flow_entry_points/${b.id}`, [{ entry_id: 'ep_phone_2', entry_language: 'de-DE' }, { entry_id: 'ep_phone_1' }]);
    await control('PUT', '/flow_entry_points/flow_seed_voice', []);
    forgetWantedEntryPoints();
    const drifted = await read('FlowEntryPoints', b.id, madeB.outs!);
    expect((drifted.inputs!.entryPoints as unknown[]).length).toBe(2);
    await update('FlowEntryPoints', b.id, drifted.props!, checkedB);
    expect((await control('GET', '/objects/flow_entry_points'))[b.id]).toEqual([{ entry_id: 'ep_phone_2', entry_language: 'de-DE' }]);

    // Removed by a later run (one that does not declare it again).
    forgetAllListings();
    await remove('FlowEntryPoints', b.id, madeB.outs!);
    expect((await control('GET', '/objects/flow_entry_points'))[b.id]).toEqual([]);
    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
  });

  it('taking a number from a flow outside the stack needs takeFrom: refused at check naming the flow, warned with it', async () => {
    const flow = await voiceFlow('Takes the main line');
    // ep_phone_1 (+16505550100) reaches the account's sample voice flow, which no declaration of this run manages.
    const inputs = { flowId: flow.id, entryPoints: [{ entryId: 'ep_phone_1' }], ...stub };
    await control('DELETE', '/requests');
    const refused = await check('FlowEntryPoints', {}, inputs);
    expect(refused.failures).toEqual([
      {
        // A list is never named as the property: Pulumi would print it whole. The reason names it.
        property: '',
        reason: expect.stringContaining(
          'would take +16505550100 from flow "Sample voice flow" (flow_seed_voice): that flow is not managed by this stack. To take it, add "flow_seed_voice" to takeFrom',
        ),
      },
    ]);
    // A flow the same run creates (its id unknown in the preview) is refused the same way.
    const forNewFlow = await check('FlowEntryPoints', {}, { ...inputs, flowId: UNKNOWN });
    expect(forNewFlow.failures).toEqual([{ property: '', reason: expect.stringContaining('would take +16505550100 from flow "Sample voice flow"') }]);
    // But a flow this run adopts is the stack's: an exported program's FlowEntryPoints on its adopted flow (id not
    // known yet in the preview) keeps that flow's own numbers, refused nothing.
    const sample = (await control('GET', '/objects/flows')).find((f: { flow_id: string }) => f.flow_id === 'flow_seed_voice');
    const adoption = await check('Flow', {}, { name: sample.flow_name, definition: { studioType: 0 }, adoptId: 'flow_seed_voice', ...stub });
    expect(adoption.failures ?? []).toEqual([]);
    expect((await check('FlowEntryPoints', {}, { ...inputs, flowId: UNKNOWN })).failures).toBeUndefined();
    forgetAllListings();
    forgetWantedEntryPoints();
    // The write refuses it too, so a run that skipped the preview takes nothing.
    await expect(create('FlowEntryPoints', inputs)).rejects.toThrow(/on flow flow_seed_voice, which this stack does not manage/);
    expect((await control('GET', '/objects/flow_entry_points')).flow_seed_voice).toEqual([{ entry_id: 'ep_phone_1', entry_language: 'en-US' }]);
    expect((await control('GET', '/requests')).writes).toBe(1);

    forgetAllListings();
    forgetWantedEntryPoints();
    const warnings: string[] = [];
    const spy = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    try {
      const consented = await check('FlowEntryPoints', {}, { ...inputs, takeFrom: ['flow_seed_voice'] });
      expect(consented.failures).toBeUndefined();
      await create('FlowEntryPoints', consented.inputs!);
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toEqual([
      `warning: FlowEntryPoints on flow ${flow.id} takes +16505550100 from flow "Sample voice flow" (flow_seed_voice) (takeFrom): that flow loses it.`,
    ]);
    const map = await control('GET', '/objects/flow_entry_points');
    expect([map.flow_seed_voice, map[flow.id]]).toEqual([[], [{ entry_id: 'ep_phone_1' }]]);
  });

  it('every entry-point operation matches the official document', async () => {
    const flow = await voiceFlow('Flow C');
    await getEntryPoint({ channel: 'messaging', name: 'Website chat' });
    const made = await create('FlowEntryPoints', { flowId: flow.id, entryPoints: [{ entryId: 'ep_phone_3' }], enableDetectLanguage: true, ...stub });
    await read('FlowEntryPoints', flow.id, made.outs!);
    await remove('FlowEntryPoints', flow.id, made.outs!);
    const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(Object.keys(report.byOperation)).toEqual(
      expect.arrayContaining([
        'GET /contact_center/flows_entry_points',
        'GET /contact_center/flows/{flowId}/entry_points',
        'POST /contact_center/flows/{flowId}/entry_points',
        'DELETE /contact_center/flows/{flowId}/entry_points',
      ]),
    );
  });
});
