import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { restStore } from '../engine/restStore';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { integer, oneOf, setOf, text, zoomId } from './fields';
import { idList } from './ownership';

/**
 * User templates (`/contact_center/users/templates`): the settings a new Contact Center user starts from (`add`) or
 * that are applied to existing users (`update`), in blocks. The endpoint and API shape live here, beside the spec.
 *
 * `selected_blocks` (which blocks apply) follows the program: every block it declares is selected, and role and
 * package (which the create requires) always are. A block the program stops declaring is left as it is, like any
 * setting it no longer declares; a block deselected in the console reads as missing, so `up` selects it again.
 * The PATCH cannot change the type, so a new type replaces the template; Zoom computes the status.
 */
const BLOCKS = {
  roleId: 'role',
  package: 'package',
  team: 'team',
  clientIntegration: 'client_integration',
  externalUrl: 'external_url',
  userAccess: 'user_access',
  countryOrRegion: 'country_or_region',
  regionId: 'region',
  mobileClient: 'mobile_client',
  emergencyCalling: 'emergency_calling',
  assignedQueues: 'assigned_queues',
  skills: 'skills',
  engagementCapacity: 'engagement_capacity',
} as const;
const API_BLOCKS: readonly string[] = Object.values(BLOCKS);
const ADD_ONS = [
  'ai_expert_assist',
  'zoom_contact_center_for_service_cloud_voice',
  'zoom_contact_center_for_epic',
  'zoom_contact_center_unified_view_for_servicenow',
] as const;

