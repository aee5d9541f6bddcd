import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import { restStore } from '../engine/restStore';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { text, zoomId } from './fields';
import { customFieldSpec } from './customFieldSpec';

/**
 * Address book units, address books and their custom fields (`/contact_center/address_books…`). The endpoints and
 * API shapes live here, beside the specs. Contacts are customer data, not configuration: this package does not
 * manage them (docs/resources.md says so). Deleting an address book deletes its contacts (Zoom's DELETE takes no
 * option), so it needs `deleteContactsOnDelete: true`, like an inbox's messages.
 */
export const DATA_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'percent', 'currency', 'dateTime', 'pick_list'] as const;

const unitSchema = z.object({ unit_id: z.string(), unit_name: z.string(), unit_description: z.string().optional() });
const bookSchema = z.object({
  address_book_id: z.string(),
  address_book_name: z.string(),
  address_book_description: z.string().optional(),
  total_contacts: z.number().optional(),
  unit_id: z.string().optional(),
  unit_name: z.string().optional(),
  queue_ids: z.array(z.string()).optional(),
  team_ids: z.array(z.string()).optional(),
});
const customFieldSchema = z.object({
  custom_field_id: z.string(),
  custom_field_name: z.string(),
  custom_field_description: z.string().optional(),
  data_type: z.enum(DATA_TYPES),
  default_value: z.string().optional(),
  pick_list_values: z.array(z.string()).optional(),
  address_books: z.array(z.object({ address_book_id: z.string().optional(), address_book_name: z.string().optional() })).optional(),
  use_as_routing_profile_parameter: z.boolean().optional(),
  use_as_external_url_parameter: z.boolean().optional(),
  show_in_transferred_calls: z.boolean().optional(),
  show_in_inbound_notification: z.boolean().optional(),
  show_in_profile_tab: z.boolean().optional(),
});

export const addressBookUnitsEndpoint: Collection<z.infer<typeof unitSchema>> = {
  path: '/contact_center/address_books/units',
  objectId: 'unitId',
  listKey: 'units',
  item: unitSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const addressBooksEndpoint: Collection<z.infer<typeof bookSchema>> = {
  path: '/contact_center/address_books',
  objectId: 'addressBookId',
  listKey: 'address_books',
  item: bookSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};
export const addressBookCustomFieldsEndpoint: Collection<z.infer<typeof customFieldSchema>> = {
  path: '/contact_center/address_books/custom_fields',
  objectId: 'customFieldId',
  listKey: 'custom_fields',
  item: customFieldSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

export const addressBookUnitSpec = defineSpec<z.infer<typeof unitSchema>>()({
  kind: 'AddressBookUnit',
  description: 'A unit that groups address books (a team, a region, a brand).',
  endpoint: addressBookUnitsEndpoint,
  idField: 'unit_id',
  idOutput: 'unitId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    name: text('Unit name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
  }),
  apiFields: { name: 'unit_name', description: 'unit_description' },
  serverDefaults: { description: '' },
  uniqueName: true,
  naturalKey: ['name'],
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      unitId: { from: 'unit_id', type: 'string', required: true, description: 'The unit id.' },
      name: { from: 'unit_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'unit_description', type: 'string', description: 'The description.' },
    },
  },
  outputs: { unitId: { description: 'The unit id ZCC assigned.' } },
  example: `const sales = new zcc.AddressBookUnit('sales', { name: 'Sales' });`,
});

