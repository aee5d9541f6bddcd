import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { unlessNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { restStore } from '../engine/restStore';
import { oneOf, text, zoomId } from './fields';
import { variableGroupsEndpoint } from './variableGroupSpec';

export const VARIABLE_DATA_TYPES = ['string', 'number', 'boolean', 'date_time', 'currency', 'percentage', 'email', 'url', 'phone', 'json', 'array'] as const;

/** A variable: the list item (listed per group), or the GET, which adds the settings and the address books. */
export const variableSchema = z.object({
  variable_id: z.string(),
  variable_group_id: z.string(),
  variable_name: z.string(),
  variable_description: z.string().optional(),
  variable_type: z.enum(['global_variable', 'address_book_variable']).optional(),
  data_type: z.enum(VARIABLE_DATA_TYPES).optional(),
  default_value: z.string().optional(),
  values: z.array(z.string()).optional(),
  value_category: z.string().optional(),
  mask_variable_data: z.boolean().optional(),
  use_in_reporting: z.boolean().optional(),
  use_as_routing_profile_parameters: z.boolean().optional(),
  linked_value_lock: z.boolean().optional(),
  use_in_external_url_parameters: z.boolean().optional(),
  client_show_in_client_profile_section: z.boolean().optional(),
  client_show_in_client_engagement_section: z.boolean().optional(),
  client_show_in_inbound_call_notifications: z.boolean().optional(),
  address_books: z.array(z.object({ address_book_id: z.string().optional() })).optional(),
  used_in_address_book_count: z.number().optional(),
});
export type ZccVariable = z.infer<typeof variableSchema>;

// Listed per group only (variable_group_id is a required query parameter).
export const variablesEndpoint: Collection<z.infer<typeof variableSchema>> = {
  path: '/contact_center/variables',
  objectId: 'variableId',
  listKey: 'variables',
  item: variableSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/**
 * Flow variables (`/variables`), in a variable group. Zoom lists variables per group only, so the list walks the
 * groups, and marks each variable with its group's type: a system group's variables are Zoom's (export leaves them
 * out). The GET answers the address books as objects; the program names their ids.
 */
function variableStore(): ObjectStore {
  const rest = restStore(variablesEndpoint);
  const withIds = (variable: Props | undefined) =>
    variable && {
      ...variable,
      address_book_ids: ((variable.address_books as Array<{ address_book_id?: string }> | undefined) ?? []).map((book) => book.address_book_id).filter(Boolean),
    };
  return {
    ...rest,
    list: async (client) => {
      const groups = await client.listOf(variableGroupsEndpoint);
      const out: Props[] = [];
      for (const group of groups)
        for (const variable of await client.listOf(variablesEndpoint, [], { variable_group_id: group.variable_group_id }))
          out.push({ ...variable, variable_group_type: group.variable_group_type });
      return out;
    },
    create: async (client, body) => withIds(await rest.create(client, body))!,
    get: async (client, id) => withIds(await unlessNotFound(() => client.getOne(variablesEndpoint, [id]) as Promise<Props>)),
  };
}

const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();

export const variableSpec = defineSpec<ZccVariable & { address_book_ids?: string[]; variable_group_type?: string }>()({
  kind: 'Variable',
  description:
    "A flow variable in a variable group: a global variable, or an address book variable read from contacts. Flows and consumer routing profiles name it by id. The account's system variables are Zoom's: look them up with getVariable.",
  endpoint: variablesEndpoint,
  idField: 'variable_id',
  idOutput: 'variableId',
  inputSchema: z.strictObject({
    variableGroupId: zoomId('Id of the group (e.g. `group.variableGroupId`). Changing it replaces the variable (Zoom cannot move one).'),
    name: text('Variable name, unique in its group: letters, digits and _, starting with a letter (1-64 characters).', { min: 1, max: 64 }).refine(
      (value) => /^[A-Za-z][A-Za-z0-9_]*$/.test(value),
      { error: 'must be letters, digits and _, starting with a letter (as flows refer to it)' },
    ),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    variableType: oneOf(['global_variable', 'address_book_variable'], 'What the variable is. Changing it replaces the variable (a PATCH cannot change it).'),
    dataType: oneOf(VARIABLE_DATA_TYPES, 'The type of its values.'),
    defaultValue: text('The value before a flow sets one (up to 1024 characters).', { max: 1024 }).optional(),
    values: z
      .array(text('A value.', { max: 1024 }), { error: 'expected a list of values' })
      .max(200, { error: 'must list at most 200 values' })
      .describe('The values it may take.')
      .optional(),
    valueCategory: text('`value_category` (up to 64 characters).', { max: 64 }).optional(),
    addressBookIds: z
      .array(zoomId('An address book id.'), { error: 'expected a list of address book ids' })
      .describe('Address books it reads from (address_book_variable only).')
      .optional(),
    useInReporting: flag('Show it in reports.'),
    maskVariableData: flag('Mask its values where they are shown.'),
    useAsRoutingProfileParameters: flag('Offer it as a consumer routing profile parameter.'),
    linkedValueLock: flag('`linked_value_lock`.'),
    useInExternalUrlParameters: flag('Pass it in external URL parameters.'),
    clientShowInClientProfileSection: flag("Show it in the client's profile section."),
    clientShowInClientEngagementSection: flag("Show it in the client's engagement section."),
    clientShowInInboundCallNotifications: flag('Show it in inbound call notifications.'),
  }),
  apiFields: {
    variableGroupId: 'variable_group_id',
    name: 'variable_name',
    description: 'variable_description',
    variableType: 'variable_type',
    dataType: 'data_type',
    defaultValue: 'default_value',
    values: 'values',
    valueCategory: 'value_category',
    addressBookIds: 'address_book_ids',
    useInReporting: 'use_in_reporting',
    maskVariableData: 'mask_variable_data',
    useAsRoutingProfileParameters: 'use_as_routing_profile_parameters',
    linkedValueLock: 'linked_value_lock',
    useInExternalUrlParameters: 'use_in_external_url_parameters',
    clientShowInClientProfileSection: 'client_show_in_client_profile_section',
    clientShowInClientEngagementSection: 'client_show_in_client_engagement_section',
    clientShowInInboundCallNotifications: 'client_show_in_inbound_call_notifications',
  },
  serverDefaults: { description: '' },
  setFields: ['addressBookIds'],
  replaceOnChanges: ['variableGroupId', 'variableType'],
  references: { variableGroupId: 'VariableGroup', 'addressBookIds[]': 'AddressBook' },
  naturalKey: ['name', 'variableGroupId'],
  uniqueName: true,
  crossFieldCheck: (inputs) =>
    inputs.variableType === 'global_variable' && Array.isArray(inputs.addressBookIds) && inputs.addressBookIds.length > 0
      ? [['addressBookIds', 'only apply to variableType "address_book_variable"; a global_variable reads no address book.']]
      : [],
  exportAs: { role: 'object', onlyIf: (item) => item.variable_group_type !== 'system' },
  lookup: {
    returns: {
      variableId: { from: 'variable_id', type: 'string', required: true, description: 'The variable id.' },
      name: { from: 'variable_name', type: 'string', required: true, description: 'The name.' },
      variableGroupId: { from: 'variable_group_id', type: 'string', required: true, description: "The variable's group id." },
      variableType: { from: 'variable_type', type: 'string', description: '`global_variable` or `address_book_variable`.' },
      dataType: { from: 'data_type', type: 'string', description: 'The type of its values.' },
    },
    within: { arg: 'variableGroupId', field: 'variable_group_id', description: 'The group to look in: names are unique only within a group.' },
  },
  outputs: { variableId: { description: 'The variable id ZCC assigned.' } },
  example: `const tier = new zcc.Variable('customer-tier', {
  variableGroupId: customer.variableGroupId,
  name: 'Customer_Tier',
  variableType: 'global_variable',
  dataType: 'string',
  values: ['gold', 'silver'],
  useAsRoutingProfileParameters: true,
});`,
  store: variableStore(),
});
