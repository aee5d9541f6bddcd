import path from 'node:path';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';
import { renderGraph, type RoutingResource } from './drift/graph';
import { isUserResource, isZccType, kindOf, nameOf, settings } from './drift/report';

export const graphOptions: Record<string, OptionSpec> = {
  stack: { value: true, placeholder: '<name>', description: 'Stack to draw (default: PULUMI_STACK, else the selected stack).' },
  cwd: { value: true, placeholder: '<dir>', description: 'The Pulumi project directory (default: the current directory).' },
  markdown: { value: false, description: 'Wrap the diagram in a ```mermaid block, for a README, an issue or a job summary.' },
  'max-nodes': { value: true, placeholder: '<n>', description: 'Draw at most this many objects, then "and N more" (default 200).' },
};

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
}

/**
 * `zcc-pulumi graph`: the whole stack's routing as a Mermaid flowchart (flows → queues → routing profiles → skill
 * categories and skills, members as counts), from the stack's state: no preview, no API call.
 */
export async function runGraph(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const workDir = path.resolve((options.cwd as string | undefined) ?? '.');
  const maxNodes = options['max-nodes'] === undefined ? 200 : Number(options['max-nodes']);
  if (!Number.isInteger(maxNodes) || maxNodes < 1) throw new UsageError(`zcc-pulumi graph: --max-nodes must be a whole number of at least 1.`);
  const automation = require('@pulumi/pulumi/automation') as typeof import('@pulumi/pulumi/automation');
  let stackName = (options.stack as string | undefined) ?? env.PULUMI_STACK;
  if (!stackName) {
    stackName = (await (await automation.LocalWorkspace.create({ workDir })).stack())?.name;
    if (!stackName) throw new UsageError('zcc-pulumi graph: no stack is selected in this project; pass --stack <name> or set PULUMI_STACK.');
  }
  const stack = await automation.LocalWorkspace.selectStack({ stackName, workDir });
  const state = await stack.exportStack();
  const resources: RoutingResource[] = ((state.deployment?.resources ?? []) as StateResource[])
    .filter((resource) => isUserResource(resource.type) && isZccType(resource.type))
    .map((resource) => ({
      urn: resource.urn,
      kind: kindOf(resource.type),
      name: nameOf(resource.urn),
      id: resource.id,
      inputs: settings(resource.inputs),
    }));
  const diagram = renderGraph(resources, { maxNodes });
  console.log(options.markdown ? `\`\`\`mermaid\n${diagram}\n\`\`\`` : diagram);
  return 0;
}
