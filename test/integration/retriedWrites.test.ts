import { check, create, update } from '../../provider/handlers';
import { getClient } from '../../provider/runtime';
import { useEngineTest } from './emulatorEnv';
import { allDayClosure as closure } from '../support/closures';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { skillsEndpoint } from '../../provider/specs/skillSpecs';

/**
 * Every write that is not idempotent, under `drop-after-commit` (the write lands, its answer is lost): it is
 * never applied twice. And the emulator's write lock is released however an exchange ends, so a retry meets the
 * server as Zoom would leave it, not a 429 left over from the dropped answer.
 */
jest.setTimeout(60_000);

const { emulator, control, stub } = useEngineTest();
type Entry = { method: string; route: string; status: number };
const writes = async () =>
  ((await control('GET', '/requests')).entries as Entry[]).filter((entry) => entry.method !== 'GET' && entry.route !== 'POST /oauth/token');

describe('writes whose answer is lost after they committed', () => {
  it('the write lock is released after a dropped answer and after a reset: the retried PATCH lands at once', async () => {
    const queue = await create('Queue', { name: 'Locked', channel: 'voice', ...stub });
    for (const action of ['drop-after-commit', 'reset']) {
      await control('POST', '/faults', { method: 'PATCH', path: '/queues/[^/]+$', action, times: 1 });
      await control('DELETE', '/requests');
      await getClient().updateOne(queuesEndpoint, [queue.id], { max_wait_time: action === 'reset' ? 61 : 60 });
      const statuses = (await writes()).map((entry) => entry.status);
      // The first attempt's answer never arrived; the retry is answered 204, never 429.
      expect({ action, statuses: statuses.slice(-1), throttled: statuses.filter((status) => status === 429).length }).toEqual({
        action,
        statuses: [204],
        throttled: 0,
      });
    }
    expect((await control('GET', '/objects/queues'))[0].max_wait_time).toBe(61);
  });

  it('a closure set update: each closure once, after the PATCH that added them lost its answer', async () => {
    const inputs = { name: 'Holidays', timezone: 'Europe/Berlin', closures: [closure('New Year', '01-01')], ...stub };
    const made = await create('ClosureSet', inputs);
    await control('POST', '/faults', { method: 'PATCH', path: '/closures/[^/]+$', action: 'drop-after-commit', times: 1 });
    await control('DELETE', '/requests');
    const next = { ...inputs, closures: [closure('New Year', '01-01'), closure('Labour Day', '05-01')] };
    await update('ClosureSet', made.id, made.outs!, next);
    const held = (await control('GET', '/objects/closure_sets')).find((set: { closure_set_id: string }) => set.closure_set_id === made.id);
    expect(held.closures.map((c: { closure_name: string }) => c.closure_name)).toEqual(['New Year', 'Labour Day']);
    // One PATCH landed (its answer dropped); the set was read again and held the declaration: nothing re-sent.
    expect((await writes()).map((entry) => entry.route)).toEqual(['PATCH /v2/contact_center/closures/:closureSetId']);
  });

  it('a flow: its import (create) and a new version (update) land once when their answers are lost', async () => {
    const flowsNamed = async (name: string) =>
      ((await control('GET', '/objects/flows')) as Array<{ flow_id: string; flow_name: string; flow_versions?: unknown[] }>).filter(
        (flow) => flow.flow_name === name,
      );
    const inputs = { name: 'Retried IVR', definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] }, ...stub };
    await control('POST', '/faults', { method: 'POST', path: '/flows$', action: 'drop-after-commit', times: 1 });
    const made = await create('Flow', inputs);
    expect((await flowsNamed('Retried IVR')).map((flow) => flow.flow_id)).toEqual([made.id]);
    await control('POST', '/faults', { method: 'POST', path: '/flows$', action: 'drop-after-commit', times: 1 });
    await update('Flow', made.id, made.outs!, {
      ...inputs,
      definition: {
        studioType: 0,
        nodes: [
          { id: 'start', type: 'Start' },
          { id: 'menu', type: 'Menu' },
        ],
      },
    });
    // Two versions: the first import and one new version, not a second copy of it.
    expect((await flowsNamed('Retried IVR')).map((flow) => flow.flow_versions?.length)).toEqual([2]);
    const faults = (await control('GET', '/faults')) as Array<{ path: string; hits: number }>;
    expect(faults.filter((fault) => fault.path === '/flows$').map((fault) => fault.hits)).toEqual([1, 1]);
  });

  it('member and id-set adds of every set kind: each member once, and the update succeeds', async () => {
    const queue = await create('Queue', { name: 'Members', channel: 'voice', ...stub });
    const team = await create('Team', { name: 'Tier 9', parentTeamId: 'team_root', ...stub });
    const inbox = await create('Inbox', (await check('Inbox', {}, { name: 'Voicemail', ...stub })).inputs!);
    const otherQueues = await Promise.all(['Members 2', 'Members 3'].map((name) => create('Queue', { name, channel: 'voice', ...stub })));
    const dispositions = await Promise.all(['Resolved', 'Escalated', 'Callback'].map((name) => create('Disposition', { name, ...stub })));
    const skills = await Promise.all(
      ['German', 'French'].map(async (name) => (await getClient().createIn(skillsEndpoint, { skill_name: name, skill_category_id: 'cat_language' })).skill_id),
    );
    const ids = (rows: Array<Record<string, unknown>> | undefined, field: string) => (rows ?? []).map((row) => String(row[field]));
    const cases: Array<{
      kind: string;
      path: string;
      inputs: Record<string, unknown>;
      more: Record<string, unknown>;
      held: () => Promise<string[]>;
      want?: string[];
    }> = [
      {
        kind: 'QueueSupervisors',
        path: '/queues/[^/]+/supervisors$',
        inputs: { queueId: queue.id, userIds: ['agent_001'] },
        more: { userIds: ['agent_001', 'agent_005'] },
        held: async () => (await control('GET', '/objects/queue_supervisors'))[queue.id],
      },
      {
        kind: 'TeamSupervisors',
        path: '/teams/[^/]+/supervisors$',
        inputs: { teamId: team.id, userIds: ['agent_001'] },
        more: { userIds: ['agent_001', 'agent_006'] },
        held: async () => (await control('GET', '/objects/team_supervisors'))[team.id],
      },
      {
        kind: 'QueueTeams',
        path: '/queues/[^/]+/teams$',
        inputs: { queueId: queue.id, teamIds: [team.id] },
        more: { teamIds: [team.id, 'team_root'] },
        held: async () => (await control('GET', '/objects/queue_teams'))[queue.id],
      },
      {
        kind: 'InboxQueues',
        path: '/inboxes/[^/]+/queues$',
        inputs: { inboxId: inbox.id, queueIds: [queue.id] },
        more: { queueIds: [queue.id, ...otherQueues.map((made) => made.id)] },
        held: async () => (await control('GET', '/objects/inbox_queues'))[inbox.id],
      },
      {
        kind: 'InboxUsers',
        path: '/inboxes/[^/]+/users$',
        inputs: { inboxId: inbox.id, userIds: ['agent_001'] },
        more: { userIds: ['agent_001', 'agent_007'] },
        held: async () => (await control('GET', '/objects/inbox_users'))[inbox.id],
      },
      {
        kind: 'QueueDispositions',
        path: '/queues/[^/]+/dispositions$',
        inputs: { queueId: queue.id, dispositionIds: [dispositions[0].id] },
        more: { dispositionIds: dispositions.map((made) => made.id) },
        // The emulator keeps a queue's dispositions per direction: "inbound:<id>".
        held: async () => ((await control('GET', '/objects/queue_dispositions'))[queue.id] as string[]).map((entry) => entry.replace(/^inbound:/, '')),
      },
      {
        kind: 'UserSkills',
        path: '/users/[^/]+/skills$',
        inputs: { userId: 'agent_010', skills: [{ skillId: skills[0], proficiencyLevel: 2 }], mode: 'exclusive' },
        more: { skills: skills.map((skillId) => ({ skillId, proficiencyLevel: 2 })) },
        held: async () => ids((await control('GET', '/objects/user_skills')).agent_010, 'skill_id'),
        want: skills,
      },
      {
        kind: 'QueueMembers',
        path: '/queues/[^/]+/agents$',
        inputs: { queueId: queue.id, userIds: ['agent_001'] },
        more: { userIds: ['agent_001', 'agent_002', 'agent_003'] },
        held: async () => (await control('GET', '/objects/queue_agents'))[queue.id],
      },
      {
        kind: 'TeamMembers',
        path: '/teams/[^/]+/agents$',
        inputs: { teamId: team.id, userIds: ['agent_001'] },
        more: { userIds: ['agent_001', 'agent_004'] },
        held: async () => (await control('GET', '/objects/team_agents'))[team.id],
      },
    ];
    for (const { kind, path, inputs, more, held, want } of cases) {
      const made = await create(kind, { ...inputs, ...stub });
      await control('POST', '/faults', { method: 'POST', path, action: 'drop-after-commit', times: 1 });
      await update(kind, made.id, made.outs!, { ...made.outs!, ...more, ...stub });
      // The fault fired: the add's first answer really was lost after it committed.
      const faults = (await control('GET', '/faults')) as Array<{ path: string; hits: number }>;
      expect({ kind, hits: faults.find((fault) => fault.path === path)?.hits }).toEqual({ kind, hits: 1 });
      const members = await held();
      const wanted = (Object.values(more)[0] as unknown[]).every((item) => typeof item === 'string') ? (Object.values(more)[0] as string[]) : [];
      expect({ kind, members: [...members].sort() }).toEqual({ kind, members: [...(want ?? wanted)].sort() });
    }
  });

  it('the newer kinds: creates, an added asset item, DNC numbers and a campaign status land once when their answers are lost', async () => {
    const drop = (method: string, path: string) => control('POST', '/faults', { method, path, action: 'drop-after-commit', times: 1 });
    const rows = async (table: string) => (await control('GET', `/objects/${table}`)) as Array<Record<string, any>>;

    await drop('POST', '/outbound_campaign/contact_lists$');
    const list = await create('CampaignContactList', (await check('CampaignContactList', {}, { name: 'Renewals', ...stub })).inputs!);
    await drop('POST', '/outbound_campaign/contact_lists$');
    const dnc = await create('CampaignContactList', (await check('CampaignContactList', {}, { name: 'Do not call', type: 'do_not_contact', ...stub })).inputs!);
    expect((await rows('contact_lists')).map((row) => row.contact_list_id)).toEqual([list.id, dnc.id]);

    await drop('POST', '/contact_list_custom_fields$');
    await create('ContactListCustomField', (await check('ContactListCustomField', {}, { name: 'Tier', dataType: 'string', ...stub })).inputs!);
    expect(await rows('contact_list_custom_fields')).toHaveLength(1);

    const numbers = { dncListId: dnc.id, phoneNumbers: ['+14155550100'], ...stub };
    const set = await create('DncListPhones', (await check('DncListPhones', {}, numbers)).inputs!);
    await drop('POST', '/dnc_lists/[^/]+/phones$');
    await update('DncListPhones', set.id, set.outs!, { ...numbers, phoneNumbers: ['+14155550100', '+14155550101'] });
    expect(((await control('GET', '/objects/dnc_list_phones'))[dnc.id] as Array<{ phone_number: string }>).map((phone) => phone.phone_number)).toEqual([
      '+14155550100',
      '+14155550101',
    ]);

    const queue = await create('Queue', { name: 'Outbound', channel: 'voice', ...stub });
    const campaignInputs = { name: 'Renewals', queueId: queue.id, phoneNumberId: 'ep_phone_1', dialingMethod: 'preview', contactListIds: [list.id], ...stub };
    await drop('POST', '/outbound_campaign/campaigns$');
    await drop('PATCH', '/campaigns/[^/]+/status$');
    const campaign = await create('OutboundCampaign', (await check('OutboundCampaign', {}, { ...campaignInputs, status: 'ready' })).inputs!);
    expect((await rows('outbound_campaigns')).map((row) => [row.outbound_campaign_id, row.outbound_campaign_status])).toEqual([[campaign.id, 'ready']]);

    const asset = await create(
      'Asset',
      (await check('Asset', {}, { name: 'Greeting', type: 'text', items: [{ language: 'en-US', content: 'Hello' }], ...stub })).inputs!,
    );
    await drop('PATCH', '/asset_library/assets/[^/]+$');
    await control('DELETE', '/requests');
    await update('Asset', asset.id, asset.outs!, {
      name: 'Greeting',
      type: 'text',
      items: [
        { language: 'en-US', content: 'Hello' },
        { language: 'de-DE', content: 'Hallo' },
      ],
      ...stub,
    });
    const [held] = await rows('assets');
    expect(held.items.map((item: Record<string, unknown>) => item.asset_item_language)).toEqual(['en-US', 'de-DE']);
    // The adding PATCH landed and lost its answer: rebuilt from the asset as read (the item has its id now), sent once more.
    expect((await writes()).map((entry) => `${entry.route} ${entry.status}`)).toEqual([
      'PATCH /v2/contact_center/asset_library/assets/:assetId 204',
      'PATCH /v2/contact_center/asset_library/assets/:assetId 204',
    ]);
    const faults = (await control('GET', '/faults')) as Array<{ hits: number }>;
    expect(faults.map((fault) => fault.hits)).toEqual(faults.map(() => 1));
  });
});
