import type * as dynamic from '@pulumi/pulumi/dynamic';
import { createEngine } from './engine/engine';
import { allSpecs } from './specs';
import { configureFromStack, getClient, knownSecrets } from './runtime';

/**
 * What every kind's dynamic provider calls (sdk/providers/kindProvider.ts `require`s this module at run time): the
 * engine, given every spec and the provider process's one client (one token, one set of rate limiters).
 */
export const engine = createEngine({ specs: allSpecs, client: getClient, secrets: knownSecrets });

export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  configureFromStack((key) => req.config.get(key));
}

export const { check, diff, create, read, update, remove, listExisting, readExisting, readForImport, ownedByAccountDefault, inputInvalid, inputWarnings } =
  engine;
