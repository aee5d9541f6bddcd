import { conflict, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import type { IpBlockRuleRow, PhoneBlockRuleRow } from '../state';
import { asBody, enumField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Block list rules (`/contact_center/block_list_rules/phone_numbers` and `…/ip_addresses`), in the official shapes:
 * created and deleted in batches, read one by one or listed, never changed (the document has no PATCH). The emulator
 * refuses a second rule for the same number (and match type) or address (409), an assumption the README states.
 */
const STATUSES = ['active', 'inactive'] as const;
const E164ISH = /^\+?[0-9]{2,15}$/;
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;

function listOf(body: Body, field: string): Body[] {
  const value = body[field];
  if (!Array.isArray(value) || value.length === 0) throw invalidField(field, 'Expected a non-empty list of rules.');
  if (value.length > 30) throw invalidField(field, 'At most 30 rules per call.');
  return value.map((item) => asBody(item));
}

function stringSet<T extends string>(rule: Body, field: string, allowed: readonly T[]): T[] {
  const value = rule[field];
  if (!Array.isArray(value) || value.length === 0) throw invalidField(field, `Expected a non-empty list of: ${allowed.join(', ')}.`);
  return value.map((item) => enumField({ [field]: item }, field, allowed, true)!);
}

export function registerBlockListRoutes(route: ReturnType<typeof defineRoutes>) {
  const phoneView = (row: PhoneBlockRuleRow) => ({ ...row });
  route('GET', '/contact_center/block_list_rules/phone_numbers', 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.phoneBlockRules
      .all()
      .filter((row) => (q.match_type === undefined || row.match_type === q.match_type) && (q.status === undefined || row.status === q.status))
      .filter((row) => typeof q.phone_number !== 'string' || q.phone_number === '' || row.phone_number === q.phone_number);
    return { body: paginate(rows.map(phoneView), q, 'phone_block_list_rules', 300) };
  });
  route('POST', '/contact_center/block_list_rules/phone_numbers', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['phone_block_list_rules']);
    const rules = listOf(body, 'phone_block_list_rules').map((rule) => {
      rejectUnknownFields(rule, ['status', 'match_type', 'country_iso_code', 'phone_number', 'exceptions', 'direction', 'channel', 'comment']);
      const matchType = enumField(rule, 'match_type', ['phone_number', 'prefix'] as const, true)!;
      const phone = stringField(rule, 'phone_number', { required: true, min: 1, max: 20 })!;
      if (!E164ISH.test(phone)) throw invalidField('phone_number', 'Expected digits, optionally after a +.');
      const exceptions = rule.exceptions === undefined ? undefined : (rule.exceptions as unknown[]).map(String);
      if (exceptions && matchType !== 'prefix') throw invalidField('exceptions', 'Only a prefix rule has exceptions.');
      if (state.phoneBlockRules.all().some((row) => row.phone_number === phone && row.match_type === matchType))
        throw conflict(`A ${matchType} block list rule for ${phone} already exists.`);
      const at = now();
      return {
        phone_block_list_rule_id: state.phoneBlockRules.nextId(),
        status: enumField(rule, 'status', STATUSES, true)!,
        match_type: matchType,
        country_iso_code: stringField(rule, 'country_iso_code', { required: true, min: 2, max: 2 })!,
        phone_number: phone,
        ...(exceptions ? { exceptions } : {}),
        direction: stringSet(rule, 'direction', ['inbound', 'outbound'] as const),
        channel: stringSet(rule, 'channel', ['voice', 'sms'] as const),
        ...(rule.comment !== undefined ? { comment: stringField(rule, 'comment', { max: 256 }) } : {}),
        created_time: at,
        last_modified_time: at,
      } as PhoneBlockRuleRow;
    });
    for (const rule of rules) state.phoneBlockRules.insert(rule);
    return { status: 201, body: { phone_block_list_rules: rules.map(phoneView) } };
  });
  route('DELETE', '/contact_center/block_list_rules/phone_numbers', 'light', (request, { state }) => {
    const ids = deletedIds(asBody(request.body), 'phone_block_list_rule_ids');
    for (const id of ids) if (!state.phoneBlockRules.get(id)) throw notFound('Phone block list rule', id);
    for (const id of ids) state.phoneBlockRules.delete(id);
    return { status: 204 };
  });
  route('GET', '/contact_center/block_list_rules/phone_numbers/:phoneBlockListRuleId', 'light', (request, { state }) => {
    const row = state.phoneBlockRules.get(params(request).phoneBlockListRuleId);
    if (!row) throw notFound('Phone block list rule', params(request).phoneBlockListRuleId);
    return { body: phoneView(row) };
  });

  route('GET', '/contact_center/block_list_rules/ip_addresses', 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.ipBlockRules
      .all()
      .filter(
        (row) =>
          (q.status === undefined || row.status === q.status) && (typeof q.ip_address !== 'string' || q.ip_address === '' || row.ip_address === q.ip_address),
      );
    return { body: paginate(rows, q, 'ip_address_block_list_rules', 300) };
  });
  route('POST', '/contact_center/block_list_rules/ip_addresses', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['ip_address_block_list_rules']);
    const rules = listOf(body, 'ip_address_block_list_rules').map((rule) => {
      rejectUnknownFields(rule, ['status', 'match_type', 'ip_address', 'comment']);
      enumField(rule, 'match_type', ['ip_address'] as const, true);
      const address = stringField(rule, 'ip_address', { required: true, min: 7, max: 18 })!;
      if (!IPV4.test(address)) throw invalidField('ip_address', 'Expected an IPv4 address, optionally with a /prefix.');
      if (state.ipBlockRules.all().some((row) => row.ip_address === address)) throw conflict(`A block list rule for ${address} already exists.`);
      const at = now();
      return {
        ip_address_block_list_rule_id: state.ipBlockRules.nextId(),
        ip_address: address,
        match_type: 'ip_address',
        status: enumField(rule, 'status', STATUSES, true)!,
        ...(rule.comment !== undefined ? { comment: stringField(rule, 'comment', { max: 256 }) } : {}),
        created_time: at,
        last_modified_time: at,
      } as IpBlockRuleRow;
    });
    for (const rule of rules) state.ipBlockRules.insert(rule);
    return { status: 201, body: { ip_address_block_list_rules: rules } };
  });
  route('DELETE', '/contact_center/block_list_rules/ip_addresses', 'light', (request, { state }) => {
    const ids = deletedIds(asBody(request.body), 'ip_address_block_list_rule_ids');
    for (const id of ids) if (!state.ipBlockRules.get(id)) throw notFound('IP address block list rule', id);
    for (const id of ids) state.ipBlockRules.delete(id);
    return { status: 204 };
  });
  route('GET', '/contact_center/block_list_rules/ip_addresses/:ipAddressBlockListRuleId', 'light', (request, { state }) => {
    const row = state.ipBlockRules.get(params(request).ipAddressBlockListRuleId);
    if (!row) throw notFound('IP address block list rule', params(request).ipAddressBlockListRuleId);
    return { body: row };
  });
}

function deletedIds(body: Body, field: string): string[] {
  rejectUnknownFields(body, [field]);
  const ids = body[field];
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw invalidField(field, 'Expected a non-empty list of ids.');
  return ids as string[];
}