export const addressBookSpec = defineSpec<z.infer<typeof bookSchema>>()({
  kind: 'AddressBook',
  description:
    'An address book in a unit: its name and description, not its contacts (customer data, which this package leaves alone). Deleting it deletes its contacts, so it needs `deleteContactsOnDelete: true`: without it the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`).',
  endpoint: addressBooksEndpoint,
  idField: 'address_book_id',
  idOutput: 'addressBookId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    unitId: zoomId('The unit (e.g. `sales.unitId`). Changing it replaces the address book (the PATCH does not take it).'),
    name: text('Address book name, unique within its unit (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    deleteContactsOnDelete: z
      .boolean({ error: 'expected true or false' })
      .describe('When this resource is deleted, delete the address book and every contact in it. No default: set it before deleting.')
      .optional(),
  }),
  apiFields: { unitId: 'unit_id', name: 'address_book_name', description: 'address_book_description' },
  serverDefaults: { description: '' },
  replaceOnChanges: ['unitId'],
  uniqueName: true,
  naturalKey: ['name', 'unitId'],
  references: { unitId: 'AddressBookUnit' },
  deleteNeedsOneOf: ['deleteContactsOnDelete'],
  onDelete: (inputs) =>
    inputs.deleteContactsOnDelete === true
      ? 'deletes the address book and every contact in it'
      : 'refused: deleting the address book needs deleteContactsOnDelete: true (its contacts are deleted with it)',
  computedOutputs: (server) => ({ totalContacts: server.total_contacts }),
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      addressBookId: { from: 'address_book_id', type: 'string', required: true, description: 'The address book id.' },
      name: { from: 'address_book_name', type: 'string', required: true, description: 'The name.' },
      unitId: { from: 'unit_id', type: 'string', description: 'Its unit.' },
      totalContacts: { from: 'total_contacts', type: 'number', description: 'How many contacts it holds.' },
    },
    within: { arg: 'unitId', field: 'unit_id', description: 'The unit to look in: names are unique only within one.' },
  },
  outputs: {
    addressBookId: { description: 'The address book id ZCC assigned.' },
    totalContacts: { description: 'How many contacts it holds (read only: contacts are not managed).', type: 'number' },
  },
  example: `const customers = new zcc.AddressBook('customers', { unitId: sales.unitId, name: 'Customers', deleteContactsOnDelete: false });`,
  store: {
    ...restStore(addressBooksEndpoint),
    // Zoom lists address books per unit (`unit_id` is required): every unit's, one list each.
    list: async (client) => {
      const units = await client.listOf(addressBookUnitsEndpoint);
      const books = await Promise.all(units.map((unit) => client.listOf(addressBooksEndpoint, [], { unit_id: unit.unit_id })));
      return books.flat() as Props[];
    },
    remove: async (client, id, previous) => {
      if (previous.deleteContactsOnDelete !== true)
        throw new Error(
          `Address book ${id} was not deleted: deleting it deletes its contacts, which needs deleteContactsOnDelete: true. Set it, run up, then remove the address book.`,
        );
      await unlessNotFound(() => client.deleteOne(addressBooksEndpoint, [id]));
    },
  },
});

/** Its store reads the API's `address_books` as the ids the create and PATCH take (customFieldStore). */
export const addressBookCustomFieldSpec = customFieldSpec({
  kind: 'AddressBookCustomField',
  contacts: 'address book contacts',
  endpoint: addressBookCustomFieldsEndpoint,
  dataTypes: DATA_TYPES,
  holders: { input: 'addressBookIds', field: 'address_book_ids', kind: 'AddressBook', noun: 'address books' },
  ownInputs: { afterName: { description: [text('Description (up to 256 characters).', { max: 256 }).optional(), 'custom_field_description'] } },
  example: `new zcc.AddressBookCustomField('tier', {
  name: 'Customer tier',
  dataType: 'pick_list',
  pickListValues: ['gold', 'silver'],
  addressBookIds: [customers.addressBookId],
});`,
  store: customFieldStore(),
});

/** The API answers `address_books: [{ address_book_id, … }]` and takes `address_book_ids`; its PATCH always names the field and its type. */
function customFieldStore(): ObjectStore {
  const rest = restStore(addressBookCustomFieldsEndpoint);
  const withIds = (server: Props | undefined): Props | undefined =>
    server && {
      ...server,
      address_book_ids: ((server.address_books as Array<{ address_book_id?: string }> | undefined) ?? []).map((book) => book.address_book_id).filter(Boolean),
    };
  return {
    ...rest,
    list: async (client) => (await rest.list(client)).map((item) => withIds(item)!),
    create: async (client, body) => withIds(await rest.create(client, body))!,
    get: async (client, id) => withIds(await rest.get(client, id)),
    update: (client, id, changed, full, previous) =>
      rest.update(client, id, { custom_field_name: full.custom_field_name, data_type: full.data_type, ...changed }, full, previous),
  };
}
