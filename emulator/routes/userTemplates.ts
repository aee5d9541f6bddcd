import { z } from 'zod';
import { conflict, invalidField, notFound } from '../errors';
import { identified } from '../lookup';
import { paginate } from '../pagination';
import { now } from '../table';
import type { EmulatorState, UserTemplateRow } from '../state';
import { asBody } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * User templates (`/contact_center/users/templates`): the settings a new Contact Center user starts from (`add`)
 * or that are applied to existing users (`update`), in blocks; `selected_blocks` says which apply. Assumptions the
 * README states: `role` and `region` are ids, every id a block names must exist when written (a template naming one
 * deleted since reads `needs_attention`), names are unique, a new template is `active`, and a PATCH's block replaces
 * that block whole.
 */
const BLOCKS = [
  'role',
  'package',
  'team',
  'client_integration',
  'external_url',
  'user_access',
  'country_or_region',
  'region',
  'mobile_client',
  'emergency_calling',
  'assigned_queues',
  'skills',
  'engagement_capacity',
] as const;
const ADD_ONS = [
  'ai_expert_assist',
  'zoom_contact_center_for_service_cloud_voice',
  'zoom_contact_center_for_epic',
  'zoom_contact_center_unified_view_for_servicenow',
];
const capacity = z.number().int().min(1).max(100);
const blocks = {
  role: z.string().min(1),
  package: z.strictObject({
    package_name: z.enum(['essentials', 'premium', 'elite']),
    add_ons_plan: z.array(z.string()).optional(),
    billing_account_id: z.string().optional(),
  }),
  team: z.strictObject({ team_id: z.string().min(1), team_supervisor: z.boolean() }),
  client_integration: z.strictObject({ client_integration_application: z.string().min(1).max(64), client_integration_name: z.string().max(128).optional() }),
  external_url: z.strictObject({ enable_external_url: z.boolean(), external_launch_url: z.string().url().max(1024) }),
  user_access: z.boolean(),
  country_or_region: z.string().regex(/^[A-Z]{2}$/),
  region: z.string().min(1),
  mobile_client: z.boolean(),
  emergency_calling: z.boolean(),
  assigned_queues: z.strictObject({
    agent_queue_ids: z.array(z.string()).optional(),
    supervisor_queue_ids: z.array(z.string()).optional(),
    default_outbound_voice_queue_id: z.string().optional(),
    default_outbound_message_queue_id: z.string().optional(),
  }),
  skills: z.array(z.strictObject({ skill_id: z.string().min(1), proficiency_level: z.number().int().min(1).max(5).optional() })),
  engagement_capacity: z.strictObject({
    concurrent_email_capacity: capacity.optional(),
    concurrent_message_capacity: capacity.optional(),
    email_max_agent_load: capacity.optional(),
    message_max_agent_load: capacity.optional(),
  }),
};
const createSchema = z.strictObject({
  template_name: z.string().min(1).max(64),
  template_description: z.string().max(255).optional(),
  template_type: z.enum(['add', 'update']),
  selected_blocks: z.array(z.enum(BLOCKS)),
  ...blocks,
  team: blocks.team.optional(),
  client_integration: blocks.client_integration.optional(),
  external_url: blocks.external_url.optional(),
  user_access: blocks.user_access.optional(),
  country_or_region: blocks.country_or_region.optional(),
  region: blocks.region.optional(),
  mobile_client: blocks.mobile_client.optional(),
  emergency_calling: blocks.emergency_calling.optional(),
  assigned_queues: blocks.assigned_queues.optional(),
  skills: blocks.skills.optional(),
  engagement_capacity: blocks.engagement_capacity.optional(),
});
const patchSchema = createSchema
  .omit({ template_type: true })
  .partial()
  .extend({
    // The PATCH also names blocks the create does not take.
    selected_blocks: z.array(z.enum([...BLOCKS, 'assigned_numbers', 'assigned_intents'])).optional(),
    package: blocks.package.extend({ add_ons_plan: z.array(z.string()).optional() }).optional(),
  });

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(asBody(body));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw invalidField(issue.path.join('.') || 'body', issue.message);
}

