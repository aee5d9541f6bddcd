import * as zcc from 'zcc-pulumi';

// A whole contact center. Credentials come from stack config (zcc:accountId, zcc:clientId, zcc:clientSecret as a
// secret, zcc:baseUrl) or from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZCC_BASE_URL.
// `make demo` runs it against the local emulator.

// Two skill categories and eight skills.
const languages = new zcc.SkillCategory('spoken-languages', { name: 'Spoken languages', skillType: 'proficiency', maxProficiencyLevel: 5 });
const products = new zcc.SkillCategory('product-lines', { name: 'Product lines', skillType: 'text', description: 'What agents can sell and support' });
const skills: Record<string, zcc.Skill> = {};
for (const language of ['English', 'Spanish', 'German', 'French']) {
  skills[language] = new zcc.Skill(`language-${language.toLowerCase()}`, { name: language, skillCategoryId: languages.skillCategoryId });
}
for (const product of ['Billing', 'Hardware', 'Software', 'Subscriptions']) {
  skills[product] = new zcc.Skill(`product-${product.toLowerCase()}`, { name: product, skillCategoryId: products.skillCategoryId });
}

// Two routing profiles, linked from the queues: agents by spoken language, callers returning within a day first.
const frontline = new zcc.AgentRoutingProfile('frontline', {
  name: 'Frontline',
  description: 'Language-matched agents',
  waitTimeAgentInSeconds: 60,
  priorities: [
    { categoryType: 'skill', skillCategoryId: languages.skillCategoryId, minimumProficiencyLevel: 2, timeStep: 30, defaultSkillId: skills.English.skillId },
  ],
});
const returningFirst = new zcc.ConsumerRoutingProfile('returning-first', {
  name: 'Returning callers first',
  topPriorities: [{ attributeType: 'returning_customer', parameter: { maxReturningMinutes: 1440 } }],
  accumulatedPriorities: [{ attributeType: 'entrance_to_queue', incrementalRate: 1 }],
});

// Five queues on different channels. ZCC creates a queue with its name, description and channel; the other
// settings are applied right after.
const support = new zcc.Queue('support', {
  name: 'Support',
  description: 'Tier 1 support for all customers',
  channel: 'voice',
  maxWaitTime: 300,
  wrapUpTime: 30,
  shortAbandon: { enable: true, threshold: 5 },
  serviceLevelThresholdInSeconds: 20,
  serviceLevelTargetInPercentage: 80,
  agentRoutingProfileId: frontline.agentRoutingProfileId,
  consumerRoutingProfileId: returningFirst.consumerRoutingProfileId,
});
const sales = new zcc.Queue('sales', { name: 'Sales', channel: 'voice', maxWaitTime: 120, overflowToQueueId: support.queueId });
const vip = new zcc.Queue('vip', { name: 'VIP video', channel: 'video', maxWaitTime: 60, consumerRoutingProfileId: returningFirst.consumerRoutingProfileId });
const messaging = new zcc.Queue('messaging', {
  name: 'Messaging',
  description: 'SMS and chat follow-ups',
  channel: 'messaging',
  messageAccept: 'auto',
  autoCloseTimeout: 900,
  autoCloseMessageEnabled: true,
  autoCloseMessage: 'We closed this conversation after 15 minutes without a reply.',
});
const backOffice = new zcc.Queue('back-office', { name: 'Back office', channel: 'email', maxWaitTime: 3600 });

// Two flows, as Zoom Studio exports them (studioType is the channel: 0 voice, 1 messaging): a published IVR read
// from its exported file, and a chat bot left as a draft.
const ivr = new zcc.Flow('main-ivr', { name: 'Main IVR', publish: true, definition: zcc.readFlowFile('flows/main-ivr.json') });
const chatBot = new zcc.Flow('chat-bot', {
  name: 'Chat bot',
  definition: {
    studioType: 1,
    studioScope: 1,
    nodes: [
      { id: 'start', type: 'Start', transitions: [{ to: 'greet' }] },
      { id: 'greet', type: 'SendMedia', properties: { text: 'Hi! How can we help?' }, transitions: [{ to: 'handoff' }] },
      { id: 'handoff', type: 'RouteTo', properties: { queueName: 'Messaging' }, transitions: [] },
    ],
  },
});

