import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { isNotFound } from '../client/errors';
import { restStore } from '../engine/restStore';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { oneOf, setOf, text } from './fields';

/**
 * Block list rules (`/contact_center/block_list_rules/phone_numbers` and `…/ip_addresses`): who cannot reach the
 * contact center. The endpoints and API shapes live here, beside the specs. Zoom creates and deletes them in
 * batches and has no call that changes one, so every change replaces the rule; the rule for the same number (or
 * address) is deleted first, and the preview says the number is not blocked meanwhile.
 */
const STATUSES = ['active', 'inactive'] as const;

const phoneRuleSchema = z.object({
  phone_block_list_rule_id: z.string(),
  status: z.enum(STATUSES),
  match_type: z.enum(['phone_number', 'prefix']),
  country_iso_code: z.string(),
  phone_number: z.string(),
  exceptions: z.array(z.string()).optional(),
  direction: z.array(z.enum(['inbound', 'outbound'])),
  channel: z.array(z.enum(['voice', 'sms'])),
  comment: z.string().optional(),
  created_time: z.string().optional(),
  last_modified_time: z.string().optional(),
});
const ipRuleSchema = z.object({
  ip_address_block_list_rule_id: z.string(),
  ip_address: z.string(),
  match_type: z.literal('ip_address'),
  status: z.enum(STATUSES),
  comment: z.string().optional(),
  created_time: z.string().optional(),
  last_modified_time: z.string().optional(),
});