/** Every id the template names must exist, and every selected block must be given. */
function checkReferences(state: EmulatorState, row: Partial<UserTemplateRow>): void {
  const missing = (noun: string, id: string | undefined, found: unknown) => {
    if (id !== undefined && !found) throw notFound(noun, id);
  };
  missing('Role', row.role, row.role && state.roles.get(row.role));
  missing('Region', row.region, row.region && state.regions.get(row.region));
  missing('Team', row.team?.team_id, row.team && state.teams.get(row.team.team_id));
  const queues = row.assigned_queues;
  for (const id of [...(queues?.agent_queue_ids ?? []), ...(queues?.supervisor_queue_ids ?? [])]) missing('Queue', id, state.queues.get(id));
  for (const id of [queues?.default_outbound_voice_queue_id, queues?.default_outbound_message_queue_id]) missing('Queue', id, id && state.queues.get(id));
  for (const skill of row.skills ?? []) missing('Skill', skill.skill_id, state.skills.get(skill.skill_id));
  for (const addOn of row.package?.add_ons_plan ?? []) if (!ADD_ONS.includes(addOn)) throw invalidField('package.add_ons_plan', `Unknown add-on ${addOn}.`);
  for (const block of row.selected_blocks ?? [])
    if ((BLOCKS as readonly string[]).includes(block) && row[block as keyof UserTemplateRow] === undefined)
      throw invalidField('selected_blocks', `The ${block} block is selected but not given.`);
}

export function registerUserTemplateRoutes(route: ReturnType<typeof defineRoutes>) {
  const find = (state: EmulatorState, key: string, type?: unknown): UserTemplateRow =>
    identified(
      'User template',
      { id: (id: string) => state.userTemplates.get(id), name: (name: string) => state.userTemplates.all().find((row) => row.template_name === name) },
      'user_template_identifier_type',
      type,
      key,
    );
  // A template naming an object that no longer exists (a deleted queue) needs attention.
  const view = (state: EmulatorState, row: UserTemplateRow): UserTemplateRow => {
    try {
      checkReferences(state, row);
      return { ...row };
    } catch {
      return { ...row, template_status: 'needs_attention' };
    }
  };
  const assertUnique = (state: EmulatorState, name: string, self?: UserTemplateRow) => {
    if (state.userTemplates.all().some((row) => row !== self && row.template_name === name)) throw conflict(`User template name already exists: ${name}.`);
  };

  route('GET', '/contact_center/users/templates', 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.userTemplates
      .all()
      .filter((row) => typeof q.template_type !== 'string' || q.template_type === '' || row.template_type === q.template_type)
      .filter((row) => typeof q.template_status !== 'string' || q.template_status === '' || row.template_status === q.template_status)
      .filter((row) => typeof q.template_name !== 'string' || q.template_name === '' || row.template_name === q.template_name);
    const items = rows.map((row) => ({
      template_id: row.template_id,
      template_name: row.template_name,
      template_type: row.template_type,
      template_status: view(state, row).template_status,
    }));
    return { body: paginate(items, q, 'user_templates', 300) };
  });
  route('POST', '/contact_center/users/templates', 'light', (request, { state }) => {
    const body = parsed(createSchema, request.body);
    assertUnique(state, body.template_name);
    const at = now();
    const row: UserTemplateRow = {
      ...body,
      template_id: state.userTemplates.nextId(),
      template_status: 'active',
      modified_by: 'api',
      created_by: 'api',
      created_time: at,
      last_modified_time: at,
    };
    checkReferences(state, row);
    state.userTemplates.insert(row);
    return { status: 201, body: { ...row } };
  });
  route('GET', '/contact_center/users/templates/:templateId', 'light', (request, { state }) => ({
    body: view(state, find(state, params(request).templateId)),
  }));
  route('PATCH', '/contact_center/users/templates/:templateId', 'light', (request, { state }) => {
    const row = find(state, params(request).templateId, query(request).user_template_identifier_type);
    const body = parsed(patchSchema, request.body);
    if (body.template_name !== undefined) assertUnique(state, body.template_name, row);
    const next = { ...row, ...body } as UserTemplateRow;
    checkReferences(state, next);
    Object.assign(row, body, { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });
  route('DELETE', '/contact_center/users/templates/:templateId', 'light', (request, { state }) => {
    const row = find(state, params(request).templateId, query(request).user_template_identifier_type);
    state.userTemplates.delete(row.template_id);
    return { status: 204 };
  });
}
