import { z } from 'zod';
import { LIGHT_WRITES, fillPath, type Collection } from '../client/endpoints';
import type { ZccClient } from '../client/client';
import { unlessNotFound } from '../client/errors';
import { restStore } from '../engine/restStore';
import { ownedSetSpec } from '../engine/ownedSet';
import { defineSpec, type Props } from '../engine/spec';
import { oneOf, text } from './fields';
import { parentId } from './ownership';
import { customFieldSpec } from './customFieldSpec';

/**
 * The lists outbound campaigns dial and must not dial (`/contact_center/outbound_campaign/contact_lists`), their
 * custom fields, and a do-not-contact list's phone numbers (`…/dnc_lists/{id}/phones`). The endpoints and API shapes
 * live here. A list's contacts are customer data, not configuration: this package does not manage them. A
 * do-not-contact list's numbers are different: they are the rule "never call these", which a compliance team keeps
 * as code, so `DncListPhones` manages them as an owned set.
 */
export const CONTACT_DATA_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'percent', 'currency', 'date_time', 'pick_list'] as const;
const LIST_TYPES = ['contact', 'do_not_contact'] as const;

const listSchema = z.object({
  contact_list_id: z.string(),
  contact_list_name: z.string(),
  contact_list_description: z.string().default(''),
  contacts_count: z.number().optional(),
  contact_list_type: z.enum(LIST_TYPES).optional(),
});
const customFieldSchema = z.object({
  custom_field_id: z.string(),
  custom_field_name: z.string(),
  data_type: z.enum(CONTACT_DATA_TYPES),
  default_value: z.string().optional(),
  pick_list_values: z.array(z.string()).optional(),
  contact_list_ids: z.array(z.string()).optional(),
  use_as_routing_profile_parameter: z.boolean().optional(),
  use_as_external_url_parameter: z.boolean().optional(),
  show_in_transferred_calls: z.boolean().optional(),
  allow_third_party_access: z.boolean().optional(),
  show_in_inbound_notification: z.boolean().optional(),
  show_in_profile_tab: z.boolean().optional(),
});
const dncPhoneSchema = z.object({ phone_id: z.string(), phone_number: z.string() });

export const contactListsEndpoint: Collection<z.infer<typeof listSchema>> = {
  path: '/contact_center/outbound_campaign/contact_lists',
  objectId: 'contactListId',
  listKey: 'contact_lists',
  item: listSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};
export const contactListCustomFieldsEndpoint: Collection<z.infer<typeof customFieldSchema>> = {
  path: '/contact_center/outbound_campaign/contact_list_custom_fields',
  objectId: 'customFieldId',
  listKey: 'custom_fields',
  item: customFieldSchema,
  maxPageSize: 100,
  categories: LIGHT_WRITES,
};
export const dncListPhonesEndpoint: Collection<z.infer<typeof dncPhoneSchema>> = {
  path: '/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones',
  objectId: '',
  listKey: 'dnc_list_phones',
  item: dncPhoneSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

export const campaignContactListSpec = defineSpec<z.infer<typeof listSchema>>()({
  kind: 'CampaignContactList',
  description:
    "A list an outbound campaign dials (`contact`) or must never dial (`do_not_contact`): its name, description and type, not its contacts (customer data, which this package leaves alone; a do-not-contact list's numbers are `DncListPhones`). Deleting it deletes its contacts, so it needs `deleteContactsOnDelete: true`: without it the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`).",
  endpoint: contactListsEndpoint,
  idField: 'contact_list_id',
  idOutput: 'contactListId',
  inputSchema: z.strictObject({
    name: text('List name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    type: oneOf(
      LIST_TYPES,
      'What the list is for: `contact` (numbers to dial) or `do_not_contact`. Defaults to contact. Changing it replaces the list.',
    ).optional(),
    deleteContactsOnDelete: z
      .boolean({ error: 'expected true or false' })
      .describe('When this resource is deleted, delete the list and every contact (or number) in it. No default: set it before deleting.')
      .optional(),
  }),
  apiFields: { name: 'contact_list_name', description: 'contact_list_description', type: 'contact_list_type' },
  serverDefaults: { description: '', type: 'contact' },
  replaceOnChanges: ['type'],
  uniqueName: true,
  whileReplaced: 'campaigns that use the list cannot dial it meanwhile',
  naturalKey: ['name'],
  deleteNeedsOneOf: ['deleteContactsOnDelete'],
  onDelete: (inputs) =>
    inputs.deleteContactsOnDelete === true
      ? 'deletes the contact list and every contact (or number) in it'
      : 'refused: deleting the contact list needs deleteContactsOnDelete: true (its contacts are deleted with it)',
  computedOutputs: (server) => ({ contactsCount: server.contacts_count }),
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      contactListId: { from: 'contact_list_id', type: 'string', required: true, description: 'The contact list id.' },
      name: { from: 'contact_list_name', type: 'string', required: true, description: 'The name.' },
      type: { from: 'contact_list_type', type: 'string', description: 'contact or do_not_contact.' },
      contactsCount: { from: 'contacts_count', type: 'number', description: 'How many contacts (or numbers) it holds.' },
    },
  },
  outputs: {
    contactListId: { description: 'The contact list id ZCC assigned.' },
    contactsCount: { description: 'How many contacts (or numbers) it holds (read only).', type: 'number' },
  },
  example: `const doNotCall = new zcc.CampaignContactList('do-not-call', { name: 'Do not call', type: 'do_not_contact', deleteContactsOnDelete: false });`,
  store: {
    ...restStore(contactListsEndpoint),
    // The list's items do not say their type: one list per type, which says it.
    list: async (client) => {
      const byType = await Promise.all(
        LIST_TYPES.map(async (type) =>
          (await client.listOf(contactListsEndpoint, [], { contact_list_type: type })).map((item) => ({ ...item, contact_list_type: type })),
        ),
      );
      return byType.flat() as Props[];
    },
    remove: async (client, id, previous) => {
      if (previous.deleteContactsOnDelete !== true)
        throw new Error(
          `Contact list ${id} was not deleted: deleting it deletes its contacts, which needs deleteContactsOnDelete: true. Set it, run up, then remove the list.`,
        );
      await unlessNotFound(() => client.deleteOne(contactListsEndpoint, [id]));
    },
  },
});

