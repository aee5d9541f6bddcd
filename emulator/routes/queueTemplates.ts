import { invalidField } from '../errors';
import { registerRestCollection } from '../restRoutes';
import type { QueueTemplateRow } from '../state';
import { asBody, rejectUnknownFields } from '../validate';
import { defineRoutes } from '../context';

/**
 * Queue templates (`/contact_center/queue_templates`), in the official shapes: the list names its fields
 * `template_*`, the GET and create answer `queue_template_*`. Assumptions the README states: names are unique, a new
 * template is `active`, and a template's queue settings (edited in the console) are not served.
 */
const CHANNELS = ['voice', 'video', 'messaging', 'email', 'work_item'] as const;

export function registerQueueTemplateRoutes(route: ReturnType<typeof defineRoutes>) {
  const { find } = registerRestCollection<QueueTemplateRow>(route, {
    noun: 'Queue template',
    path: '/contact_center/queue_templates',
    param: 'queueTemplateId',
    listKey: 'queue_templates',
    maxPageSize: 300,
    idField: 'queue_template_id',
    nameField: 'queue_template_name',
    identifierType: 'queue_template_identifier_type',
    table: (state) => state.queueTemplates,
    create: {
      queue_template_name: { type: 'string', required: true, min: 1, max: 64 },
      queue_template_description: { type: 'string', max: 255 },
      channel: { type: 'enum', values: CHANNELS, required: true },
      queue_template_type: { type: 'enum', values: ['add', 'update'], required: true },
    },
    patch: {
      queue_template_name: { type: 'string', min: 1, max: 64 },
      queue_template_description: { type: 'string', max: 255 },
      queue_template_status: { type: 'enum', values: ['active', 'inactive'] },
    },
    newRow: (_state, body) => ({
      queue_template_id: '',
      queue_template_name: String(body.queue_template_name),
      ...(body.queue_template_description !== undefined ? { queue_template_description: String(body.queue_template_description) } : {}),
      channel: body.channel as QueueTemplateRow['channel'],
      queue_template_type: body.queue_template_type as QueueTemplateRow['queue_template_type'],
      queue_template_status: 'active',
      queue_template_need_attention: false,
      modified_by: 'api',
    }),
    applyPatch: (_state, row, body) => Object.assign(row, body, { modified_by: 'api' }),
    listFilter: (rows, q) => (typeof q.channel === 'string' && q.channel !== '' ? rows.filter((row) => row.channel === q.channel) : rows),
    listView: (_state, row) => ({
      template_id: row.queue_template_id,
      template_name: row.queue_template_name,
      template_description: row.queue_template_description ?? '',
      channel: row.channel,
      template_type: row.queue_template_type,
      template_status: row.queue_template_status,
      template_need_attention: row.queue_template_need_attention,
      modified_by: row.modified_by,
      last_modified_time: row.last_modified_time,
    }),
  });
  // The batch delete: every id must name a template, or nothing is deleted.
  route('DELETE', '/contact_center/queue_templates', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['queue_template_ids']);
    const ids = body.queue_template_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string'))
      throw invalidField('queue_template_ids', 'Expected a non-empty list of template ids.');
    const rows = (ids as string[]).map((id) => find(state, id));
    for (const row of rows) state.queueTemplates.delete(row.queue_template_id);
    return { status: 204 };
  });
}
