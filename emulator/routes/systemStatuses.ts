import { EmulatorError } from '../errors';
import { registerRestCollection } from '../restRoutes';
import type { EmulatorState, SystemStatusRow } from '../state';
import { enumField } from '../validate';
import { defineRoutes } from '../context';

/**
 * System statuses (`/contact_center/system_statuses`): the agent statuses and the reasons an agent gives for not
 * ready or for opting out of a queue (`status_category`), each with the queues it applies to. The built-in ones
 * (`status_type: default`: Offline, Ready, Not Ready, Occupied) cannot be deleted. Names are unique per category,
 * and the category cannot change (the PATCH does not take it): assumptions the README states.
 */
export const STATUS_CATEGORIES = ['agent_status', 'queue_opt_out_and_not_ready_status'] as const;

const queueProblem = (state: EmulatorState, id: string) => (state.queues.get(id) ? undefined : `Queue does not exist: ${id}.`);
const view = (state: EmulatorState, row: SystemStatusRow) => ({
  status_id: row.status_id,
  status_name: row.status_name,
  status_type: row.status_type,
  status_category: row.status_category,
  enable: row.enable,
  status_assigned_queues: row.status_assigned_queues.map((queue) => ({ id: queue.id, value: state.queues.get(queue.id)?.queue_name ?? '' })),
});

export function registerSystemStatusRoutes(route: ReturnType<typeof defineRoutes>) {
  registerRestCollection<SystemStatusRow>(route, {
    noun: 'Status',
    path: '/contact_center/system_statuses',
    param: 'statusId',
    listKey: 'statuses',
    maxPageSize: 300,
    idField: 'status_id',
    nameField: 'status_name',
    identifierType: 'status_identifier_type',
    table: (state) => state.systemStatuses,
    create: {
      status_name: { type: 'string', required: true, min: 1, max: 64 },
      status_category: { type: 'enum', values: STATUS_CATEGORIES, required: true },
      enable: { type: 'boolean' },
      status_assigned_queues: { type: 'idObjects', check: queueProblem },
    },
    patch: {
      status_name: { type: 'string', min: 1, max: 64 },
      enable: { type: 'boolean' },
      status_assigned_queues: { type: 'idObjects', check: queueProblem },
    },
    uniqueWithin: (row) => String((row as SystemStatusRow).status_category),
    newRow: (_state, body) => ({
      status_id: '',
      status_name: String(body.status_name),
      status_type: 'custom',
      status_category: body.status_category as SystemStatusRow['status_category'],
      enable: body.enable !== false,
      status_assigned_queues: (body.status_assigned_queues as Array<{ id: string }> | undefined) ?? [],
    }),
    applyPatch: (_state, row, body) => {
      if (row.status_type === 'default' && body.status_name !== undefined && body.status_name !== row.status_name)
        throw new EmulatorError(400, 300, `Status ${row.status_name} is built in: its name cannot change.`);
      Object.assign(row, body);
    },
    listFilter: (rows, q) => {
      const category = enumField({ status_category: q.status_category }, 'status_category', STATUS_CATEGORIES);
      return category ? rows.filter((row) => row.status_category === category) : rows;
    },
    view,
    createView: (_state, row) => ({
      status_id: row.status_id,
      status_name: row.status_name,
      status_type: row.status_type,
      status_category: row.status_category,
      enable: row.enable,
    }),
    beforeDelete: (_state, row) => {
      if (row.status_type === 'default') throw new EmulatorError(400, 300, `Status ${row.status_name} is built in and cannot be deleted.`);
    },
  });
}