export const userTemplateSchema = z.object({
  template_id: z.string(),
  template_name: z.string().optional(),
  // An empty description is left out of the answer: none either way.
  template_description: z.string().default(''),
  template_type: z.enum(['add', 'update']).optional(),
  template_status: z.enum(['active', 'inactive', 'needs_attention']).optional(),
  selected_blocks: z.array(z.string()).optional(),
  role: z.string().optional(),
  package: z.object({ package_name: z.string(), add_ons_plan: z.array(z.string()).optional(), billing_account_id: z.string().optional() }).optional(),
  team: z.object({ team_id: z.string(), team_supervisor: z.boolean() }).optional(),
  client_integration: z.object({ client_integration_application: z.string(), client_integration_name: z.string().optional() }).optional(),
  external_url: z.object({ enable_external_url: z.boolean(), external_launch_url: z.string() }).optional(),
  user_access: z.boolean().optional(),
  country_or_region: z.string().optional(),
  region: z.string().optional(),
  mobile_client: z.boolean().optional(),
  emergency_calling: z.boolean().optional(),
  assigned_queues: z
    .object({
      agent_queue_ids: z.array(z.string()).optional(),
      supervisor_queue_ids: z.array(z.string()).optional(),
      default_outbound_voice_queue_id: z.string().optional(),
      default_outbound_message_queue_id: z.string().optional(),
    })
    .optional(),
  skills: z.array(z.object({ skill_id: z.string(), proficiency_level: z.number().optional() })).optional(),
  engagement_capacity: z.record(z.string(), z.number()).optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
type ZccUserTemplate = z.infer<typeof userTemplateSchema>;

export const userTemplatesEndpoint: Collection<ZccUserTemplate> = {
  path: '/contact_center/users/templates',
  objectId: 'templateId',
  listKey: 'user_templates',
  item: userTemplateSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/** The blocks a body gives, as `selected_blocks` names them (role and package always). */
const blocksIn = (body: Props) => API_BLOCKS.filter((block) => block === 'role' || block === 'package' || body[block] !== undefined);

function userTemplateStore(): ObjectStore {
  const rest = restStore(userTemplatesEndpoint);
  // What is not selected does not apply: it reads as not there.
  const selectedOnly = (server: Props | undefined) => {
    if (!server) return server;
    const selected = new Set((server.selected_blocks as string[] | undefined) ?? API_BLOCKS);
    return Object.fromEntries(Object.entries(server).filter(([key]) => !API_BLOCKS.includes(key) || selected.has(key)));
  };
  return {
    ...rest,
    create: async (client, body) => selectedOnly(await rest.create(client, { ...body, selected_blocks: blocksIn(body) }))!,
    get: async (client, id) => selectedOnly(await rest.get(client, id)),
    // A block changed or newly declared is selected too; the ones selected already stay selected.
    update: async (client, id, changed, full, previous) => {
      const touched = Object.keys(changed).filter((key) => API_BLOCKS.includes(key));
      if (touched.length === 0) return rest.update(client, id, changed, full, previous);
      const current = (await client.getOne(userTemplatesEndpoint, [id])).selected_blocks ?? [];
      const selected = [...new Set([...current, ...blocksIn(full)])].filter((block) => API_BLOCKS.includes(block));
      return rest.update(client, id, { ...changed, selected_blocks: selected }, full, previous);
    },
  };
}

const ids = (description: string) => idList({ noun: 'queues', max: 300, description }).optional();
const capacity = (description: string) => integer(description, 1, 100).optional();

export const userTemplateSpec = defineSpec<Props>()({
  kind: 'UserTemplate',
  description:
    'A user template: the settings (role, package, team, queues, skills, capacity, …) a new Contact Center user starts from (`type: add`) or that are applied to existing users (`type: update`). Every block declared is selected; role and package always are. `status` shows `needs_attention` when the template names something that no longer exists.',
  endpoint: userTemplatesEndpoint,
  idField: 'template_id',
  idOutput: 'templateId',
  inputSchema: z.strictObject({
    name: text('Template name (`template_name`, 1-64 characters: an assumption). Renaming updates in place.', { min: 1, max: 64 }),
    description: text('Description (`template_description`, at most 255 characters: an assumption).', { max: 255 }).optional(),
    type: oneOf(
      ['add', 'update'],
      '`add` (new users start from it) or `update` (applied to existing users) (`template_type`). Changing it replaces the template.',
    ),
    roleId: zoomId('The role users get (`role`, a role id, e.g. `leads.roleId` or from getRole).'),
    package: z
      .strictObject({
        packageName: oneOf(['essentials', 'premium', 'elite'], 'The Contact Center package (`package_name`).'),
        addOnsPlan: setOf(ADD_ONS, 'Add-ons (`add_ons_plan`).').optional(),
        billingAccountId: text('The billing account (`billing_account_id`).', { max: 64 }).optional(),
      })
      .describe('The package users get (`package`).'),
    team: z
      .strictObject({
        teamId: zoomId('The team (`team_id`).'),
        teamSupervisor: z.boolean({ error: 'expected true or false' }).describe('Users join as its supervisors (`team_supervisor`).'),
      })
      .describe('The team users join (`team`).')
      .optional(),
    clientIntegration: z
      .strictObject({
        clientIntegrationApplication: text('The CRM (`client_integration_application`, e.g. Salesforce).', { min: 1, max: 64 }),
        clientIntegrationName: text('Its name (`client_integration_name`).', { max: 128 }).optional(),
      })
      .describe('The CRM the client works in (`client_integration`).')
      .optional(),
    externalUrl: z
      .strictObject({
        enableExternalUrl: z.boolean({ error: 'expected true or false' }).describe('Open a URL for each engagement (`enable_external_url`).'),
        externalLaunchUrl: z
          .string({ error: 'expected a URL' })
          .regex(/^https:\/\/[^\s]+$/, { error: 'expected an https URL' })
          .max(1024)
          .describe('The URL (`external_launch_url`).'),
      })
      .describe('An external URL (`external_url`).')
      .optional(),
    userAccess: z.boolean({ error: 'expected true or false' }).describe('Users may use Contact Center (`user_access`).').optional(),
    countryOrRegion: z
      .string({ error: 'expected a string' })
      .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter ISO country code such as "US"' })
      .describe('Their country (`country_or_region`).')
      .optional(),
    regionId: zoomId('Their region (`region`, a region id).').optional(),
    mobileClient: z.boolean({ error: 'expected true or false' }).describe('The mobile client (`mobile_client`).').optional(),
    emergencyCalling: z.boolean({ error: 'expected true or false' }).describe('Emergency calling (`emergency_calling`).').optional(),
    assignedQueues: z
      .strictObject({
        agentQueueIds: ids('Queues they join as agents (`agent_queue_ids`).'),
        supervisorQueueIds: ids('Queues they supervise (`supervisor_queue_ids`).'),
        defaultOutboundVoiceQueueId: zoomId('Their default outbound voice queue.').optional(),
        defaultOutboundMessageQueueId: zoomId('Their default outbound messaging queue.').optional(),
      })
      .describe('Queues (`assigned_queues`).')
      .optional(),
    skills: z
      .array(
        z.strictObject({
          skillId: zoomId('The skill (`skill_id`).'),
          proficiencyLevel: integer('Proficiency, 1-5 (`proficiency_level`), for proficiency skills.', 1, 5).optional(),
        }),
      )
      .describe('Skills (`skills`).')
      .optional(),
    engagementCapacity: z
      .strictObject({
        concurrentEmailCapacity: capacity('Emails at once.'),
        concurrentMessageCapacity: capacity('Messages at once.'),
        emailMaxAgentLoad: capacity('Email load.'),
        messageMaxAgentLoad: capacity('Message load.'),
      })
      .describe('Engagement capacity (`engagement_capacity`).')
      .optional(),
  }),
  apiFields: {
    name: 'template_name',
    description: 'template_description',
    type: 'template_type',
    ...BLOCKS,
  },
  serverDefaults: { description: '' },
  replaceOnChanges: ['type'],
  uniqueName: true,
  naturalKey: ['name'],
  whileReplaced: 'users cannot be added or updated from it meanwhile',
  references: {
    roleId: 'Role',
    regionId: 'Region',
    'team.teamId': 'Team',
    'assignedQueues.agentQueueIds[]': 'Queue',
    'assignedQueues.supervisorQueueIds[]': 'Queue',
    'assignedQueues.defaultOutboundVoiceQueueId': 'Queue',
    'assignedQueues.defaultOutboundMessageQueueId': 'Queue',
    'skills[].skillId': 'Skill',
  },
  exportAs: { role: 'object' },
  computedOutputs: (server) => ({ status: server.template_status }),
  lookup: {
    returns: {
      templateId: { from: 'template_id', type: 'string', required: true, description: 'The template id.' },
      name: { from: 'template_name', type: 'string', required: true, description: 'The name.' },
      type: { from: 'template_type', type: 'string', description: '`add` or `update`.' },
    },
  },
  outputs: {
    templateId: { description: 'The template id ZCC assigned.' },
    status: { description: "Zoom's status: `active`, `inactive` or `needs_attention` (it names something that no longer exists)." },
  },
  example: `const agents = new zcc.UserTemplate('new-agents', {
  name: 'New agents',
  type: 'add',
  roleId: zcc.getRole({ name: 'Agent' }).then((role) => role.roleId),
  package: { packageName: 'premium' },
  assignedQueues: { agentQueueIds: [support.queueId] },
});`,
  store: userTemplateStore(),
});