export const contactListCustomFieldSpec = customFieldSpec({
  kind: 'ContactListCustomField',
  contacts: 'campaign contacts',
  endpoint: contactListCustomFieldsEndpoint,
  dataTypes: CONTACT_DATA_TYPES,
  holders: { input: 'contactListIds', field: 'contact_list_ids', kind: 'CampaignContactList', noun: 'contact lists' },
  ownInputs: { flags: { allowThirdPartyAccess: ['allow_third_party_access', 'Let third-party integrations read it.'] } },
  example: `new zcc.ContactListCustomField('account-tier', {
  name: 'Account tier',
  dataType: 'pick_list',
  pickListValues: ['gold', 'silver'],
  contactListIds: [renewalList.contactListId],
});`,
  store: restStore(contactListCustomFieldsEndpoint),
});

/** E.164, which Zoom's DNC numbers are written in (a leading +, then 7 to 15 digits). */
const E164 = /^\+[1-9]\d{6,14}$/;

/** The list's numbers now, with the ids a removal names them by. */
const readPhones = (client: ZccClient, listId: string) => client.listOf(dncListPhonesEndpoint, [listId]);

export const dncListPhonesSpec = ownedSetSpec({
  kind: 'DncListPhones',
  description:
    'The phone numbers of a do-not-contact list (E.164): the numbers campaigns that name the list never dial. `exclusive` (default) makes the list hold exactly these numbers, removing the others; `additive` adds these and only ever removes numbers it added.',
  endpoint: dncListPhonesEndpoint,
  parent: { kind: 'CampaignContactList', input: 'dncListId', noun: 'do-not-contact list', schema: parentId('do-not-contact list', 'doNotCall.contactListId') },
  lists: [
    {
      input: 'phoneNumbers',
      field: 'phone_numbers',
      noun: 'phone numbers',
      schema: z
        .array(
          z
            .string({ error: 'expected a phone number' })
            .regex(E164, { error: 'must be an E.164 number: + then 7 to 15 digits, no spaces (e.g. +14155550100)' })
            .describe('A phone number (E.164).'),
          { error: 'expected a list of phone numbers' },
        )
        .max(100000, { error: 'must list at most 100000 numbers' })
        .refine((numbers) => new Set(numbers).size === numbers.length, { error: 'must not list the same number twice' })
        .describe('The numbers never to dial (E.164); order does not matter.'),
    },
  ],
  harm: 'let campaigns dial every number the list held',
  parentProblem: async (client, listId) => {
    const list = await unlessNotFound(() => client.getOne(contactListsEndpoint, [listId]));
    if (!list || list.contact_list_type === undefined || list.contact_list_type === 'do_not_contact') return undefined;
    return `names contact list ${JSON.stringify(list.contact_list_name)} (${listId}), a list of contacts: only a do-not-contact list (type: "do_not_contact") holds numbers.`;
  },
  calls: {
    read: async (client, listId) => ({ phone_numbers: (await readPhones(client, listId)).map((phone) => phone.phone_number) }),
    add: (client, listId, _field, numbers) => client.addTo<void>(dncListPhonesEndpoint, [listId], { phone_numbers: numbers }),
    // Zoom removes numbers by their ids, which only its list gives: read them, then remove the ones still there.
    remove: async (client, listId, _field, numbers) => {
      const wanted = new Set(numbers.map(String));
      const ids = (await readPhones(client, listId)).filter((phone) => wanted.has(phone.phone_number)).map((phone) => phone.phone_id);
      if (ids.length === 0) return;
      await client.http.request<void>('DELETE', fillPath(dncListPhonesEndpoint.path, [listId]), {
        category: dncListPhonesEndpoint.categories.delete,
        body: { phone_ids: ids },
        idempotent: true,
        objectKey: `dnc:${listId}`,
      });
    },
    addBatch: 300,
    removeBatch: 300,
  },
  exportHints: { ownerCount: 'contacts_count', nameSuffix: 'numbers', ownerIf: (list) => list.contact_list_type === 'do_not_contact' },
  example: `new zcc.DncListPhones('do-not-call-numbers', { dncListId: doNotCall.contactListId, phoneNumbers: ['+14155550100', '+14155550101'] });`,
});
