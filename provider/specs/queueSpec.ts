import { z } from 'zod';
import { CHANNELS, ROUTING_METHODS, queueSchema } from '../client/schemas';
import type { ResourceSpec, Props } from '../engine/spec';
import { integer, oneOf, setOf, text } from './fields';

export const queueInputs = z.strictObject({
  name: text('Queue name shown to agents and supervisors; unique in the account (1-150 characters).', { min: 1, max: 150 }),
  description: text('Free-text description of the queue (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
  channels: setOf(CHANNELS, 'Channels the queue serves. Order does not matter. Changing it replaces the queue, as ZCC cannot move a queue between channels.'),
  routingMethod: oneOf(ROUTING_METHODS, 'How engagements are distributed to agents. Defaults to round_robin.').optional(),
  maxWaitTime: integer('Longest time, in seconds, an engagement waits in the queue before overflow (0-3600). Defaults to 300.', 0, 3600).optional(),
});

export const queueSpec: ResourceSpec = {
  kind: 'Queue',
  description: 'A Zoom Contact Center queue: where engagements of some channels wait to be routed to agents.',
  path: '/contact_center/queues',
  idField: 'queue_id',
  listKey: 'queues',
  idOutput: 'queueId',
  responseSchema: queueSchema as unknown as z.ZodType<Props>,
  inputSchema: queueInputs,
  apiFields: { name: 'name', description: 'description', channels: 'channels', routingMethod: 'routing_method', maxWaitTime: 'max_wait_time' },
  serverDefaults: { description: '', routingMethod: 'round_robin', maxWaitTime: 300 },
  setFields: ['channels'],
  replaceOnChanges: ['channels'],
  uniqueName: true,
  naturalKey: ['name'],
  computedOutputs: (server) => ({ createdAt: server.created_at, updatedAt: server.updated_at }),
  outputs: {
    queueId: { description: 'The queue id ZCC assigned.' },
    createdAt: { description: 'When the queue was created (ISO 8601).' },
    updatedAt: { description: 'When the queue was last changed (ISO 8601).' },
  },
  example: `const support = new zcc.Queue('support', {
  name: 'Support',
  channels: ['voice', 'chat'],
  routingMethod: 'skills_based',
  maxWaitTime: 300,
});`,
  categories: { list: 'medium', get: 'light', create: 'light', update: 'light', delete: 'light' },
};
