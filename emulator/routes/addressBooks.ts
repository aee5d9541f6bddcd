import { EmulatorError, invalidField } from '../errors';
import { registerRestCollection, type FieldRule } from '../restRoutes';
import type { AddressBookCustomFieldRow, AddressBookRow, AddressBookUnitRow, EmulatorState } from '../state';
import { defineRoutes } from '../context';

/**
 * Address book units, address books and their custom fields (`/contact_center/address_books…`), in the official
 * shapes. Contacts are customer data, not configuration: the emulator keeps only their count (`total_contacts`,
 * which the control surface may set) and does not serve the contact routes. Assumptions the README states: names
 * are unique (a book's within its unit); a unit that holds books cannot be deleted (409); deleting a book deletes
 * its contacts; the book list requires `unit_id`, as the document says.
 */
export const DATA_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'percent', 'currency', 'dateTime', 'pick_list'] as const;

const bookProblem = (state: EmulatorState, id: string) => (state.addressBooks.get(id) ? undefined : `Address book does not exist: ${id}.`);
const FIELD_RULES: Record<string, FieldRule> = {
  custom_field_name: { type: 'string', required: true, min: 1, max: 64 },
  custom_field_description: { type: 'string', max: 256 },
  data_type: { type: 'enum', values: DATA_TYPES, required: true },
  default_value: { type: 'string', max: 256 },
  pick_list_values: { type: 'strings' },
  address_book_ids: { type: 'strings', check: bookProblem },
  use_as_routing_profile_parameter: { type: 'boolean' },
  use_as_external_url_parameter: { type: 'boolean' },
  show_in_transferred_calls: { type: 'boolean' },
  show_in_inbound_notification: { type: 'boolean' },
  show_in_profile_tab: { type: 'boolean' },
};

export function registerAddressBookRoutes(route: ReturnType<typeof defineRoutes>) {
  registerRestCollection<AddressBookUnitRow>(route, {
    noun: 'Address book unit',
    path: '/contact_center/address_books/units',
    param: 'unitId',
    listKey: 'units',
    maxPageSize: 300,
    idField: 'unit_id',
    nameField: 'unit_name',
    identifierType: 'unit_identifier_type',
    table: (state) => state.addressBookUnits,
    create: { unit_name: { type: 'string', required: true, min: 1, max: 64 }, unit_description: { type: 'string', max: 256 } },
    newRow: (_state, body) => ({ unit_id: '', unit_name: String(body.unit_name), unit_description: String(body.unit_description ?? '') }),
    view: (_state, row) => ({ unit_id: row.unit_id, unit_name: row.unit_name, unit_description: row.unit_description }),
    beforeDelete: (state, row) => {
      const books = state.addressBooks.all().filter((book) => book.unit_id === row.unit_id);
      if (books.length > 0)
        throw new EmulatorError(
          409,
          409,
          `Address book unit ${row.unit_id} holds address books: ${books.map((book) => `${book.address_book_name} (${book.address_book_id})`).join(', ')}.`,
        );
    },
  });

  const bookView = (state: EmulatorState, row: AddressBookRow) => ({
    address_book_id: row.address_book_id,
    address_book_name: row.address_book_name,
    address_book_description: row.address_book_description,
    total_contacts: row.total_contacts,
    unit_id: row.unit_id,
    unit_name: state.addressBookUnits.get(row.unit_id)?.unit_name ?? '',
  });
  registerRestCollection<AddressBookRow>(route, {
    noun: 'Address book',
    path: '/contact_center/address_books',
    param: 'addressBookId',
    listKey: 'address_books',
    maxPageSize: 300,
    idField: 'address_book_id',
    nameField: 'address_book_name',
    identifierType: 'address_book_identifier_type',
    table: (state) => state.addressBooks,
    create: {
      unit_id: { type: 'string', required: true, min: 1, max: 64 },
      address_book_name: { type: 'string', required: true, min: 1, max: 64 },
      address_book_description: { type: 'string', max: 256 },
    },
    patch: { address_book_name: { type: 'string', min: 1, max: 64 }, address_book_description: { type: 'string', max: 256 } },
    uniqueWithin: (row) => String((row as AddressBookRow).unit_id),
    newRow: (state, body) => {
      if (!state.addressBookUnits.get(String(body.unit_id))) throw invalidField('unit_id', `Address book unit does not exist: ${String(body.unit_id)}.`);
      return {
        address_book_id: '',
        address_book_name: String(body.address_book_name),
        address_book_description: String(body.address_book_description ?? ''),
        unit_id: String(body.unit_id),
        total_contacts: 0,
      };
    },
    listFilter: (rows, q) => {
      if (typeof q.unit_id !== 'string' || q.unit_id === '') throw invalidField('unit_id', 'This field is required.');
      return rows.filter((row) => row.unit_id === q.unit_id);
    },
    listView: (state, row) => bookView(state, row),
    view: (state, row) => ({ ...bookView(state, row), queue_ids: [], team_ids: [] }),
    createView: (state, row) => {
      const { total_contacts: _count, ...created } = bookView(state, row);
      return created;
    },
    beforeDelete: (state, row) => {
      // The book's contacts go with it; custom fields stop naming it.
      for (const field of state.addressBookCustomFields.all()) field.address_book_ids = field.address_book_ids?.filter((id) => id !== row.address_book_id);
    },
  });

  registerRestCollection<AddressBookCustomFieldRow>(route, {
    noun: 'Address book custom field',
    path: '/contact_center/address_books/custom_fields',
    param: 'customFieldId',
    listKey: 'custom_fields',
    maxPageSize: 300,
    idField: 'custom_field_id',
    nameField: 'custom_field_name',
    table: (state) => state.addressBookCustomFields,
    create: FIELD_RULES,
    newRow: (_state, body) => ({ custom_field_id: '', ...(body as Omit<AddressBookCustomFieldRow, 'custom_field_id' | 'last_modified_time'>) }),
    // The PATCH names the field and its type every time (the document makes both required).
    applyPatch: (_state, row, body) => {
      if (body.custom_field_name === undefined || body.data_type === undefined)
        throw invalidField(body.custom_field_name === undefined ? 'custom_field_name' : 'data_type', 'This field is required.');
      Object.assign(row, body);
    },
    view: (state, row) => {
      const { address_book_ids: ids, last_modified_time: _at, ...rest } = row;
      return {
        ...rest,
        address_books: (ids ?? []).map((id) => ({ address_book_id: id, address_book_name: state.addressBooks.get(id)?.address_book_name ?? '' })),
      };
    },
  });
}
