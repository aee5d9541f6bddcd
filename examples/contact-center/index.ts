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

const sales = new zcc.Queue('sales', {
  name: 'Sales',
  channels: ['voice'],
  routingMethod: 'longest_idle',
  maxWaitTime: 120,
});

const messaging = new zcc.Queue('messaging', {
  name: 'Messaging',
  description: 'SMS and email follow-ups',
  channels: ['sms', 'email'],
  routingMethod: 'round_robin',
});

export const queueIds = { support: support.queueId, sales: sales.queueId, messaging: messaging.queueId };
