import * as zcc from 'zcc-pulumi';

// Credentials come from stack config (zcc:accountId, zcc:clientId, zcc:clientSecret as a secret, zcc:baseUrl)
// or from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZCC_BASE_URL.

const support = new zcc.Queue('support', {
  name: 'Support',
  description: 'Tier 1 support for all customers',
  channels: ['voice', 'chat'],
  routingMethod: 'skills_based',
  maxWaitTime: 300,
});

const sales = new zcc.Queue('sales', { name: 'Sales', channels: ['voice'], routingMethod: 'longest_idle', maxWaitTime: 120 });

const messaging = new zcc.Queue('messaging', {
  name: 'Messaging',
  description: 'SMS and email follow-ups',
  channels: ['sms', 'email'],
  routingMethod: 'round_robin',
});

// An existing category, found by name; a new one declared here.
const languages = zcc.getSkillCategory({ name: 'Languages' });
const tiers = new zcc.SkillCategory('tiers', { name: 'Support tiers', skillType: 'proficiency', maxProficiencyLevel: 3 });

for (const language of ['English', 'Spanish', 'German']) {
  new zcc.Skill(language.toLowerCase(), { name: language, skillCategoryId: languages.then((c) => c.skillCategoryId) });
}
new zcc.Skill('billing-expert', { name: 'Billing', skillCategoryId: tiers.skillCategoryId });

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

const frontline = new zcc.RoutingProfile('frontline', {
  name: 'Frontline',
  description: 'Agents who take voice and chat',
  queueIds: [support.queueId, sales.queueId],
});

export const queueIds = { support: support.queueId, sales: sales.queueId, messaging: messaging.queueId };
export const flow = { id: ivr.flowId, status: ivr.status };
export const routingProfileId = frontline.routingProfileId;
