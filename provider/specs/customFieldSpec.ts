import { z } from 'zod';
import type { Collection } from '../client/endpoints';
import { defineSpec, type ObjectStore, type Props, type ResourceSpec } from '../engine/spec';
import { oneOf, text } from './fields';
import { idList } from './ownership';

/**
 * A custom field definition of contacts: address book contacts (`AddressBookCustomField`) and campaign contacts
 * (`ContactListCustomField`) have the same API shape (`custom_field_name`, `data_type`, pick-list values, the lists
 * that use it, display flags) at two paths, each with a field or two of its own. One builder, so the two cannot
 * drift apart. Contacts' values are customer data: only the definition is managed.
 */
export interface CustomFieldDefinition {
  kind: string;
  /** Whose contacts: "address book contacts", "campaign contacts". */
  contacts: string;
  endpoint: Collection<any>;
  dataTypes: readonly [string, ...string[]];
  /** The lists that use the field: the input, its API field, the kind its ids name, and what they are called. */
  holders: { input: string; field: string; kind: string; noun: string };
  /** Inputs only this API has, by input name: schema and API field (placed after `name`, or among the flags). */
  ownInputs?: { afterName?: Record<string, [z.ZodType, string]>; flags?: Record<string, [string, string]> };
  example: string;
  store: ObjectStore;
}

const flag = (description: string) => z.boolean({ error: 'expected true or false' }).describe(description).optional();

/** The display and parameter flags both APIs have: input, API field, description. */
const FLAGS: Array<[string, string, string]> = [
  ['useAsRoutingProfileParameter', 'use_as_routing_profile_parameter', 'Offer it as a routing profile parameter.'],
  ['useAsExternalUrlParameter', 'use_as_external_url_parameter', 'Offer it as an external URL parameter.'],
  ['showInTransferredCalls', 'show_in_transferred_calls', 'Show it in transferred calls.'],
  ['showInInboundNotification', 'show_in_inbound_notification', 'Show it in inbound notifications.'],
  ['showInProfileTab', 'show_in_profile_tab', "Show it in the contact's profile tab."],
];

export function customFieldSpec(definition: CustomFieldDefinition): ResourceSpec {
  const { holders } = definition;
  const afterName = Object.entries(definition.ownInputs?.afterName ?? {});
  const ownFlags = Object.entries(definition.ownInputs?.flags ?? {}).map(([input, [field, description]]) => [input, field, description] as const);
  const flags = [...FLAGS, ...ownFlags];
  // Typed by its keys as strings: the holders input and the own inputs are named by the definition.
  const inputSchema: z.ZodObject<z.ZodRawShape> = z.strictObject({
    name: text('Field name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    ...Object.fromEntries(afterName.map(([input, [schema]]) => [input, schema])),
    dataType: oneOf(definition.dataTypes, 'The type of its values (`data_type`).'),
    defaultValue: text('The value a new contact gets (`default_value`).', { max: 256 }).optional(),
    pickListValues: z
      .array(text('A value.', { min: 1, max: 128 }), { error: 'expected a list of values' })
      .max(200, { error: 'must list at most 200 values' })
      .describe('The values to pick from, for `pick_list` fields; order is kept.')
      .optional(),
    [holders.input]: idList({ noun: holders.noun, max: 500, description: `The ${holders.noun} that use the field; order does not matter.` }).optional(),
    ...Object.fromEntries(flags.map(([input, , description]) => [input, flag(description)])),
  });
  return defineSpec<Props>()({
    kind: definition.kind,
    description: `A custom field of ${definition.contacts} (its definition: contacts' values are customer data), and the ${holders.noun} that use it.`,
    endpoint: definition.endpoint,
    idField: 'custom_field_id',
    idOutput: 'customFieldId',
    listHasEveryField: true,
    inputSchema,
    apiFields: {
      name: 'custom_field_name',
      ...Object.fromEntries(afterName.map(([input, [, field]]) => [input, field])),
      dataType: 'data_type',
      defaultValue: 'default_value',
      pickListValues: 'pick_list_values',
      [holders.input]: holders.field,
      ...Object.fromEntries(flags.map(([input, field]) => [input, field])),
    },
    setFields: [holders.input],
    uniqueName: true,
    naturalKey: ['name'],
    references: { [`${holders.input}[]`]: holders.kind },
    crossFieldCheck: (inputs) =>
      inputs.pickListValues !== undefined && inputs.dataType !== 'pick_list' ? [['pickListValues', 'are only allowed with dataType "pick_list".']] : [],
    exportAs: { role: 'object' },
    lookup: {
      returns: {
        customFieldId: { from: 'custom_field_id', type: 'string', required: true, description: 'The custom field id.' },
        name: { from: 'custom_field_name', type: 'string', required: true, description: 'The name.' },
        dataType: { from: 'data_type', type: 'string', description: 'The type of its values.' },
      },
    },
    outputs: { customFieldId: { description: 'The custom field id ZCC assigned.' } },
    example: definition.example,
    store: definition.store,
  });
}
