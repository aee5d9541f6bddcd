import { z } from 'zod';
import { CHANNELS, flowSchema } from '../client/schemas';
import type { Props, ResourceSpec } from '../engine/spec';
import { sameValue } from '../engine/normalize';
import { oneOf, text } from './fields';
import { plainJsonProblem } from './plainJson';

export const flowSpec: ResourceSpec = {
  kind: 'Flow',
  description: 'A routing flow (IVR, chat bot, …) with its definition, optionally published.',
  path: '/contact_center/flows',
  idField: 'flow_id',
  listKey: 'flows',
  listPageSize: 100,
  idOutput: 'flowId',
  responseSchema: flowSchema as unknown as z.ZodType<Props>,
  inputSchema: z.strictObject({
    name: text('Flow name, unique in the account (1-128 characters).', { min: 1, max: 128 }),
    description: text('Description (up to 256 characters). Defaults to empty.', { max: 256 }).optional(),
    channel: oneOf(CHANNELS, 'Channel the flow handles. Changing it replaces the flow.'),
    // Validated on the raw value: parsing into a record would already have turned a `__proto__` key into a prototype.
    definition: z
      .unknown()
      .superRefine((value, ctx) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) ctx.addIssue({ code: 'custom', message: 'expected a JSON object (the flow definition)' });
        else {
          const problem = plainJsonProblem(value, 'definition');
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      })
      .describe('The flow definition as a JSON object; compared canonically, so key order and whitespace never cause a diff.'),
    publish: z.boolean({ error: 'expected true or false' }).describe('Publish the flow after every change of its definition. Defaults to false (left as a draft).').optional(),
  }),
  apiFields: { name: 'name', description: 'description', channel: 'channel', definition: 'definition' },
  serverDefaults: { description: '', publish: false },
  replaceOnChanges: ['channel'],
  uniqueName: true,
  naturalKey: ['name'],
  // `publish: false` means "leave it as a draft or as it is"; only a declared `true` can drift.
  derivedInputs: (server, declared) => ({ publish: declared?.publish === true ? server.status === 'published' : (declared?.publish ?? false) }),
  computedOutputs: (server) => ({ status: server.status, version: server.version }),
  outputs: {
    flowId: { description: 'The flow id ZCC assigned.' },
    status: { description: '`draft` or `published`.' },
    version: { description: 'Version number; increases with each definition change.', type: 'number' },
  },
  example: `const ivr = new zcc.Flow('main-ivr', {
  name: 'Main IVR',
  channel: 'voice',
  publish: true,
  definition: { start: { type: 'menu', options: { '1': 'sales', '2': 'support' } } },
});`,
  categories: { list: 'medium', get: 'light', create: 'medium', update: 'light', delete: 'light' },
  afterWrite: async (client, id, inputs, previous) => {
    if (inputs.publish !== true) return;
    const changed = !previous || previous.publish !== true || !sameValue(previous.definition, inputs.definition);
    if (!changed) return;
    await client.publishFlow(id);
    return { status: 'published', publish: true };
  },
};
