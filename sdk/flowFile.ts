import { readFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { printable } from '../provider/client/printable';

/**
 * A flow file exported from Zoom Contact Center (Studio's JSON), read for `Flow.definition`. Fails the program
 * with one line naming the file when it cannot be read or is not JSON.
 */
export function readFlowFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new pulumi.RunError(printable(`readFlowFile: cannot read ${JSON.stringify(path)}: ${(error as Error).message}`));
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new pulumi.RunError(printable(`readFlowFile: ${JSON.stringify(path)} is not a flow file: ${(error as Error).message}`));
  }
}
