import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { userSchema } from '../client/schemas';
import { unlessNotFound } from '../client/errors';
import { restStore } from '../engine/restStore';
import { defineSpec } from '../engine/spec';
import { integer, oneOf, setOf, text, zoomId } from './fields';
import { hasUnsafeCharacter } from '../client/printable';

/**
 * A user's Contact Center profile (`/contact_center/users`): role, region, country, client integration, channel
 * capacity, package, add-ons, access and emergency calling. Creating one adds an existing Zoom user (by email) to
 * Contact Center; deleting one removes them from it, which takes their queue memberships and skills, so it needs
 * `removeFromContactCenterOnDelete: true`. The endpoint and the profile's API shape live here, beside the spec.
 */
const CLIENT_INTEGRATIONS = ['Default', 'Salesforce', 'Zendesk', 'ServiceNow', 'Microsoft_Dynamics_365'] as const;
const PACKAGES = ['essentials', 'premium', 'elite'] as const;

const channelSettingsSchema = z.object({
  multi_channel_engagements: z
    .object({ enable: z.boolean().optional(), max_agent_load: z.number().optional(), email_max_agent_load: z.number().optional() })
    .optional(),
  concurrent_message_capacity: z.number().optional(),
  concurrent_email_capacity: z.number().optional(),
});
/** The list item (userSchema, which the client's typed calls share) plus what the profile's GET and create answer show. */
const profileSchema = userSchema.extend({
  client_integration: z.enum(CLIENT_INTEGRATIONS).optional(),
  client_integration_name: z.string().optional(),
  channel_settings: channelSettingsSchema.optional(),
  package_name: z.enum(PACKAGES).optional(),
  add_ons_plan: z.array(z.string()).optional(),
  emergency_calling: z.boolean().optional(),
});

