import path from 'node:path';
import { expectNoChanges, outputCollector, repoRoot, useProject } from './harness';
import { checkTraffic, type LoggedRequest } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';

jest.setTimeout(10 * 60_000);

describe('examples/contact-center', () => {
  const current = useProject(path.join(repoRoot, 'examples/contact-center'));

  it('builds a whole contact center, previews empty, restores a console edit, and destroys it; all traffic matches the official document', async () => {
    const { stack, control } = current();
    await control('DELETE', '/requests');
    const up = await stack.up({ onOutput: outputCollector().onOutput });
    expect(up.summary.resourceChanges).toEqual({ create: 40 });
    const requests = await control('GET', '/requests');
    console.log(`contact-center up: ${requests.total} API calls ${JSON.stringify(requests.byRoute)}`);
    expect(requests.byRoute['POST /v2/contact_center/queues']).toBe(5);
    expect(requests.byRoute['POST /v2/contact_center/skills']).toBe(8);
    expect(Object.values(await control('GET', '/objects/queue_agents')).flat()).toHaveLength(19);
    expect(Object.values(await control('GET', '/objects/queue_supervisors')).flat()).toHaveLength(3);
    const supportId = ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>).find(
      (q) => q.queue_name === 'Support',
    )!.queue_id;
    expect(Object.keys((await control('GET', '/objects/queue_operating_hours'))[supportId])).toEqual(['business_hour_id', 'closure_set_id']);
    expect((await control('GET', '/objects/queue_dispositions'))[supportId]).toHaveLength(1);
    expect((await control('GET', '/objects/queue_disposition_sets'))[supportId]).toHaveLength(1);
    const ivrId = ((await control('GET', '/objects/flows')) as Array<{ flow_id: string; flow_name: string }>).find((f) => f.flow_name === 'Main IVR')!.flow_id;
    expect((await control('GET', '/objects/flow_entry_points'))[ivrId]).toEqual([{ entry_id: 'ep_phone_2', entry_language: 'en-US' }]);
    expect(Object.values(await control('GET', '/objects/inbox_queues'))).toEqual([[supportId]]);
    expect(Object.values(await control('GET', '/objects/team_agents')).flat()).toHaveLength(8);
    await expectNoChanges(stack);

    // A change made in the console: refresh records it, up puts the declared value back.
    const [support] = ((await control('GET', '/objects/queues')) as Array<{ queue_id: string; queue_name: string }>).filter((q) => q.queue_name === 'Support');
    await control('PATCH', `/objects/queues/${support.queue_id}`, { max_wait_time: 999, service_level_target_in_percentage: 50 });
    await stack.refresh({ onOutput: outputCollector().onOutput });
    expect((await stack.up({ onOutput: outputCollector().onOutput })).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(((await control('GET', '/objects/queues')) as Array<Record<string, unknown>>).find((q) => q.queue_id === support.queue_id)).toMatchObject({
      max_wait_time: 300,
      service_level_target_in_percentage: 80,
    });
    await expectNoChanges(stack);

    await stack.destroy({ onOutput: outputCollector().onOutput });
    expect(await control('GET', '/objects/queues')).toEqual([]);
    expect(await control('GET', '/objects/skills')).toEqual([]);
    expect(await control('GET', '/objects/agent_routing_profiles')).toEqual([]);
    expect(await control('GET', '/objects/dispositions')).toEqual([]);
    expect((await control('GET', '/objects/inboxes')).map((row: { inbox_id: string }) => row.inbox_id)).toEqual(['inbox_default']);
    expect((await control('GET', '/objects/teams')).map((row: { team_id: string }) => row.team_id)).toEqual(['team_root']);
    // What is left is what a new account has: its default hours and closures.
    expect((await control('GET', '/objects/business_hours')).map((row: { business_hour_id: string }) => row.business_hour_id)).toEqual(['bh_default']);
    expect((await control('GET', '/objects/closure_sets')).map((row: { closure_set_id: string }) => row.closure_set_id)).toEqual(['cs_default']);

    // Every request the client sent and every answer, checked against ../shared/zoom-cc-official-api.md.
    const log = (await control('GET', '/requests')) as { entries: LoggedRequest[] };
    const report = checkTraffic(log.entries, parseOfficialApi());
    console.log(
      `contact-center conformance: ${report.checked} requests checked over ${Object.keys(report.byOperation).length} operations, ${report.mismatches.length} mismatches, ${report.unknownOperations.length} unknown operations`,
    );
    expect(report.unknownOperations).toEqual([]);
    expect(report.mismatches).toEqual([]);
  });
});
