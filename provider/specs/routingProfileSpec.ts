import { z } from 'zod';
import { routingProfileSchema } from '../client/schemas';
import type { Props, ResourceSpec } from '../engine/spec';
import { text, zoomId } from './fields';

export const routingProfileSpec: ResourceSpec = {
  kind: 'RoutingProfile',
  description: 'A routing profile: the queues an agent with this profile takes engagements from.',
  path: '/contact_center/routing_profiles',
  idField: 'routing_profile_id',
  listKey: 'routing_profiles',
  idOutput: 'routingProfileId',
  responseSchema: routingProfileSchema as unknown as z.ZodType<Props>,
  inputSchema: z.strictObject({
    name: text('Profile name, unique in the account (1-128 characters).', { min: 1, max: 128 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    queueIds: z
      .array(zoomId('A queue id.'), { error: 'expected a list of queue ids' })
      .max(50, { error: 'must list at most 50 queues' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list the same queue twice' })
      .describe('Ids of the queues in the profile; order does not matter. Defaults to none.')
      .optional(),
  }),
  apiFields: { name: 'name', description: 'description', queueIds: 'queue_ids' },
  serverDefaults: { description: '', queueIds: [] },
  setFields: ['queueIds'],
  uniqueName: true,
  updateMayBeUnsupported: true,
  deleteMayBeUnsupported: true,
  naturalKey: ['name'],
  outputs: { routingProfileId: { description: 'The routing profile id ZCC assigned.' } },
  example: `new zcc.RoutingProfile('frontline', { name: 'Frontline', queueIds: [support.queueId, sales.queueId] });`,
  categories: { list: 'medium', get: 'light', create: 'light', update: 'light', delete: 'light' },
};