export const phoneBlockRulesEndpoint: Collection<z.infer<typeof phoneRuleSchema>> = {
  path: '/contact_center/block_list_rules/phone_numbers',
  objectId: 'phoneBlockListRuleId',
  listKey: 'phone_block_list_rules',
  item: phoneRuleSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const ipBlockRulesEndpoint: Collection<z.infer<typeof ipRuleSchema>> = {
  path: '/contact_center/block_list_rules/ip_addresses',
  objectId: 'ipAddressBlockListRuleId',
  listKey: 'ip_address_block_list_rules',
  item: ipRuleSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * A batch collection used one rule at a time: POST `{ <listKey>: [rule] }` (with `fixed` fields every rule of the
 * collection carries), DELETE `{ <idsField>: [id] }`.
 */
function batchStore(collection: Collection, idsField: string, item: z.ZodType, fixed: Props = {}): ObjectStore {
  const rest = restStore(collection);
  return {
    ...rest,
    create: async (client, body) => {
      const answer = await client.http.request('POST', collection.path, {
        category: collection.categories.create,
        schema: z.object({ [collection.listKey]: z.array(item).min(1) }),
        body: { [collection.listKey]: [{ ...fixed, ...body }] },
        idempotent: false,
      });
      return (answer as Record<string, Props[]>)[collection.listKey][0];
    },
    // Every input replaces the rule: there is never anything to update.
    update: async () => undefined,
    remove: async (client, id) => {
      try {
        await client.http.request<void>('DELETE', collection.path, {
          category: collection.categories.delete,
          body: { [idsField]: [id] },
          objectKey: `${collection.path}/${id}`,
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

const comment = text('A note for admins (`comment`, up to 256 characters). Changing it replaces the rule (Zoom cannot change a rule).', {
  max: 256,
}).optional();
const status = oneOf(STATUSES, '`active` (default) or `inactive`. Changing it replaces the rule.').optional();

export const phoneBlockListRuleSpec = defineSpec<z.infer<typeof phoneRuleSchema>>()({
  kind: 'PhoneBlockListRule',
  description:
    'A phone number, or a prefix with exceptions, that cannot reach (or be reached from) the contact center, per direction and channel. Zoom cannot change a rule: every change replaces it, deleting the old rule first, so the number is not blocked for a moment (the preview says so).',
  endpoint: phoneBlockRulesEndpoint,
  idField: 'phone_block_list_rule_id',
  idOutput: 'ruleId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    phoneNumber: z
      .string({ error: 'expected a string' })
      .regex(/^\+?[0-9]{2,15}$/, { error: 'expected digits, optionally after a + (E.164, e.g. "+14155550100")' })
      .describe('The number or prefix (`phone_number`). Changing it replaces the rule.'),
    matchType: oneOf(['phone_number', 'prefix'], '`phone_number` (exact) or `prefix`. Changing it replaces the rule.'),
    countryIsoCode: z
      .string({ error: 'expected a string' })
      .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter ISO country code such as "US"' })
      .describe('The country (`country_iso_code`, e.g. `US`). Changing it replaces the rule.'),
    direction: setOf(['inbound', 'outbound'], 'Which calls or messages it blocks: `inbound`, `outbound` or both. Changing it replaces the rule.'),
    channel: setOf(['voice', 'sms'], '`voice`, `sms` or both. Changing it replaces the rule.'),
    exceptions: z
      .array(z.string().regex(/^\+?[0-9]{2,15}$/, { error: 'expected digits, optionally after a +' }), { error: 'expected a list of numbers' })
      .max(100, { error: 'must list at most 100 exceptions' })
      .describe('Numbers under a `prefix` that stay allowed. Changing them replaces the rule.')
      .optional(),
    status,
    comment,
  }),
  apiFields: {
    phoneNumber: 'phone_number',
    matchType: 'match_type',
    countryIsoCode: 'country_iso_code',
    direction: 'direction',
    channel: 'channel',
    exceptions: 'exceptions',
    status: 'status',
    comment: 'comment',
  },
  serverDefaults: { status: 'active' },
  setFields: ['direction', 'channel', 'exceptions'],
  replaceOnChanges: ['phoneNumber', 'matchType', 'countryIsoCode', 'direction', 'channel', 'exceptions', 'status', 'comment'],
  naturalKey: ['phoneNumber', 'matchType'],
  uniqueName: true,
  whileReplaced: 'the number is not blocked meanwhile',
  crossFieldCheck: (inputs) =>
    inputs.exceptions !== undefined && inputs.matchType !== 'prefix' ? [['exceptions', 'are only allowed with matchType "prefix".']] : [],
  computedOutputs: (server) => ({ createdTime: server.created_time }),
  exportAs: { role: 'object' },
  outputs: { ruleId: { description: 'The rule id ZCC assigned.' }, createdTime: { description: 'When the rule was created (ISO 8601).' } },
  example: `new zcc.PhoneBlockListRule('spam-prefix', {
  phoneNumber: '+1900',
  matchType: 'prefix',
  countryIsoCode: 'US',
  direction: ['inbound'],
  channel: ['voice', 'sms'],
  exceptions: ['+19005550100'],
  comment: 'premium-rate numbers',
});`,
  store: batchStore(phoneBlockRulesEndpoint, 'phone_block_list_rule_ids', phoneRuleSchema),
});

export const ipBlockListRuleSpec = defineSpec<z.infer<typeof ipRuleSchema>>()({
  kind: 'IpBlockListRule',
  description:
    'An IP address (or IPv4 range) whose web chats and video engagements are blocked. Zoom cannot change a rule: every change replaces it, deleting the old rule first, so the address is not blocked for a moment (the preview says so).',
  endpoint: ipBlockRulesEndpoint,
  idField: 'ip_address_block_list_rule_id',
  idOutput: 'ruleId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    ipAddress: z
      .string({ error: 'expected a string' })
      .regex(/^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/, { error: 'expected an IPv4 address, optionally with a /prefix (e.g. "203.0.113.0/24")' })
      .describe('The address or range (`ip_address`). Changing it replaces the rule.'),
    status,
    comment,
  }),
  apiFields: { ipAddress: 'ip_address', status: 'status', comment: 'comment' },
  serverDefaults: { status: 'active' },
  replaceOnChanges: ['ipAddress', 'status', 'comment'],
  naturalKey: ['ipAddress'],
  uniqueName: true,
  whileReplaced: 'the address is not blocked meanwhile',
  computedOutputs: (server) => ({ createdTime: server.created_time }),
  exportAs: { role: 'object' },
  outputs: { ruleId: { description: 'The rule id ZCC assigned.' }, createdTime: { description: 'When the rule was created (ISO 8601).' } },
  example: `new zcc.IpBlockListRule('abusive-range', { ipAddress: '203.0.113.0/24', comment: 'chat spam' });`,
  store: batchStore(ipBlockRulesEndpoint, 'ip_address_block_list_rule_ids', ipRuleSchema, { match_type: 'ip_address' }),
});
