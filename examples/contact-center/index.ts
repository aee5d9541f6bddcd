import * as zcc from 'zcc-pulumi';

// A whole contact center. Credentials come from stack config (zcc:accountId, zcc:clientId, zcc:clientSecret as a
// secret, zcc:baseUrl) or from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZCC_BASE_URL.
// `make demo` runs it against the local emulator.

// Five queues on different channels and routing methods.
const support = new zcc.Queue('support', {
  name: 'Support',
  description: 'Tier 1 support for all customers',
  channels: ['voice', 'chat'],
  routingMethod: 'skills_based',
  maxWaitTime: 300,
});
const sales = new zcc.Queue('sales', { name: 'Sales', channels: ['voice'], routingMethod: 'longest_idle', maxWaitTime: 120 });
const vip = new zcc.Queue('vip', { name: 'VIP video', channels: ['video'], routingMethod: 'priority', maxWaitTime: 60 });
const messaging = new zcc.Queue('messaging', { name: 'Messaging', description: 'SMS follow-ups', channels: ['sms'], routingMethod: 'round_robin' });
const backOffice = new zcc.Queue('back-office', { name: 'Back office', channels: ['email'], routingMethod: 'round_robin', maxWaitTime: 3600 });

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

// Two flows: a published IVR and a chat bot left as a draft.
const ivr = new zcc.Flow('main-ivr', {
  name: 'Main IVR',
  channel: 'voice',
  publish: true,
  definition: {
    start: { type: 'menu', prompt: 'Press 1 for sales, 2 for support', options: { '1': 'sales', '2': 'support' } },
    sales: { type: 'queue', queue: 'Sales' },
    support: { type: 'queue', queue: 'Support' },
  },
});
const chatBot = new zcc.Flow('chat-bot', {
  name: 'Chat bot',
  channel: 'chat',
  definition: { start: { type: 'bot', greeting: 'Hi! How can we help?' }, handoff: { type: 'queue', queue: 'Support' } },
});

// Two routing profiles.
const frontline = new zcc.RoutingProfile('frontline', { name: 'Frontline', description: 'Voice and chat agents', queueIds: [support.queueId, sales.queueId] });
new zcc.RoutingProfile('specialists', { name: 'Specialists', queueIds: [vip.queueId, backOffice.queueId, messaging.queueId] });

// Twenty memberships, from agents looked up in the account: 8 + 5 + 3 + 2 + 2.
const staff = zcc.getAgents().then((all) => all.map((agent) => agent.agentId));
const slice = (from: number, to: number) => staff.then((ids) => ids.slice(from, to));
new zcc.QueueMembers('support-members', { queueId: support.queueId, agentIds: slice(0, 8) });
new zcc.QueueMembers('sales-members', { queueId: sales.queueId, agentIds: slice(8, 13) });
new zcc.QueueMembers('vip-members', { queueId: vip.queueId, agentIds: slice(13, 16), mode: 'additive' });
new zcc.QueueMembers('messaging-members', { queueId: messaging.queueId, agentIds: slice(16, 18) });
// A supervisor found by email, added to the back office on its own.
const supervisor = zcc.getAgent({ email: 'ada.lovelace1@example.com' });
new zcc.QueueAgent('back-office-supervisor', { queueId: backOffice.queueId, agentId: supervisor.then((a) => a.agentId) });
new zcc.QueueAgent('back-office-agent', { queueId: backOffice.queueId, agentId: staff.then((ids) => ids[18]) });

export const queueIds = {
  support: support.queueId,
  sales: sales.queueId,
  vip: vip.queueId,
  messaging: messaging.queueId,
  backOffice: backOffice.queueId,
};
export const flows = { ivr: ivr.status, chatBot: chatBot.status };
export const frontlineProfileId = frontline.routingProfileId;
export const skillIds = Object.fromEntries(Object.entries(skills).map(([name, skill]) => [name, skill.skillId]));
