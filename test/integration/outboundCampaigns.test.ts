import { check, create, diff, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { forgetDeclared } from '../../provider/engine/declaredMembers';
import { getCampaignContactList, getOutboundCampaign } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { useEngineTest } from './emulatorEnv';

/**
 * Outbound campaigns, contact lists, their custom fields and a DNC list's numbers, through the engine against the
 * emulator: create, read, update in place, a console edit caught and restored, replacement, delete, and every
 * request and answer in the official shapes.
 */
jest.setTimeout(60_000);

const { emulator, control, stub, checked } = useEngineTest();
const writes = async () =>
  ((await control('GET', '/requests')).entries as Array<{ method: string; path: string }>).filter(
    (entry) => entry.method !== 'GET' && !entry.path.includes('/oauth/'),
  );

afterEach(async () => {
  const report = checkTraffic((await control('GET', '/requests')).entries, parseOfficialApi());
  expect(report.unknownOperations).toEqual([]);
  expect(report.mismatches).toEqual([]);
});

describe('CampaignContactList and DncListPhones', () => {
  it('keeps a list by type, its numbers as an owned set, and refuses to delete contacts without consent', async () => {
    const dnc = await create('CampaignContactList', await checked('CampaignContactList', { name: 'Do not call', type: 'do_not_contact' }));
    const contacts = await create('CampaignContactList', await checked('CampaignContactList', { name: 'Renewals' }));
    expect(contacts.outs).toMatchObject({ type: 'contact', description: '' });
    // Found by name; the lookup says which type (the list's items do not: the store lists per type).
    expect(await getCampaignContactList({ name: 'Do not call' })).toMatchObject({ contactListId: dnc.id, type: 'do_not_contact' });

    const numbers = { dncListId: dnc.id, phoneNumbers: ['+14155550100', '+14155550101'] };
    const set = await create('DncListPhones', await checked('DncListPhones', numbers));
    expect((await control('GET', '/objects/dnc_list_phones'))[dnc.id]).toEqual([
      expect.objectContaining({ phone_number: '+14155550100' }),
      expect.objectContaining({ phone_number: '+14155550101' }),
    ]);
    // A number added in the console is drift of an exclusive set, and removed by the next update.
    await control('PUT', `/dnc_list_phones/${dnc.id}`, [
      ...(await control('GET', '/objects/dnc_list_phones'))[dnc.id],
      { phone_id: 'console1', phone_number: '+14155550199' },
    ]);
    const drifted = (await read('DncListPhones', set.id, set.outs!)).props!;
    expect(drifted.phoneNumbers).toEqual(['+14155550100', '+14155550101', '+14155550199']);
    forgetDeclared(); // a later `up`: a new provider process
    const next = await checked('DncListPhones', { ...numbers, phoneNumbers: ['+14155550101', '+14155550102'] });
    await update('DncListPhones', set.id, drifted, next);
    expect(((await control('GET', '/objects/dnc_list_phones'))[dnc.id] as Array<{ phone_number: string }>).map((p) => p.phone_number)).toEqual([
      '+14155550101',
      '+14155550102',
    ]);
    // Not an E.164 number: refused by check, before any call.
    const bad = await check('DncListPhones', {}, { dncListId: dnc.id, phoneNumbers: ['415 555 0100'], ...stub });
    expect(bad.failures?.[0]?.reason).toMatch(/phoneNumbers\[0\].*must be an E\.164 number/);
    // A list of contacts has no numbers to hold: the preview of such a set fails.
    const wrong = await check('DncListPhones', {}, { dncListId: contacts.id, phoneNumbers: ['+14155550100'], ...stub });
    expect(wrong.failures?.[0]?.reason).toMatch(/DncListPhones.dncListId names contact list "Renewals" .*only a do-not-contact list/);

    forgetDeclared(); // the `up` that removes it declares no numbers for the list
    await remove('DncListPhones', set.id, { ...numbers, phoneNumbers: ['+14155550101', '+14155550102'], mode: 'exclusive' });
    expect((await control('GET', '/objects/dnc_list_phones'))[dnc.id]).toEqual([]);
    await expect(remove('CampaignContactList', dnc.id, dnc.outs!)).rejects.toThrow(/deleteContactsOnDelete: true/);
    await remove('CampaignContactList', dnc.id, { ...dnc.outs!, deleteContactsOnDelete: true });
    expect((await read('CampaignContactList', dnc.id, dnc.outs!)).id).toBeFalsy();

    // Its type cannot change in place.
    const changed = await diff('CampaignContactList', contacts.id, contacts.outs!, { name: 'Renewals', type: 'do_not_contact', ...stub });
    expect(changed.replaces).toEqual(['type']);
  });

  it('keeps a contact list custom field and the lists that use it', async () => {
    const list = await create('CampaignContactList', await checked('CampaignContactList', { name: 'Renewals' }));
    const inputs = { name: 'Account tier', dataType: 'pick_list', pickListValues: ['gold', 'silver'], contactListIds: [list.id], allowThirdPartyAccess: true };
    const field = await create('ContactListCustomField', await checked('ContactListCustomField', inputs));
    expect(field.outs).toMatchObject({ name: 'Account tier', contactListIds: [list.id], allowThirdPartyAccess: true });
    await control('PATCH', `/objects/contact_list_custom_fields/${field.id}`, { pick_list_values: ['gold'] });
    forgetAllListings();
    const drifted = (await read('ContactListCustomField', field.id, field.outs!)).props!;
    expect(drifted.pickListValues).toEqual(['gold']);
    await update('ContactListCustomField', field.id, drifted, { ...inputs, ...stub });
    expect(await control('GET', `/objects/contact_list_custom_fields/${field.id}`)).toMatchObject({ pick_list_values: ['gold', 'silver'] });
    const bad = await check('ContactListCustomField', {}, { ...inputs, dataType: 'string', ...stub });
    expect(bad.failures?.[0]?.reason).toMatch(/pickListValues are only allowed with dataType "pick_list"/);
    await remove('ContactListCustomField', field.id, field.outs!);
  });
});

describe('OutboundCampaign', () => {
  it('is created as a draft and made ready, updated flat, restored after a console edit, replaced where the PATCH cannot, deleted', async () => {
    const queue = await create('Queue', { name: 'Outbound sales', channel: 'voice', ...stub });
    const list = await create('CampaignContactList', await checked('CampaignContactList', { name: 'Renewals' }));
    const dnc = await create('CampaignContactList', await checked('CampaignContactList', { name: 'Do not call', type: 'do_not_contact' }));
    const inputs = {
      name: 'Renewals',
      queueId: queue.id,
      phoneNumberId: 'ep_phone_1',
      dialingMethod: 'progressive',
      enableAmd: true,
      amdGreetingAssetId: 'asset_greeting',
      enableAbandonmentTimeout: true,
      abandonmentTimeout: 5,
      contactListIds: [list.id],
      dncListIds: [dnc.id],
      maxAttemptsPerContact: 3,
      retryPeriodUnit: 'hours',
      status: 'ready',
    };
    await control('DELETE', '/requests');
    const campaign = await create('OutboundCampaign', await checked('OutboundCampaign', inputs));
    expect(campaign.outs).toMatchObject({ ...inputs, runStatus: 'ready', campaignId: campaign.id });
    // The create nests the method's settings; the status has its own call, after it.
    expect((await writes()).map((entry) => `${entry.method} ${entry.path.replace(campaign.id, '{id}')}`)).toEqual([
      'POST /v2/contact_center/outbound_campaign/campaigns',
      'PATCH /v2/contact_center/outbound_campaign/campaigns/{id}/status',
    ]);
    expect(await getOutboundCampaign({ name: 'Renewals' })).toMatchObject({ campaignId: campaign.id, runStatus: 'ready' });

    // Zoom running it is what `ready` asked for: no drift.
    await control('PATCH', `/objects/outbound_campaigns/${campaign.id}`, { outbound_campaign_status: 'running' });
    const running = (await read('OutboundCampaign', campaign.id, campaign.outs!)).props!;
    expect(running).toMatchObject({ status: 'ready', runStatus: 'running' });
    expect((await diff('OutboundCampaign', campaign.id, running, { ...inputs, ...stub })).changes).toBe(false);

    // Paused and changed in the console: both caught and put back, the settings flat in one PATCH.
    await control('PATCH', `/objects/outbound_campaigns/${campaign.id}`, {
      outbound_campaign_status: 'paused',
      abandonment_timeout: 9,
      max_attempts_per_contact: 1,
    });
    const drifted = (await read('OutboundCampaign', campaign.id, campaign.outs!)).props!;
    expect(drifted).toMatchObject({ status: 'paused', abandonmentTimeout: 9, maxAttemptsPerContact: 1 });
    await control('DELETE', '/requests');
    await update('OutboundCampaign', campaign.id, drifted, { ...inputs, description: 'Q3', ...stub });
    expect(await control('GET', `/objects/outbound_campaigns/${campaign.id}`)).toMatchObject({
      outbound_campaign_status: 'ready',
      abandonment_timeout: 5,
      max_attempts_per_contact: 3,
      outbound_campaign_description: 'Q3',
    });
    expect((await writes()).map((entry) => entry.method)).toEqual(['PATCH', 'PATCH']);

    // What the PATCH cannot take replaces the campaign; another method's settings are refused by check.
    const replaced = await diff('OutboundCampaign', campaign.id, campaign.outs!, { ...inputs, enableAmd: false, ...stub });
    expect(replaced.replaces).toEqual(['enableAmd']);
    const mixed = await check('OutboundCampaign', {}, { ...inputs, enableSkip: true, ...stub });
    expect(mixed.failures?.[0]?.reason).toMatch(/enableSkip is a setting of the preview dialing method; this campaign dials progressive/);
    // A list the campaign uses cannot go first.
    await expect(remove('CampaignContactList', list.id, { ...list.outs!, deleteContactsOnDelete: true })).rejects.toThrow(
      /used by outbound campaigns: Renewals/,
    );

    await remove('OutboundCampaign', campaign.id, campaign.outs!);
    expect((await read('OutboundCampaign', campaign.id, campaign.outs!)).id).toBeFalsy();
  });

  it('keeps an agentless campaign: its flow change names the flow it replaces, its AMD-off action in each spelling', async () => {
    const queue = await create('Queue', { name: 'Reminders', channel: 'voice', ...stub });
    // The emulator does not check the flow (the document does not say Zoom would): two ids stand for two flows.
    const flowA = { flow_id: 'flow_reminder_a' };
    const flowB = { flow_id: 'flow_reminder_b' };
    const inputs = {
      name: 'Reminders',
      queueId: queue.id,
      phoneNumberId: 'ep_phone_1',
      dialingMethod: 'agentless',
      maxConcurrentCalls: 5,
      flowId: flowA.flow_id,
      amdOffAction: 'hangUp',
    };
    const missing = await check('OutboundCampaign', {}, { ...inputs, flowId: undefined, ...stub });
    expect(missing.failures?.[0]?.reason).toMatch(/flowId is required for the agentless dialing method/);
    const campaign = await create('OutboundCampaign', await checked('OutboundCampaign', inputs));
    expect(campaign.outs).toMatchObject({ amdOffAction: 'hangUp', flowId: flowA.flow_id, runStatus: 'draft' });
    await update('OutboundCampaign', campaign.id, campaign.outs!, { ...inputs, flowId: flowB.flow_id, amdOffAction: 'playMedia', ...stub });
    expect(await control('GET', `/objects/outbound_campaigns/${campaign.id}`)).toMatchObject({
      new_flow_id: flowB.flow_id,
      agentless_amd_off_action: 'playMedia',
    });
    const after = (await read('OutboundCampaign', campaign.id, campaign.outs!)).props!;
    expect(after).toMatchObject({ flowId: flowB.flow_id, amdOffAction: 'playMedia' });
    await remove('OutboundCampaign', campaign.id, after);
  });
});
