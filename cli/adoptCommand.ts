import path from 'node:path';
import type { EngineEvent } from '@pulumi/pulumi/automation';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';
import { REFUSE_WRITES_ENV } from '../provider/client/config';
import { printable } from '../provider/client/printable';
import { isZccType } from './drift/report';

export const adoptOptions: Record<string, OptionSpec> = {
  stack: { value: true, placeholder: '<name>', description: 'Stack to record the account in (default: PULUMI_STACK, else the selected stack).' },
  cwd: { value: true, placeholder: '<dir>', description: 'The exported project directory (default: the current directory).' },
};

/**
 * `zcc-pulumi adopt`: records an exported account in a stack, so that the program's first preview is what it is:
 * nothing to create, nothing to change. It runs the program's `up` with every write refused by the client before it
 * is sent (ZCC_REFUSE_WRITES): each resource takes over its object through `adoptId` with reads only. An `up` that
 * would write (a resource with no adoptId, a setting that differs) fails instead, naming the resource, and nothing
 * in ZCC changes. Then a preview confirms there is nothing left to do.
 */
export async function runAdopt(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const workDir = path.resolve((options.cwd as string | undefined) ?? '.');
  const automation = require('@pulumi/pulumi/automation') as typeof import('@pulumi/pulumi/automation');
  let stackName = (options.stack as string | undefined) ?? env.PULUMI_STACK;
  if (!stackName) {
    stackName = (await (await automation.LocalWorkspace.create({ workDir })).stack())?.name;
    if (!stackName) throw new UsageError('zcc-pulumi adopt: no stack is selected in this project; pass --stack <name> or set PULUMI_STACK.');
  }
  // The Pulumi CLI, the program and the provider it starts inherit this process's environment.
  const saved = env[REFUSE_WRITES_ENV];
  process.env[REFUSE_WRITES_ENV] = 'true';
  const adopted: string[] = [];
  try {
    const stack = await automation.LocalWorkspace.selectStack({ stackName, workDir });
    try {
      await stack.up({
        onEvent: (event: EngineEvent) => {
          const step = event.resOutputsEvent?.metadata;
          if (step && step.op === 'create' && isZccType(step.type)) adopted.push(`${step.type.split(':').pop()} ${step.urn.split('::').pop()}`);
        },
      });
    } catch (error) {
      const lines = String((error as Error).message)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /error:/i.test(line));
      console.error(
        `zcc-pulumi adopt: the adopting up failed, and wrote nothing to ZCC (writes are refused while it runs): ${[...new Set(lines)]
          .slice(0, 10)
          .map(printable)
          .join('\n  ')}`,
      );
      return 2;
    }
    const check = await stack.preview();
    const changes = Object.entries(check.changeSummary).filter(([op, count]) => op !== 'same' && (count ?? 0) > 0);
    console.log(`Adopted ${adopted.length} object(s) into stack ${printable(stackName)} with reads only (writes were refused while it ran).`);
    if (changes.length > 0) {
      console.error(`zcc-pulumi adopt: the preview after adopting still plans ${changes.map(([op, count]) => `${count} ${op}`).join(', ')}.`);
      return 2;
    }
    console.log('`pulumi preview` now shows no changes: review and edit the program from here.');
    return 0;
  } finally {
    if (saved === undefined) delete process.env[REFUSE_WRITES_ENV];
    else process.env[REFUSE_WRITES_ENV] = saved;
  }
}
