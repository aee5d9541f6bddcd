import * as pulumi from '@pulumi/pulumi';
import { configureFromStack, knownSecrets } from '../provider/runtime';
import { isCredentialsRefusal, redact } from '../provider/client/errors';
import { printable } from '../provider/client/printable';
import * as lookups from '../provider/lookups';
import type { EntryPointInfo, UserInfo } from '../provider/lookups';

/*
 * Lookups run in the program, at deployment time, with the same credentials as the resources (stack config
 * `zcc:*`, then ZOOM_* / ZCC_BASE_URL). They page through the API, so they see every object.
 */

/**
 * Runs a lookup so that any failure (no match, bad credentials, an unreachable base URL) ends the program with
 * one line naming the lookup, as Pulumi's own providers do: a RunError prints no stack trace.
 */
async function lookup<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isCredentialsRefusal(error)) throw credentialsError(error);
    const message = error instanceof Error ? error.message : String(error);
    const text = printable(redact(message, knownSecrets()));
    throw new pulumi.RunError(text.startsWith(`${name}:`) ? text : `${name}: ${text}`);
  }
}

/**
 * Refused credentials fail every lookup for one cause. Pulumi's runtime reports an error object once, however many
 * awaiters it reaches: every lookup throws this same RunError, so the refusal is printed once, without a lookup name.
 */
const credentialsErrors = new WeakMap<Error, pulumi.RunError>();
function credentialsError(error: Error): pulumi.RunError {
  let shared = credentialsErrors.get(error);
  if (!shared) {
    shared = new pulumi.RunError(printable(redact(error.message, knownSecrets())));
    credentialsErrors.set(error, shared);
  }
  return shared;
}

/** The stack's `zcc:*` config for the process's client, before each lookup (the program's config can change). */
function configured(): void {
  configureFromStack((key) => pulumi.runtime.getConfig(key));
}

export type { EntryPointInfo, UserInfo };

/**
 * The users of the account (all pages): those matching `search` (Zoom's `search_key`: a name or email) and, with
 * `active`, only active (true) or inactive (false) ones.
 */
export function getUsers(args: { search?: string; active?: boolean } = {}): Promise<UserInfo[]> {
  return lookup('getUsers', () => (configured(), lookups.findUsers(args)));
}

/** One user, by email (case-insensitive) or by id. Fails naming what was looked for when there is none. */
export function getUser(args: { email: string } | { userId: string }): Promise<UserInfo> {
  return lookup('getUser', () => (configured(), lookups.findUser(args)));
}

/**
 * One entry point of the account, on `channel`, by its phone number (E.164, as ZCC lists it), email address or
 * name; fails naming what was looked for when none matches, and listing the ids when several do.
 */
export function getEntryPoint(args: {
  channel: 'voice' | 'video' | 'messaging' | 'email';
  number?: string;
  email?: string;
  name?: string;
}): Promise<EntryPointInfo> {
  return lookup('getEntryPoint', () => (configured(), lookups.findEntryPoint(args)));
}

/**
 * The lookup `get<Kind>({ name })` of a spec with `lookup` (sdk/generated/lookups.ts calls it): the object of the
 * kind with exactly that name among all pages of its list, narrowed by the spec's `within` argument when given.
 */
export function findByName<T>(kind: string, args: Record<string, string | undefined>): Promise<T> {
  return lookup(`get${kind}`, () => (configured(), lookups.findByName<T>(kind, args)));
}

export { nounOf } from '../provider/lookups';