export const userProfilesEndpoint: Collection<z.infer<typeof profileSchema>> = {
  path: '/contact_center/users',
  objectId: 'userId',
  listKey: 'users',
  item: profileSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

const capacity = (description: string) => integer(description, 1, 100).optional();

export const userSpec = defineSpec<z.infer<typeof profileSchema>>()({
  kind: 'User',
  description:
    "A user's Contact Center profile. Creating it adds an existing Zoom user (by email) to Contact Center; a user already in Contact Center is taken over with `adoptId` (their user id, see getUser). Removing it takes the user out of Contact Center with their queue memberships and skills, so it needs `removeFromContactCenterOnDelete: true`: without it the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`). Settings left out are not managed. Give a user's role here or in a RoleUsers, not both.",
  endpoint: userProfilesEndpoint,
  idField: 'user_id',
  idOutput: 'userId',
  inputSchema: z.strictObject({
    email: z
      .string({ error: 'expected a string' })
      .regex(/^[^@\s]+@[^@\s]+$/, { error: 'expected an email address' })
      .max(128, { error: 'must be at most 128 characters' })
      .refine((value) => !hasUnsafeCharacter(value), { error: 'must not contain control or bidi override characters' })
      .describe("The Zoom user's email (`user_email`). Changing it replaces the profile."),
    roleId: zoomId(
      "Their role (`role_id`, e.g. from getRole). A user's role has one owner in a program: this, or a role's RoleUsers; declaring both fails the check, naming both.",
    ).optional(),
    regionId: zoomId('Their region (`region_id`).').optional(),
    countryIsoCode: z
      .string({ error: 'expected a string' })
      .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter ISO country code such as "US"' })
      .describe('Their country (`country_iso_code`).')
      .optional(),
    clientIntegration: oneOf(CLIENT_INTEGRATIONS, 'The CRM the Contact Center client works in (`client_integration`).').optional(),
    clientIntegrationName: text('The name of that integration (`client_integration_name`).', { max: 128 }).optional(),
    userAccess: oneOf(['active', 'inactive'], 'Whether they may use Contact Center (`user_access`).').optional(),
    channelSettings: z
      .strictObject({
        multiChannelEngagements: z
          .strictObject({
            enable: z.boolean({ error: 'expected true or false' }).describe('Handle several engagements at once.').optional(),
            maxAgentLoad: capacity('The most engagements at once.'),
            emailMaxAgentLoad: capacity('The most emails at once.'),
          })
          .describe('Several engagements at once (`multi_channel_engagements`).')
          .optional(),
        concurrentMessageCapacity: capacity('Messaging engagements at once.'),
        concurrentEmailCapacity: capacity('Email engagements at once.'),
      })
      .describe('Channel capacity (`channel_settings`). Capacities are 1 to 100 (an assumption: the document gives no range).')
      .optional(),
    packageName: oneOf(PACKAGES, 'Their Contact Center package (`package_name`).').optional(),
    addOnsPlan: setOf(['ai_expert_assist'], 'Add-ons (`add_ons_plan`); order does not matter.').optional(),
    emergencyCalling: z.boolean({ error: 'expected true or false' }).describe('Emergency calling (`emergency_calling`).').optional(),
    removeFromContactCenterOnDelete: z
      .boolean({ error: 'expected true or false' })
      .describe(
        'When this resource is deleted, take the user out of Contact Center (their Zoom account stays; their queue memberships and skills go). No default: set it before deleting.',
      )
      .optional(),
  }),
  apiFields: {
    email: 'user_email',
    roleId: 'role_id',
    regionId: 'region_id',
    countryIsoCode: 'country_iso_code',
    clientIntegration: 'client_integration',
    clientIntegrationName: 'client_integration_name',
    userAccess: 'user_access',
    channelSettings: 'channel_settings',
    packageName: 'package_name',
    addOnsPlan: 'add_ons_plan',
    emergencyCalling: 'emergency_calling',
  },
  setFields: ['addOnsPlan'],
  replaceOnChanges: ['email'],
  uniqueName: true,
  naturalKey: ['email'],
  // A user's role has one owner in a program: this roleId, or a role's RoleUsers.
  declaresOnce: {
    fact: 'the role of user',
    input: 'roleId',
    keys: (inputs, previous) => (inputs.roleId !== undefined && typeof previous.userId === 'string' ? [previous.userId] : []),
    by: (inputs) => `User ${JSON.stringify(inputs.email)} (roleId)`,
  },
  references: { roleId: 'Role', regionId: 'Region' },
  deleteNeedsOneOf: ['removeFromContactCenterOnDelete'],
  onDelete: (inputs) =>
    inputs.removeFromContactCenterOnDelete === true
      ? `takes ${String(inputs.email)} out of Contact Center, with their queue memberships and skills (their Zoom account stays)`
      : 'refused: removing the user from Contact Center needs removeFromContactCenterOnDelete: true',
  computedOutputs: (server) => ({ displayName: server.display_name, ccUserId: server.cc_user_id }),
  exportAs: {
    role: 'none',
    because:
      'export names users by email (getUser) wherever the program refers to them, and does not declare their profiles: adopting an export never takes over who may use Contact Center',
  },
  outputs: {
    userId: { description: 'The Zoom user id.' },
    displayName: { description: "The user's name, as Zoom shows it." },
    ccUserId: { description: 'The Contact Center user id.' },
  },
  example: `const leadsRole = zcc.getRole({ name: 'Supervisor' });
new zcc.User('ada', {
  email: 'ada@example.com',
  roleId: leadsRole.then((role) => role.roleId),
  countryIsoCode: 'GB',
  channelSettings: { multiChannelEngagements: { enable: true, maxAgentLoad: 3 } },
  removeFromContactCenterOnDelete: true,
});`,
  store: {
    ...restStore(userProfilesEndpoint),
    remove: async (client, id, previous) => {
      if (previous.removeFromContactCenterOnDelete !== true)
        throw new Error(
          `User ${id} was not removed from Contact Center: that takes their queue memberships and skills, which needs removeFromContactCenterOnDelete: true. Set it, run up, then remove the resource.`,
        );
      await unlessNotFound(() => client.deleteOne(userProfilesEndpoint, [id]));
    },
  },
});