// When the support queue is open: office hours on weekdays, closed on holidays. The other queues follow the
// account's default hours and closures.
const officeHours = new zcc.BusinessHours('office-hours', {
  name: 'Office hours',
  timezone: 'Europe/Berlin',
  hours: {
    hourType: 'custom',
    customHours: (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((day) => ({
      dayOfWeek: day,
      customHourType: 'hours' as const,
      customHourRanges: [{ startTime: '08:00', endTime: '18:00' }],
    })),
  },
});
const holidays = new zcc.ClosureSet('holidays', {
  name: 'Public holidays',
  timezone: 'Europe/Berlin',
  closures: [
    { closureName: 'New Year', closureHourType: 'allDay', startTime: '2027-01-01T00:00', endTime: '2027-01-01T23:59', recurringFrequency: 'none' },
    { closureName: 'Christmas', closureHourType: 'allDay', startTime: '2027-12-25T00:00', endTime: '2027-12-26T23:59', recurringFrequency: 'none' },
  ],
});
new zcc.QueueOperatingHours('support-hours', { queueId: support.queueId, businessHourId: officeHours.businessHourId, closureSetId: holidays.closureSetId });

// Wrap-up codes agents pick after a support call: two on their own, and a set of outcomes.
const resolved = new zcc.Disposition('resolved', { name: 'Resolved', description: 'Nothing more to do' });
const followUp = new zcc.Disposition('follow-up', {
  name: 'Follow-up',
  dispositionType: 'multi_level',
  subDispositions: [
    { subDispositionName: 'Callback', currentIndex: 1, parentIndex: 0 },
    { subDispositionName: 'Email', currentIndex: 2, parentIndex: 0 },
  ],
});
const escalated = new zcc.Disposition('escalated', { name: 'Escalated' });
const outcomes = new zcc.DispositionSet('outcomes', { name: 'Support outcomes', dispositionIds: [followUp.dispositionId, escalated.dispositionId] });
new zcc.QueueDispositions('support-dispositions', {
  queueId: support.queueId,
  dispositionIds: [resolved.dispositionId],
  dispositionSetIds: [outcomes.dispositionSetId],
});

// The main IVR answers the account's second number, found by the number itself.
const mainLine = zcc.getEntryPoint({ channel: 'voice', number: '+16505550101' });
new zcc.FlowEntryPoints('main-ivr-numbers', {
  flowId: ivr.flowId,
  entryPoints: [{ entryId: mainLine.then((entry) => entry.entryId), entryLanguage: 'en-US' }],
});

// Voicemail for the support queue; destroying the stack deletes the inbox with its messages (say so explicitly).
const voicemail = new zcc.Inbox('support-voicemail', {
  name: 'Support voicemail',
  voicemail: { voicemailTranscription: true, voicemailTimeLimit: 5 },
  deleteMessagesOnDelete: true,
});
new zcc.InboxQueues('support-voicemail-queues', { inboxId: voicemail.inboxId, queueIds: [support.queueId] });

// Twenty memberships, from active users looked up in the account: 8 + 5 + 3 + 2 + 2.
const staff = zcc.getUsers({ active: true }).then((all) => all.filter((user) => user.roleName === 'Agent').map((user) => user.userId));
const slice = (from: number, to: number) => staff.then((ids) => ids.slice(from, to));
new zcc.QueueMembers('support-members', { queueId: support.queueId, userIds: slice(0, 8) });
new zcc.QueueMembers('sales-members', { queueId: sales.queueId, userIds: slice(8, 13) });
new zcc.QueueMembers('vip-members', { queueId: vip.queueId, userIds: slice(13, 16), mode: 'additive' });
new zcc.QueueMembers('messaging-members', { queueId: messaging.queueId, userIds: slice(16, 18) });
new zcc.QueueAgent('back-office-agent', { queueId: backOffice.queueId, userId: staff.then((ids) => ids[18]) });
// Supervisors: a user found by email supervises the back office; the support queue has two.
const lead = zcc.getUser({ email: 'ada.lovelace1@example.com' });
new zcc.QueueSupervisor('back-office-supervisor', { queueId: backOffice.queueId, userId: lead.then((user) => user.userId) });
const supervisors = zcc.getUsers({ search: '@example.com' }).then((all) => all.filter((user) => user.roleName === 'Supervisor').map((user) => user.userId));
new zcc.QueueSupervisors('support-supervisors', { queueId: support.queueId, userIds: supervisors.then((ids) => ids.slice(0, 2)) });

// A team under the account's root team, with the support agents.
const root = zcc.getTeam({ name: 'All teams' });
const tier1 = new zcc.Team('tier-1', { name: 'Tier 1', description: 'First-line support', parentTeamId: root.then((team) => team.teamId) });
new zcc.TeamMembers('tier-1-agents', { teamId: tier1.teamId, userIds: slice(0, 8) });

export const queueIds = {
  support: support.queueId,
  sales: sales.queueId,
  vip: vip.queueId,
  messaging: messaging.queueId,
  backOffice: backOffice.queueId,
};
export const flows = { ivr: ivr.status, chatBot: chatBot.status };
export const frontlineProfileId = frontline.agentRoutingProfileId;
export const skillIds = Object.fromEntries(Object.entries(skills).map(([name, skill]) => [name, skill.skillId]));
