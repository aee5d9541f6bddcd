import { type Collection, LIGHT_WRITES } from '../client/endpoints';
import { z } from 'zod';
import { defineSpec } from '../engine/spec';
import { text } from './fields';

export const variableGroupSchema = z.object({
  variable_group_id: z.string(),
  variable_group_name: z.string(),
  variable_group_description: z.string().optional(),
  variable_group_type: z.enum(['system', 'custom']).optional(),
  variable_group_variables_count: z.number().optional(),
});
export type ZccVariableGroup = z.infer<typeof variableGroupSchema>;

export const variableGroupsEndpoint: Collection<z.infer<typeof variableGroupSchema>> = {
  path: '/contact_center/variables/groups',
  objectId: 'variableGroupId',
  listKey: 'variable_groups',
  item: variableGroupSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/** A custom variable group (`/variables/groups`): flows' variables live in groups. System groups are Zoom's. */
export const variableGroupSpec = defineSpec<ZccVariableGroup>()({
  kind: 'VariableGroup',
  description:
    "A custom group of flow variables. The account's system groups (`variable_group_type: system`) belong to Zoom: look them up with getVariableGroup; export leaves them out.",
  endpoint: variableGroupsEndpoint,
  idField: 'variable_group_id',
  // The list carries every field the GET does.
  listHasEveryField: true,
  idOutput: 'variableGroupId',
  inputSchema: z.strictObject({
    name: text('Group name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
  }),
  apiFields: { name: 'variable_group_name', description: 'variable_group_description' },
  serverDefaults: { description: '' },
  uniqueName: true,
  naturalKey: ['name'],
  exportAs: { role: 'object', onlyIf: (item) => item.variable_group_type !== 'system' },
  lookup: {
    returns: {
      variableGroupId: { from: 'variable_group_id', type: 'string', required: true, description: 'The variable group id.' },
      name: { from: 'variable_group_name', type: 'string', required: true, description: 'The name.' },
      description: { from: 'variable_group_description', type: 'string', description: 'The description.' },
      variableGroupType: { from: 'variable_group_type', type: 'string', description: "`system` (Zoom's) or `custom`." },
      variablesCount: { from: 'variable_group_variables_count', type: 'number', description: 'How many variables the group holds.' },
    },
  },
  outputs: { variableGroupId: { description: 'The variable group id ZCC assigned.' } },
  example: `const customer = new zcc.VariableGroup('customer', { name: 'Customer', description: 'What we know about the caller' });`,
});
