import { identified } from '../lookup';
import { conflict, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import type { EmulatorState } from '../state';
import { asBody, enumField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Variable groups, in the shapes of Zoom's document ("Part 1, continued"). Accounts come with system groups, which
 * cannot be changed or deleted; custom groups can.
 */
export function registerVariableGroupRoutes(route: ReturnType<typeof defineRoutes>) {
  const groupOf = (state: EmulatorState, key: string, type: unknown) =>
    identified(
      'Variable group',
      { id: (k: string) => state.variableGroups.get(k), name: (k: string) => state.variableGroups.all().find((g) => g.variable_group_name === k) },
      'variable_identifier_type',
      type,
      key,
    );
  const custom = (state: EmulatorState, key: string) => {
    const row = groupOf(state, key, 'id');
    if (row.variable_group_type === 'system')
      throw new EmulatorError(400, 300, `Variable group ${row.variable_group_id} is a system group and cannot be changed.`);
    return row;
  };
  const unique = (state: EmulatorState, name: string | undefined, except?: string) => {
    if (name !== undefined && state.variableGroups.all().some((g) => g.variable_group_name === name && g.variable_group_id !== except))
      throw conflict(`Variable group name already exists: ${name}.`);
  };
  const view = (state: EmulatorState, row: ReturnType<typeof groupOf>) => ({
    ...row,
    variable_group_variables_count: state.variables.all().filter((v) => v.variable_group_id === row.variable_group_id).length,
  });

  route('GET', '/contact_center/variables/groups', 'medium', (request, { state }) => {
    const q = query(request);
    const type =
      q.variable_group_type === undefined ? undefined : enumField({ variable_group_type: q.variable_group_type }, 'variable_group_type', ['system', 'custom']);
    const rows = state.variableGroups.all().filter((row) => type === undefined || row.variable_group_type === type);
    return {
      body: paginate(
        rows.map((row) => view(state, row)),
        q,
        'variable_groups',
        300,
      ),
    };
  });
  route('POST', '/contact_center/variables/groups', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['variable_group_name', 'variable_group_description', 'variable_group_type']);
    const name = stringField(body, 'variable_group_name', { required: true, min: 1, max: 64 })!;
    enumField(body, 'variable_group_type', ['custom']);
    unique(state, name);
    const row = state.variableGroups.insert({
      variable_group_id: state.variableGroups.nextId(),
      variable_group_name: name,
      variable_group_description: stringField(body, 'variable_group_description', { max: 256 }) ?? '',
      variable_group_type: 'custom',
    });
    return { status: 201, body: view(state, row) };
  });
  route('GET', '/contact_center/variables/groups/:variableGroupId', 'light', (request, { state }) => ({
    body: view(state, groupOf(state, params(request).variableGroupId, query(request).variable_identifier_type)),
  }));
  route('PATCH', '/contact_center/variables/groups/:variableGroupId', 'light', (request, { state }) => {
    const row = custom(state, params(request).variableGroupId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['variable_group_name', 'variable_group_description']);
    const name = stringField(body, 'variable_group_name', { min: 1, max: 64 });
    const description = stringField(body, 'variable_group_description', { max: 256 });
    unique(state, name, row.variable_group_id);
    if (name !== undefined) row.variable_group_name = name;
    if (description !== undefined) row.variable_group_description = description;
    return { status: 204 };
  });
  route('DELETE', '/contact_center/variables/groups/:variableGroupId', 'light', (request, { state }) => {
    const row = custom(state, params(request).variableGroupId);
    if (state.variables.all().some((v) => v.variable_group_id === row.variable_group_id))
      throw conflict(`Variable group ${row.variable_group_id} still holds variables; delete them first.`);
    state.variableGroups.delete(row.variable_group_id);
    return { status: 204 };
  });
}
