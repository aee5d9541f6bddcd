import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

/**
 * The kinds that hang on a queue besides its members (QueueOperatingHours, QueueDispositions) and on an inbox
 * (InboxQueues, InboxUsers) or a team (TeamMembers, TeamSupervisors, QueueTeams), with the business hours, closure set, dispositions and set they name, on the real Pulumi CLI: create, empty preview, update in
 * place, replacement, console edits caught by refresh and restored, out-of-band removal recreated, destroy.
 */
describe('QueueOperatingHours, QueueDispositions, QueueTeams, TeamMembers, TeamSupervisors, InboxQueues and InboxUsers on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const ref = (name: string, output: string) => ({ $ref: `${name}.${output}` });

  function declaration(stage: {
    hoursOn: string;
    closures?: boolean;
    dispositions: string[];
    sets?: boolean;
    inboxUsers?: string[];
    aNumbers?: string[];
    bNumbers?: string[];
  }) {
    return [
      { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice' } },
      { kind: 'Queue', name: 'sales', args: { name: 'Sales', channel: 'voice' } },
      { kind: 'BusinessHours', name: 'office', args: { name: 'Office', timezone: 'Europe/Berlin', hours: { hourType: 'alwaysOpen' } } },
      {
        kind: 'ClosureSet',
        name: 'holidays',
        args: {
          name: 'Holidays',
          timezone: 'Europe/Berlin',
          closures: [
            { closureName: 'New Year', closureHourType: 'allDay', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 'none' },
          ],
        },
      },
      { kind: 'Disposition', name: 'resolved', args: { name: 'Resolved' } },
      { kind: 'Disposition', name: 'escalated', args: { name: 'Escalated' } },
      {
        kind: 'DispositionSet',
        name: 'outcomes',
        args: { name: 'Outcomes', dispositionIds: [ref('resolved', 'dispositionId'), ref('escalated', 'dispositionId')] },
      },
      {
        kind: 'QueueOperatingHours',
        name: 'hours',
        args: {
          queueId: ref(stage.hoursOn, 'queueId'),
          businessHourId: ref('office', 'businessHourId'),
          ...(stage.closures ? { closureSetId: ref('holidays', 'closureSetId') } : {}),
        },
      },
      { kind: 'Inbox', name: 'voicemail', args: { name: 'Voicemail', deleteMessagesOnDelete: true } },
      { kind: 'InboxQueues', name: 'voicemail-queues', args: { inboxId: ref('voicemail', 'inboxId'), queueIds: [ref('support', 'queueId')] } },
      { kind: 'InboxUsers', name: 'voicemail-users', args: { inboxId: ref('voicemail', 'inboxId'), userIds: stage.inboxUsers ?? ['agent_001'] } },
      { kind: 'Flow', name: 'flow-a', args: { name: 'Flow A', definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] } } },
      { kind: 'Flow', name: 'flow-b', args: { name: 'Flow B', definition: { studioType: 0, nodes: [{ id: 'start', type: 'Start' }] } } },
      {
        kind: 'FlowEntryPoints',
        name: 'a-numbers',
        args: { flowId: ref('flow-a', 'flowId'), entryPoints: (stage.aNumbers ?? ['ep_phone_2', 'ep_phone_3']).map((entryId) => ({ entryId })) },
      },
      {
        kind: 'FlowEntryPoints',
        name: 'b-numbers',
        args: { flowId: ref('flow-b', 'flowId'), entryPoints: (stage.bNumbers ?? []).map((entryId) => ({ entryId })) },
      },
      { kind: 'Team', name: 'tier1', args: { name: 'Tier 1', parentTeamId: 'team_root' } },
      { kind: 'TeamMembers', name: 'tier1-agents', args: { teamId: ref('tier1', 'teamId'), userIds: stage.inboxUsers ?? ['agent_001'] } },
      { kind: 'TeamSupervisors', name: 'tier1-supervisors', args: { teamId: ref('tier1', 'teamId'), userIds: ['agent_003'] } },
      { kind: 'QueueTeams', name: 'support-teams', args: { queueId: ref(stage.hoursOn, 'queueId'), teamIds: [ref('tier1', 'teamId')] } },
      {
        kind: 'QueueDispositions',
        name: 'wrap-up',
        args: {
          queueId: ref('support', 'queueId'),
          dispositionIds: stage.dispositions.map((name) => ref(name, 'dispositionId')),
          ...(stage.sets ? { dispositionSetIds: [ref('outcomes', 'dispositionSetId')] } : {}),
        },
      },
    ];
  }

  it('create → empty preview → in place → console edits restored → replacement → removal recreated → destroy', async () => {
    const { stack, control } = current();
    const ids = async (): Promise<Record<string, string>> => (await stack.outputs()).ids.value;
    const maps = async () => ({
      hours: (await control('GET', '/objects/queue_operating_hours')) as Record<string, { business_hour_id?: string; closure_set_id?: string }>,
      dispositions: (await control('GET', '/objects/queue_dispositions')) as Record<string, string[]>,
      sets: (await control('GET', '/objects/queue_disposition_sets')) as Record<string, string[]>,
    });

    await current().declare(declaration({ hoursOn: 'support', dispositions: ['resolved'] }));
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 21 });
    let id = await ids();
    expect((await maps()).hours[id.support]).toEqual({ business_hour_id: id.office });
    expect((await maps()).dispositions[id.support]).toEqual([`inbound:${id.resolved}`]);
    await expectNoChanges(stack);

    // In place: the closures join the hours, the set and another disposition join the wrap-up codes.
    // ...and ep_phone_2 moves from flow A to flow B in the same up.
    const moving = { aNumbers: ['ep_phone_3'], bNumbers: ['ep_phone_2'] };
    await control('DELETE', '/requests');
    await current().declare(
      declaration({
        hoursOn: 'support',
        closures: true,
        dispositions: ['resolved', 'escalated'],
        sets: true,
        inboxUsers: ['agent_001', 'agent_002'],
        ...moving,
      }),
    );
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ same: 15, update: 6 });
    const numbers = await control('GET', '/objects/flow_entry_points');
    expect([numbers[id['flow-a']], numbers[id['flow-b']]]).toEqual([[{ entry_id: 'ep_phone_3' }], [{ entry_id: 'ep_phone_2' }]]);
    // The writes that touched ep_phone_2: taken from flow A and given to flow B back to back, never on both.
    const log = (await control('GET', '/requests')) as { entries: Array<{ method: string; path: string; status: number; body?: unknown }> };
    const writes = log.entries.filter((entry) => entry.method !== 'GET');
    const touching = writes.filter((entry) => entry.path.endsWith('/entry_points') && JSON.stringify(entry.body ?? '').includes('ep_phone_2'));
    const label = (entry: { method: string; path: string; status: number }) =>
      `${entry.method} ${entry.path.includes(id['flow-a']) ? 'A' : 'B'} ${entry.status}`;
    const landed = touching.filter((entry) => entry.status < 400);
    expect(landed.map(label)).toEqual(['DELETE A 204', 'POST B 201']);
    // Nothing else wrote between the two (other resources' writes aside: they run on other workers).
    expect(writes.slice(writes.indexOf(landed[0]) + 1, writes.indexOf(landed[1])).filter((entry) => entry.path.endsWith('/entry_points'))).toEqual([]);
    expect((await control('GET', '/objects/inbox_users'))[id.voicemail]).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/inbox_queues'))[id.voicemail]).toEqual([id.support]);
    expect((await control('GET', '/objects/team_agents'))[id.tier1]).toEqual(['agent_001', 'agent_002']);
    expect((await control('GET', '/objects/queue_teams'))[id.support]).toEqual([id.tier1]);
    expect((await maps()).hours[id.support]).toEqual({ business_hour_id: id.office, closure_set_id: id.holidays });
    expect([...(await maps()).dispositions[id.support]].sort()).toEqual([`inbound:${id.escalated}`, `inbound:${id.resolved}`].sort());
    expect((await maps()).sets[id.support]).toEqual([`inbound:${id.outcomes}`]);
    await expectNoChanges(stack);

    // Console: the queue back on the default hours, one disposition removed, a user added to the inbox.
    await control('PUT', `/queue_operating_hours/${id.support}`, {});
    await control('PUT', `/queue_dispositions/${id.support}`, [`inbound:${id.resolved}`]);
    await control('PUT', `/inbox_users/${id.voicemail}`, ['agent_001', 'agent_002', 'agent_009']);
    await control('PUT', `/team_supervisors/${id.tier1}`, ['agent_003', 'agent_004']);
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('hours');
    expect(drift.text()).toContain('wrap-up');
    expect(drift.text()).toContain('agent_009');
    expect(drift.text()).toContain('agent_004');
    expect((await stack.refresh(quiet())).summary.resourceChanges).toMatchObject({ update: 4 });
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 4 });
    expect((await control('GET', '/objects/team_supervisors'))[id.tier1]).toEqual(['agent_003']);
    expect((await control('GET', '/objects/inbox_users'))[id.voicemail]).toEqual(['agent_001', 'agent_002']);
    expect((await maps()).hours[id.support]).toEqual({ business_hour_id: id.office, closure_set_id: id.holidays });
    expect([...(await maps()).dispositions[id.support]].sort()).toEqual([`inbound:${id.escalated}`, `inbound:${id.resolved}`].sort());
    await expectNoChanges(stack);

    // The hours move to another queue: replaced (the old queue goes back to the defaults).
    await current().declare(
      declaration({ hoursOn: 'sales', closures: true, dispositions: ['resolved', 'escalated'], sets: true, inboxUsers: ['agent_001', 'agent_002'], ...moving }),
    );
    // QueueTeams follows the hours to the sales queue too: two replacements.
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 2 });
    id = await ids();
    expect((await control('GET', '/objects/queue_teams'))[id.sales]).toEqual([id.tier1]);
    expect((await control('GET', '/objects/queue_teams'))[id.support]).toEqual([]);
    expect((await maps()).hours[id.support]).toEqual({});
    expect((await maps()).hours[id.sales]).toEqual({ business_hour_id: id.office, closure_set_id: id.holidays });
    await expectNoChanges(stack);

    // Removed behind Pulumi's back (the queue follows the defaults again, offers nothing): refresh sees it, up restores.
    await control('PUT', `/queue_operating_hours/${id.sales}`, {});
    await control('PUT', `/queue_dispositions/${id.support}`, []);
    await control('PUT', `/queue_disposition_sets/${id.support}`, []);
    await stack.refresh(quiet());
    await stack.up(quiet());
    expect((await maps()).hours[id.sales]).toEqual({ business_hour_id: id.office, closure_set_id: id.holidays });
    expect((await maps()).sets[id.support]).toEqual([`inbound:${id.outcomes}`]);
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    const after = await maps();
    // The queues are deleted, and their hours links, dispositions and sets with them (nothing stays "in use").
    expect([after.hours[id.sales], after.dispositions[id.support], after.sets[id.support]]).toEqual([undefined, undefined, undefined]);
    expect((await control('GET', '/objects/inboxes')).map((row: { inbox_id: string }) => row.inbox_id)).toEqual(['inbox_default']);
    expect((await control('GET', '/objects/teams')).map((row: { team_id: string }) => row.team_id)).toEqual(['team_root']);
  });
});
