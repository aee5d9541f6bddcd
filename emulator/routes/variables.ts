import { identified } from '../lookup';
import { conflict, invalidField } from '../errors';
import { paginate } from '../pagination';
import type { EmulatorState, VariableRow } from '../state';
import { asBody, booleanField, enumField, rejectUnknownFields, stringField, type Body } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Variables (`/variables`), in the shapes of Zoom's document: listed per group (`variable_group_id` is required),
 * created in a group, which a PATCH cannot change; a system group's variables are Zoom's and cannot be changed.
 */
export const DATA_TYPES = ['string', 'number', 'boolean', 'date_time', 'currency', 'percentage', 'email', 'url', 'phone', 'json', 'array'] as const;
const VARIABLE_TYPES = ['global_variable', 'address_book_variable'] as const;
const FLAGS = [
  'use_in_reporting',
  'mask_variable_data',
  'use_as_routing_profile_parameters',
  'linked_value_lock',
  'use_in_external_url_parameters',
  'client_show_in_client_profile_section',
  'client_show_in_client_engagement_section',
  'client_show_in_inbound_call_notifications',
] as const;
const SETTINGS = ['variable_name', 'variable_description', 'address_book_ids', 'data_type', 'value_category', 'values', 'default_value', ...FLAGS];

function settings(body: Body, creating: boolean): Partial<VariableRow> {
  const out: Partial<VariableRow> = {};
  const name = stringField(body, 'variable_name', { required: creating, min: 1, max: 64 });
  if (name !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw invalidField('variable_name', 'Letters, digits and _, starting with a letter.');
    out.variable_name = name;
  }
  const description = stringField(body, 'variable_description', { max: 256 });
  if (description !== undefined) out.variable_description = description;
  const dataType = enumField(body, 'data_type', DATA_TYPES, creating);
  if (dataType !== undefined) out.data_type = dataType;
  const category = stringField(body, 'value_category', { max: 64 });
  if (category !== undefined) out.value_category = category;
  const value = stringField(body, 'default_value', { max: 1024 });
  if (value !== undefined) out.default_value = value;
  if (body.values !== undefined) {
    if (!Array.isArray(body.values) || body.values.some((v) => typeof v !== 'string')) throw invalidField('values', 'Expected an array of strings.');
    out.values = body.values as string[];
  }
  if (body.address_book_ids !== undefined) {
    if (!Array.isArray(body.address_book_ids) || body.address_book_ids.some((v) => typeof v !== 'string'))
      throw invalidField('address_book_ids', 'Expected an array of address book ids.');
    out.address_book_ids = body.address_book_ids as string[];
  }
  for (const flag of FLAGS) {
    const set = booleanField(body, flag);
    if (set !== undefined) out[flag] = set;
  }
  return out;
}

export function variableView(row: VariableRow) {
  const { address_book_ids: ids, ...rest } = row;
  return { ...rest, address_books: (ids ?? []).map((id) => ({ address_book_id: id })) };
}

export function registerVariableRoutes(route: ReturnType<typeof defineRoutes>) {
  const variableOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Variable',
      { id: (k: string) => state.variables.get(k), name: (k: string) => state.variables.all().find((v) => v.variable_name === k) },
      'variable_identifier_type',
      type,
      key,
    );
  const groupOf = (state: EmulatorState, id: string) =>
    identified('Variable group', { id: (k: string) => state.variableGroups.get(k) }, 'variable_group_id', 'id', id);
  const editable = (state: EmulatorState, row: VariableRow) => {
    if (groupOf(state, row.variable_group_id).variable_group_type === 'system')
      throw invalidField('variable_id', `Variable ${row.variable_id} is a system variable and cannot be changed.`);
    return row;
  };
  const unique = (state: EmulatorState, row: Partial<VariableRow>, except?: string) => {
    if (
      row.variable_name !== undefined &&
      state.variables.all().some((v) => v.variable_name === row.variable_name && v.variable_group_id === row.variable_group_id && v.variable_id !== except)
    )
      throw conflict(`Variable name already exists in this group: ${row.variable_name}.`);
  };

  route('GET', '/contact_center/variables', 'medium', (request, { state }) => {
    const q = query(request);
    const groupId = stringField({ variable_group_id: q.variable_group_id }, 'variable_group_id', { required: true, min: 1, max: 64 })!;
    groupOf(state, groupId);
    const dataType = q.data_type === undefined ? undefined : enumField({ data_type: q.data_type }, 'data_type', DATA_TYPES);
    const type = q.variable_type === undefined ? undefined : enumField({ variable_type: q.variable_type }, 'variable_type', VARIABLE_TYPES);
    const rows = state.variables
      .all()
      .filter(
        (v) => v.variable_group_id === groupId && (dataType === undefined || v.data_type === dataType) && (type === undefined || v.variable_type === type),
      );
    return {
      body: paginate(
        rows.map(({ address_book_ids: ids, ...row }) => ({
          variable_id: row.variable_id,
          variable_group_id: row.variable_group_id,
          variable_name: row.variable_name,
          default_value: row.default_value,
          variable_type: row.variable_type,
          data_type: row.data_type,
          variable_description: row.variable_description,
          mask_variable_data: row.mask_variable_data,
          values: row.values,
          value_category: row.value_category,
          used_in_address_book_count: (ids ?? []).length,
        })),
        q,
        'variables',
        300,
      ),
    };
  });
  route('POST', '/contact_center/variables', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['variable_group_id', 'variable_type', ...SETTINGS]);
    const group = groupOf(state, stringField(body, 'variable_group_id', { required: true, min: 1, max: 64 })!);
    if (group.variable_group_type === 'system') throw invalidField('variable_group_id', 'Variables cannot be added to a system group.');
    const type = enumField(body, 'variable_type', VARIABLE_TYPES, true)!;
    const row = {
      variable_id: state.variables.nextId(),
      variable_group_id: group.variable_group_id,
      variable_type: type,
      variable_description: '',
      ...settings(body, true),
    } as VariableRow;
    if (type === 'global_variable' && (row.address_book_ids ?? []).length > 0)
      throw invalidField('address_book_ids', 'Only an address_book_variable names address books.');
    unique(state, row);
    state.variables.insert(row);
    return { status: 201, body: variableView(row) };
  });
  route('GET', '/contact_center/variables/:variableId', 'light', (request, { state }) => ({
    body: variableView(variableOf(state, params(request).variableId, query(request).variable_identifier_type)),
  }));
  route('PATCH', '/contact_center/variables/:variableId', 'light', (request, { state }) => {
    const row = editable(state, variableOf(state, params(request).variableId, 'id'));
    const body = asBody(request.body);
    rejectUnknownFields(body, SETTINGS);
    const changes = settings(body, false);
    unique(state, { ...row, ...changes }, row.variable_id);
    Object.assign(row, changes);
    return { status: 204 };
  });
  route('DELETE', '/contact_center/variables/:variableId', 'light', (request, { state }) => {
    const row = editable(state, variableOf(state, params(request).variableId, 'id'));
    state.variables.delete(row.variable_id);
    return { status: 204 };
  });
}
