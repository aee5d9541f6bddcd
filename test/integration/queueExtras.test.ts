import { check, create, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { newRun } from '../../provider/engine/run';
import { getQueueTemplate } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { useEngineTest } from './emulatorEnv';

/**
 * Queue templates and a queue's interrupts, through the engine against the emulator: create, read, update in place,
 * a console edit caught and restored, replacement, delete, and every request and answer in the official shapes.
 */
jest.setTimeout(60_000);

const { emulator, control, stub, checked } = useEngineTest();

afterEach(async () => {
  const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
  expect(report.unknownOperations).toEqual([]);
  expect(report.mismatches).toEqual([]);
});

describe('QueueTemplate', () => {
  it('is created with its status set right after, renamed in place, restored after a console edit, replaced for a new type', async () => {
    const inputs = { name: 'Support voice', channel: 'voice', type: 'add', status: 'inactive' };
    const template = await create('QueueTemplate', await checked('QueueTemplate', inputs));
    expect(template.outs).toMatchObject({ name: 'Support voice', status: 'inactive', needsAttention: false });
    expect(await control('GET', `/objects/queue_templates/${template.id}`)).toMatchObject({ queue_template_status: 'inactive' });
    // Found by name through the list (its `template_*` names).
    expect(await getQueueTemplate({ name: 'Support voice' })).toMatchObject({ queueTemplateId: template.id, channel: 'voice', type: 'add' });

    await control('PATCH', `/objects/queue_templates/${template.id}`, { queue_template_status: 'active', queue_template_description: 'console' });
    forgetAllListings();
    const drifted = (await read('QueueTemplate', template.id, template.outs!)).props!;
    expect(drifted).toMatchObject({ status: 'active' });
    await update('QueueTemplate', template.id, drifted, { ...inputs, name: 'Support voice v2', ...stub });
    expect(await control('GET', `/objects/queue_templates/${template.id}`)).toMatchObject({
      queue_template_name: 'Support voice v2',
      queue_template_status: 'inactive',
    });

    const diff = await import('../../provider/handlers').then((handlers) =>
      handlers.diff('QueueTemplate', template.id, template.outs!, { ...inputs, type: 'update', ...stub }),
    );
    expect(diff.replaces).toEqual(['type']);
    // A second template of the same name is refused by the preview of a later run.
    forgetAllListings();
    const twin = await check('QueueTemplate', {}, { ...inputs, name: 'Support voice v2', ...stub });
    expect(twin.failures?.[0]?.reason).toMatch(/already exists in ZCC/);
    await remove('QueueTemplate', template.id, template.outs!);
    expect(await control('GET', '/objects/queue_templates')).toEqual([]);
  });
});

describe('QueueInterrupts', () => {
  it('sets audio and announcements, restores a console edit, manages only what it declares, and takes it away on delete', async () => {
    const queue = await create('Queue', { name: 'Interrupted queue', channel: 'voice', ...stub });
    const audio = [{ audioAssetId: 'asset_hold_music', playAfterSeconds: 0, isLoop: true, loopInterval: 30 }];
    const inputs = { queueId: queue.id, audioInterrupts: audio };
    const interrupts = await create('QueueInterrupts', await checked('QueueInterrupts', inputs));
    expect(interrupts.outs).toMatchObject({ audioInterrupts: audio });
    expect(interrupts.outs!.notifyInterrupts).toBeUndefined();
    expect((await control('GET', '/objects/queue_interrupts'))[queue.id]).toEqual({
      audio_interrupts: [{ audio_asset_id: 'asset_hold_music', play_after_seconds: 0, is_loop: true, loop_interval: 30 }],
    });

    // Announcements set in the console are not this resource's (not declared); a changed audio list is.
    const notify = {
      play_after_seconds: 60,
      is_loop: false,
      notify_position_in_queue: { custom_audio_type: 'standard', custom_audio: [], over_limit_custom_audio: [] },
    };
    await control('PUT', `/queue_interrupts/${queue.id}`, { audio_interrupts: [], notify_interrupts: notify });
    forgetAllListings();
    const drifted = (await read('QueueInterrupts', queue.id, interrupts.outs!)).props!;
    expect(drifted.audioInterrupts).toEqual([]);
    const handlers = await import('../../provider/handlers');
    expect(await handlers.diff('QueueInterrupts', queue.id, drifted, { ...inputs, ...stub })).toMatchObject({ changes: true, replaces: [] });
    await update('QueueInterrupts', queue.id, drifted, { ...inputs, ...stub });
    expect((await control('GET', '/objects/queue_interrupts'))[queue.id]).toMatchObject({ notify_interrupts: notify, audio_interrupts: [expect.anything()] });

    // A wrong shape is refused at check, naming the property.
    const bad = await check(
      'QueueInterrupts',
      {},
      { queueId: queue.id, audioInterrupts: [{ audioAssetId: 'a', playAfterSeconds: -1, isLoop: true }], ...stub },
    );
    expect(bad.failures?.[0]?.reason).toMatch(/audioInterrupts\[0\].playAfterSeconds is invalid: got -1/);

    // Destroying takes the declared audio away and leaves the announcements.
    expect((await check('QueueInterrupts', {}, { ...inputs, ...stub })).inputs!.onDelete).toBe('the queue plays no interrupt audio any more');
    await remove('QueueInterrupts', queue.id, { ...interrupts.outs!, ...stub });
    expect((await control('GET', '/objects/queue_interrupts'))[queue.id]).toMatchObject({ audio_interrupts: [], notify_interrupts: notify });
    // A queue deleted in ZCC takes its interrupts with it: the resource is gone at refresh.
    await control('DELETE', `/objects/queues/${queue.id}`);
    expect((await read('QueueInterrupts', queue.id, interrupts.outs!)).id).toBeFalsy();
  });
});

describe('QueueInterruptMenu', () => {
  it('is written whole by create and update, confirmed by refresh through its queue only (write-only), and deleted', async () => {
    const queue = await create('Queue', { name: 'Menu queue', channel: 'voice', ...stub });
    const inputs = {
      queueId: queue.id,
      languageCode: 'en-US',
      voiceId: 'Joanna',
      playInterval: 60,
      menuOptions: [
        {
          keypress: '1',
          menuAction: 'request_callback',
          playMessage: 'Press 1 and we call you back.',
          callbackSettings: {
            callbackConfirmKeypress: '#',
            enableCallbackOfferTime: true,
            callbackOfferTimezoneId: 'America/New_York',
            callbackOfferTime: [{ callbackOfferDay: 'Mon', callbackOfferStartTime: '09:00', callbackOfferEndTime: '17:00' }],
          },
        },
        { keypress: '2', menuAction: 'route_flow', routeToFlowId: 'flow_sample_voice' },
      ],
    };
    // Every check says that it cannot be compared (so every preview and drift report does).
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await create('QueueInterruptMenu', await checked('QueueInterruptMenu', inputs));
    expect(warnings.mock.calls.map(([line]) => String(line))).toEqual([
      `warning: QueueInterruptMenu for queue ${queue.id} is not compared with ZCC (Zoom's API has no call that reads a queue's interrupt menu): a change made in the console is not detected.`,
    ]);
    warnings.mockRestore();
    expect((await control('GET', '/objects/queue_interrupt_menus'))[queue.id]).toMatchObject({
      menu_language_code: 'en-US',
      menu_options: [
        { keypress: '1', callback_settings: { callback_offer_time: [{ callback_offer_day: 'Mon', callback_offer_start_time: '09:00' }] } },
        { keypress: '2', route_to_flow_id: 'flow_sample_voice' },
      ],
    });
    // A refresh reads the queue, not the menu (Zoom has no call for it): the declaration stands.
    await control('DELETE', '/requests');
    const refreshed = await read('QueueInterruptMenu', menu.id, menu.outs!);
    expect(refreshed.props).toMatchObject({ languageCode: 'en-US', menuOptions: inputs.menuOptions });
    const calls = ((await control('GET', '/requests')).entries as Array<{ method: string; path: string }>).filter((entry) => !entry.path.includes('oauth'));
    expect(calls.map((entry) => `${entry.method} ${entry.path.replace(queue.id, '{id}')}`)).toEqual(['GET /v2/contact_center/queues/{id}']);
    // An option's target must fit its action: refused by check.
    const bad = await check('QueueInterruptMenu', {}, { ...inputs, menuOptions: [{ keypress: '3', menuAction: 'leave_voicemail' }], ...stub });
    expect(bad.failures?.[0]?.reason).toMatch(/menuOptions\[0\]\.voiceMailInboxId is required when menuAction is "leave_voicemail"/);
    const twice = await check('QueueInterruptMenu', {}, { ...inputs, menuOptions: [inputs.menuOptions[1], inputs.menuOptions[1]], ...stub });
    expect(twice.failures?.[0]?.reason).toMatch(/must not use the same key twice/);

    await update('QueueInterruptMenu', menu.id, menu.outs!, { ...inputs, voiceId: 'Matthew', menuOptions: [inputs.menuOptions[1]], ...stub });
    expect((await control('GET', '/objects/queue_interrupt_menus'))[queue.id]).toMatchObject({ voice_id: 'Matthew', menu_options: [{ keypress: '2' }] });
    // A later operation (a new provider process): this one's checks declared the menu, which a delete keeps.
    newRun();
    await remove('QueueInterruptMenu', menu.id, menu.outs!);
    expect((await control('GET', '/objects/queue_interrupt_menus'))[queue.id]).toBeUndefined();
    // Gone already (a second delete, or the queue's menu removed in the console): nothing to do.
    await remove('QueueInterruptMenu', menu.id, menu.outs!);
    await control('DELETE', `/objects/queues/${queue.id}`);
    expect((await read('QueueInterruptMenu', menu.id, menu.outs!)).id).toBeFalsy();
  });
});
