import { create, read, remove, update } from '../../provider/handlers';
import { getClient } from '../../provider/runtime';
import { getUser, getUsers } from '../../sdk/lookups';
import { getQueue, getSkill, getSkillCategory } from '../../sdk/generated/lookups';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';
import { consoleCalls } from '../support/consoleCalls';

/**
 * Every kind, through the engine and the lookups, then every recorded request and answer checked against
 * ../shared/zoom-cc-official-api.md.
 */
jest.setTimeout(60_000);

const emulator = useEmulatorEnv({ plan: 'business' });
const control = (method: string, route: string, body?: unknown) => callControl(emulator(), method, route, body);

it('client requests and emulator answers match the official document for every migrated kind', async () => {
  await control('DELETE', '/requests');
  const category = await create('SkillCategory', { name: 'Tiers', skillType: 'proficiency', maxProficiencyLevel: 3 });
  const skill = await create('Skill', { name: 'Gold', skillCategoryId: category.id });
  await update('Skill', skill.id, skill.outs, { name: 'Platinum', skillCategoryId: category.id });
  const agentProfile = await create('AgentRoutingProfile', {
    name: 'Tiered',
    waitTimeAgentInSeconds: 45,
    priorities: [{ categoryType: 'skill', skillCategoryId: category.id, minimumProficiencyLevel: 2, backupSkills: [{ backupSkillId: skill.id }] }],
    timeSteps: [30, 60],
  });
  const consumerProfile = await create('ConsumerRoutingProfile', {
    name: 'Loyal first',
    topPriorities: [{ attributeType: 'returning_customer', parameter: { maxReturningMinutes: 60 } }],
    accumulatedPriorities: [
      { attributeType: 'global_variable', incrementalRate: 0.5, parameter: { variableId: 'v1', operator: 'equal_to', comparedValue: 'gold' } },
    ],
  });
  const overflow = await create('Queue', { name: 'Overflow', channel: 'voice' });
  const queueInputs = {
    name: 'Main',
    channel: 'voice',
    maxWaitTime: 120,
    shortAbandon: { enable: true, threshold: 4 },
    overflowToQueueId: overflow.id,
    serviceLevelTargetInPercentage: 90,
    agentRoutingProfileId: agentProfile.id,
    consumerRoutingProfileId: consumerProfile.id,
  };
  const queue = await create('Queue', queueInputs);
  await read('Queue', queue.id!, queue.outs);
  await update('Queue', queue.id!, queue.outs, { ...queueInputs, maxWaitTime: 90, description: 'Main line' });
  const chat = await create('Queue', { name: 'Chat', channel: 'messaging', messageAccept: 'auto', autoCloseTimeout: 600 });
  const members = await create('QueueMembers', { queueId: queue.id, userIds: ['agent_004', 'agent_005'], mode: 'exclusive' });
  await update('QueueMembers', queue.id!, members.outs, { queueId: queue.id, userIds: ['agent_005', 'agent_006'], mode: 'exclusive' });
  const supervisors = await create('QueueSupervisors', { queueId: queue.id, userIds: ['agent_001'], mode: 'exclusive' });
  const single = await create('QueueAgent', { queueId: chat.id, userId: 'agent_007' });
  const lead = await create('QueueSupervisor', { queueId: chat.id, userId: 'agent_002' });
  const flowInputs = {
    name: 'Front door',
    definition: { studioType: 0, studioScope: 1, nodes: [{ id: 'start', type: 'Start', transitions: [] }] },
    publish: true,
  };
  const flow = await create('Flow', flowInputs);
  // Without a recorded modification time the read cannot be answered from the flow list: GET and export.
  await read('Flow', flow.id!, { ...flow.outs, lastModifiedTime: undefined });
  await update(
    'Flow',
    flow.id!,
    { ...flow.outs, ...flowInputs },
    {
      ...flowInputs,
      description: 'Main number',
      definition: { ...flowInputs.definition, nodes: [{ id: 'start', type: 'RouteTo', properties: { queueId: 'q' } }] },
    },
  );
  const skills = await create('UserSkills', { userId: 'agent_005', skills: [{ skillId: skill.id, proficiencyLevel: 2 }], mode: 'exclusive' });
  await update('AgentRoutingProfile', agentProfile.id!, agentProfile.outs, {
    name: 'Tiered',
    description: 'By tier',
    waitTimeAgentInSeconds: 30,
    priorities: [{ categoryType: 'skill', skillCategoryId: category.id }],
  });
  await update('ConsumerRoutingProfile', consumerProfile.id!, consumerProfile.outs, { name: 'Loyal first', description: 'Returning callers' });
  await getUsers({ active: true });
  await getUser({ email: (await getUsers({ search: 'agent' }))[0]?.email ?? 'ada.lovelace1@example.com' }).catch(() => undefined);
  await getUser({ userId: 'agent_003' });
  await getQueue({ name: 'Main' });
  await getSkillCategory({ name: 'Tiers' });
  await getSkill({ name: 'Platinum', skillCategoryId: category.id! });
  await consoleCalls(getClient()).listUserQueues('agent_005');
  await consoleCalls(getClient()).listSkillUsers(skill.id!);
  await consoleCalls(getClient()).setQueueAgentOptInOut(queue.id!, 'agent_005', 1);
  // The operational endpoints (Part 2 of the document).
  const range = { from: '2024-01-01', to: '2024-01-31' };
  const [engagement] = await consoleCalls(getClient()).listEngagements({ ...range, channel: 'voice', direction: 'inbound' });
  await consoleCalls(getClient()).getEngagement(engagement.engagement_id);
  await consoleCalls(getClient()).listEngagementEvents(engagement.engagement_id);
  await consoleCalls(getClient()).listRecordings(range);
  await consoleCalls(getClient()).listSms(range);
  await consoleCalls(getClient()).agentPerformanceDataset(range);
  await consoleCalls(getClient()).queuePerformanceDataset(range);
  for (const [kind, made] of [
    ['UserSkills', skills],
    ['QueueSupervisor', lead],
    ['QueueAgent', single],
    ['QueueSupervisors', supervisors],
    ['QueueMembers', members],
  ] as const) {
    await remove(kind, made.id!, made.outs);
  }
  for (const [kind, made] of [
    ['Flow', flow],
    ['Queue', chat],
    ['Queue', queue],
    ['Queue', overflow],
    ['AgentRoutingProfile', agentProfile],
    ['ConsumerRoutingProfile', consumerProfile],
    ['Skill', skill],
    ['SkillCategory', category],
  ] as const) {
    await remove(kind, made.id!, made.outs);
  }

  const log = (await control('GET', '/requests')) as {
    entries: Array<{ method: string; path: string; query: string; body?: unknown; response?: unknown; status: number }>;
  };
  const report = checkTraffic(log.entries, parseOfficialApi());
  console.log(
    `conformance (integration): ${report.checked} requests checked over ${Object.keys(report.byOperation).length} operations, ${report.mismatches.length} mismatches, ${report.unknownOperations.length} unknown operations`,
  );
  expect(report.unknownOperations).toEqual([]);
  expect(report.mismatches).toEqual([]);
  expect(Object.keys(report.byOperation).length).toBeGreaterThanOrEqual(42);
  expect(
    parseOfficialApi()
      .filter((op) => op.part === 2)
      .every((op) => `${op.method} ${op.template}` in report.byOperation),
  ).toBe(true);
  expect(Object.keys(report.byOperation)).toEqual(
    expect.arrayContaining([
      'POST /contact_center/flows',
      'GET /contact_center/flows/{flowId}/export',
      'PUT /contact_center/flows/{flowId}/publish',
      'PATCH /contact_center/flows/{flowId}',
    ]),
  );
});
