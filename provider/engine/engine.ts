import { namingUsersOnDelete } from './whereUsed';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { z } from 'zod';
import type { ZccClient } from '../client/client';
import { ZccApiError, isAmbiguous, isConflict, isCredentialsRefusal, redact } from '../client/errors';
import { inOperation } from '../client/operation';
import { idProblem } from '../client/paths';
import { hasUnsafeCharacter, printable, shown } from '../client/printable';
import { installCancellationHook } from './cancellationHook';
import { fromApiValue, toApiValue } from './apiValues';
import { UNKNOWN, containsUnknown, preferOrder, sameValue } from './compare';
import { STAMP_OUTPUT, type ObjectStore, type Props, type ResourceSpec } from './spec';
import { restStore } from './restStore';
import { forgetListing, listingOf, rememberCreated, usesListing } from './listings';
import { beginWrite } from './stamps';
import { preexisting, recordAdopted, recordStackObject, withNaturalKey } from './preexisting';
import { recordDeclared, releasable } from './declaredMembers';
import { claimFacts } from './oneOwner';
import { currentRun } from './run';
import { fittedList, issueLine, issueReason, nearestFirst, schemaIssues } from './schemaIssues';

/**
 * The generic engine behind every resource kind: check, diff, create, read, update and delete, driven by the specs
 * it is given (provider/specs) and calling ZCC through the client it is given. It names no kind. The serialized
 * provider stub in each resource's state reaches it by kind (provider/handlers.ts), so it must accept every state
 * shape an older version of this package wrote.
 */

const PROVIDER_KEY = '__provider';

installCancellationHook();
/** Input every kind accepts: take over an existing object instead of creating one. */
export const ADOPT_ID = 'adoptId';

function userInputs(spec: ResourceSpec, props: Props): Props {
  const out: Props = {};
  for (const key of Object.keys(spec.inputSchema.shape)) if (props[key] !== undefined) out[key] = props[key];
  return out;
}

/**
 * The input that records what deleting the resource does beyond the object (spec `onDelete`): Pulumi shows a
 * deleted resource's recorded inputs in `destroy --preview-only` and in previews, and runs no provider code then.
 */
export const ON_DELETE = 'onDelete';

/**
 * Inputs that are this provider's records, not API fields (the object adopted, what a delete does): a refresh reads
 * nothing for them, so it keeps what the state holds.
 */
function providerRecords(props: Props): Props {
  return Object.fromEntries([ADOPT_ID, ON_DELETE].filter((key) => props[key] !== undefined).map((key) => [key, props[key]]));
}

/** Set kinds remove what they declare; other kinds say it with `onDelete`. Values not known yet are counted. */
function deleteEffect(spec: ResourceSpec, inputs: Props): string | undefined {
  if (spec.onDelete) return spec.onDelete(inputs);
  const role = spec.exportAs;
  if (role.role !== 'set') return undefined;
  // A member is an id, or an object naming one (a user's skill: { skillId, proficiencyLevel }).
  const idOf = (item: unknown) =>
    item !== null && typeof item === 'object' ? Object.entries(item).find(([key, inner]) => key.endsWith('Id') && typeof inner === 'string')?.[1] : item;
  const parts: string[] = [];
  for (const field of [role.members].flat()) {
    const value = inputs[field];
    const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    if (items.length === 0) continue;
    const known = items.map(idOf).filter((item): item is string => typeof item === 'string' && item !== UNKNOWN);
    const unknown = items.length - known.length;
    parts.push(`${field} ${[...known, ...(unknown > 0 ? [`${unknown} known after up`] : [])].join(', ')}`);
  }
  return parts.length > 0 ? `removes from its ${role.owner}: ${parts.join('; ')}` : undefined;
}

/** `(queue q_1) ` for a declaration keyed by its parent's id, as far as it is known yet. */
function describeOwner(spec: ResourceSpec, declared: Props): string {
  const owner = declared[spec.idOutput];
  return typeof owner === 'string' && owner !== UNKNOWN ? `for ${spec.references?.[spec.idOutput]?.toLowerCase() ?? 'object'} ${owner} ` : '';
}

/** Inputs with server defaults filled in: what the object will look like once it exists. */
function withDefaults(spec: ResourceSpec, inputs: Props): Props {
  const out = { ...inputs };
  for (const [key, value] of Object.entries(spec.serverDefaults ?? {})) if (out[key] === undefined) out[key] = value;
  return out;
}

function toBody(spec: ResourceSpec, inputs: Props, only?: string[]): Props {
  const body: Props = {};
  for (const [prop, field] of Object.entries(spec.apiFields)) {
    if (only && !only.includes(prop)) continue;
    if (inputs[prop] !== undefined) body[field] = toApiValue(inputs[prop], spec.inputSchema.shape[prop] as z.ZodType);
  }
  return body;
}

/**
 * Recorded inputs with the API's numbers named as this version names them: a field that a later version gave
 * names (a closure's `closureHourType: 1` → `"allDay"`) is the same value, not a change to apply.
 */
function namedCodes(spec: ResourceSpec, props: Props): Props {
  const shape = spec.inputSchema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, key in shape ? fromApiValue(toApiValue(value, shape[key]), shape[key]) : value]));
}

/** Whether one input has the same meaning on both sides (set-like arrays compared as sets). */
function sameField(spec: ResourceSpec, key: string, a: unknown, b: unknown): boolean {
  return sameValue(a, b, spec.setFields?.includes(key));
}

/** How an existing API object differs from a declaration: the fields to PATCH to bring it there. */
function differingFields(spec: ResourceSpec, server: Props, declared: Props): { current: Props; wanted: Props; differing: string[] } {
  const current = toOutputs(spec, server, declared).inputs;
  const wanted = withDefaults(spec, declared);
  const differing = Object.keys(spec.apiFields).filter((key) => wanted[key] !== undefined && !sameField(spec, key, current[key], wanted[key]));
  return { current, wanted, differing };
}

/** The API object in SDK shape: the inputs it corresponds to, plus id and computed outputs. */
function toOutputs(spec: ResourceSpec, server: Props, declared: Props | undefined): { id: string; inputs: Props; outs: Props } {
  const id = String(server[spec.idField]);
  const inputs: Props = {};
  for (const [prop, field] of Object.entries(spec.apiFields)) {
    let value = fromApiValue(server[field], spec.inputSchema.shape[prop] as z.ZodType);
    if (value === undefined || value === null) continue;
    // A setting the program does not declare, and whose default we do not know, is not managed: tracking the
    // server's value would show a diff against a program that never mentioned it.
    if (declared && declared[prop] === undefined && !(prop in (spec.serverDefaults ?? {}))) continue;
    if (spec.setFields?.includes(prop) && Array.isArray(value)) value = preferOrder(declared?.[prop] as unknown[] | undefined, value);
    // Echo the user's spelling (e.g. NFD) when it means the same, so state matches the program.
    else if (declared && declared[prop] !== undefined && sameValue(declared[prop], value)) value = declared[prop];
    inputs[prop] = value;
  }
  Object.assign(inputs, spec.derivedInputs?.(server, declared) ?? {});
  // Inputs that are not API fields (allowEmpty) are settings of this resource, not of the object: echo them.
  for (const key of Object.keys(spec.inputSchema.shape)) {
    if (!(key in spec.apiFields) && inputs[key] === undefined && declared?.[key] !== undefined) inputs[key] = declared[key];
  }
  const outs = { ...inputs, [spec.idOutput]: id, ...(spec.computedOutputs?.(server) ?? {}) };
  for (const key of Object.keys(outs)) if (outs[key] === undefined) delete outs[key];
  return { id, inputs, outs };
}

/** Each kind's store, made once: derived from its spec alone, so not run state. */
const stores = new Map<ResourceSpec, ObjectStore>();

/**
 * Ids of objects that a diff of this provider process decided to replace. One process serves every diff of a run,
 * and an upstream's diff runs before its dependents' (their inputs wait for its outputs), so a dependent whose
 * reference is unknown in a preview looks up its old reference here: replaced upstream, replaced dependent; updated
 * upstream, nothing (an updated object keeps its id).
 */
// `<kind>:<id>` (a queue and its member set share an id), in this run (run.ts).
const replacedThisRun = () => currentRun().part('replaced', () => new Set<string>());
/** `BusinessHours` → `Business hours`, for messages. */
const humanKind = (kind: string) => kind.replace(/(?<=[a-z])([A-Z])/g, (letter: string) => ` ${letter.toLowerCase()}`);
function storeOf(spec: ResourceSpec): ObjectStore {
  let store = stores.get(spec);
  if (!store) {
    store = spec.store ?? restStore(spec.endpoint);
    if (spec.usedBy)
      store = namingUsersOnDelete(store, spec.usedBy, humanKind(spec.kind), spec.usedByAdvice ?? 'Point them elsewhere in the same up, or keep it.');
    stores.set(spec, store);
  }
  return store;
}

/**
 * The API-shaped declaration of a state's inputs, for stores whose behaviour depends on what was declared. Inputs
 * that are settings of the resource rather than API fields (a flow's `publish`) ride along under their SDK names.
 */
function declaredBody(spec: ResourceSpec, props: Props): Props {
  const inputs = withDefaults(spec, userInputs(spec, props));
  const settings = Object.fromEntries(
    Object.keys(spec.inputSchema.shape)
      .filter((key) => !(key in spec.apiFields) && inputs[key] !== undefined)
      .map((key) => [key, inputs[key]]),
  );
  return { ...settings, ...toBody(spec, inputs) };
}

/** An error as users see it: no secret, no control character that could redraw their terminal, no stack. */
function userFacing(error: unknown, secrets: readonly string[]): Error {
  const message = error instanceof Error ? error.message : String(error);
  const clean = new Error(printable(redact(message, secrets)));
  if (error instanceof ZccApiError) Object.assign(clean, { name: 'ZccApiError', details: error.details });
  return clean;
}

/**
 * Pulumi prints a failure as "property X value <raw value> has a problem: <reason>", the raw value unescaped. When
 * that value holds a control or bidi character, the failure is reported on the resource instead (our reason
 * already names the property and shows the value escaped), so the terminal never receives it raw.
 */
function withoutRawValue(failure: dynamic.CheckFailure, news: Props): dynamic.CheckFailure {
  const value = news[failure.property];
  // An object or list would be printed whole as a Go map dump; the reason already quotes the part that is wrong.
  const unsafe = hasUnsafeCharacter(failure.property) || holdsUnsafeText(value) || (value !== null && typeof value === 'object');
  return unsafe ? { property: '', reason: failure.reason } : failure;
}

function holdsUnsafeText(value: unknown): boolean {
  if (typeof value === 'string') return hasUnsafeCharacter(value);
  if (Array.isArray(value)) return value.some(holdsUnsafeText);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => hasUnsafeCharacter(key) || holdsUnsafeText(item));
  return false;
}

/** A hostile property name is quoted, not repeated whole: a long one would push what is allowed off the line. */
function cutName(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Pulumi's gRPC Struct cannot carry `undefined`: an output that has no value is left out. */
function withoutUndefined(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}

/**
 * After a PATCH (which answers 204) the recorded modification time is stale: dropped, so the next refresh reads the
 * object instead of trusting it. Kinds with `stampFromList` get a fresh one from the list instead (stamps.ts).
 */
function computedAfterWrite(spec: ResourceSpec, written: boolean): Props | undefined {
  return written && spec.listUnchanged ? { [STAMP_OUTPUT]: undefined } : undefined;
}

/** A write of a `stampFromList` kind: ends by asking for the written object's stamp, or withdraws. */
type StampTicket = ReturnType<typeof beginWrite>;

function stampTicket(spec: ResourceSpec): StampTicket | undefined {
  return spec.stampFromList && spec.listUnchanged ? beginWrite(spec.kind) : undefined;
}

async function withStamp(client: ZccClient, spec: ResourceSpec, ticket: StampTicket | undefined, id: string, outs: Props, created = false): Promise<Props> {
  if (!ticket) return outs;
  const store = storeOf(spec);
  const pages = store.pages;
  if (!pages) {
    ticket.withdraw();
    return outs;
  }
  const stamp = await ticket.stamp(id, { pages: (from) => pages(client, from), idField: spec.idField }, created);
  return withoutUndefined({ ...outs, [STAMP_OUTPUT]: stamp });
}

/**
 * Whether a write's body holds every field the declaration manages, so the object then equals the stack. Fields
 * the API cannot change (`replaceOnChanges`) cannot hold an edit either.
 */
function sentEveryField(spec: ResourceSpec, body: Props, declared: Props): boolean {
  const mutable = Object.keys(spec.apiFields).filter((key) => !spec.replaceOnChanges?.includes(key));
  return Object.keys(toBody(spec, declared, mutable)).every((field) => field in body);
}

/** Declared fields the create endpoint does not take (`createFields`), to be set right after the create. */
function settingsAfterCreate(spec: ResourceSpec, declared: Props): string[] {
  if (!spec.createFields) return [];
  return Object.keys(spec.apiFields).filter((key) => !spec.createFields!.includes(key) && declared[key] !== undefined);
}

/**
 * POST, and after an ambiguous failure (the answer lost) look the object up by its natural key before trying again.
 * Only an object that was not there before this process created anything (preexisting.ts) can be the lost
 * attempt's result: that one is taken, brought to the declaration. Any other object with the key is never taken
 * over: a conflict (409) names it and how to keep it (`aliases` for a rename, or `adoptId`).
 */
async function createOnce(client: ZccClient, spec: ResourceSpec, declared: Props): Promise<Props> {
  const body = toBody(spec, withDefaults(spec, declared), spec.createFields);
  // What was there before: taken at check already; a create that skipped check (tests, export) takes it now.
  const before = spec.naturalKey ? await preexisting(client, spec, storeOf(spec)).catch(() => undefined) : undefined;
  const earlier = new Set((before ?? []).map((item) => String(item[spec.idField])));
  let lostAttempt = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOf(spec).create(client, body);
    } catch (error) {
      const conflict = isConflict(error);
      const ambiguous = isAmbiguous(error);
      if (!(conflict || ambiguous) || !spec.naturalKey || attempt >= 4) throw error;
      lostAttempt ||= ambiguous;
      const matches = await findByNaturalKey(client, spec, declared);
      // Objects this run may have made: none of them existed before (without that list, none is provably ours).
      const ours = before ? matches.filter((item) => !earlier.has(String(item[spec.idField]))) : [];
      if (lostAttempt && ours.length === 1) return adoptMatch(client, spec, ours[0], declared);
      if (lostAttempt && ours.length > 1) {
        const ids = ours.map((m) => m[spec.idField]).join(', ');
        throw new Error(
          `${spec.kind} create failed ambiguously (${(error as Error).message}) and ${ours.length} new objects match ${describeKey(spec, declared)}: ${ids}. Delete the extra ones or adopt one explicitly, then run again.`,
        );
      }
      if (lostAttempt && !before && matches.length > 0) {
        const ids = matches.map((m) => m[spec.idField]).join(', ');
        throw new Error(
          `${spec.kind} create failed ambiguously (${(error as Error).message}), and what existed before it could not be listed, so whether ${ids} is its result is unknown. Adopt it with adoptId, or delete it, then run again.`,
        );
      }
      if (conflict) throw new Error(`${alreadyExists(spec, declared, matches)} (${(error as Error).message})`);
    }
  }
}

/** Why a create cannot take over an existing object with its natural key, and how to keep or take it. */
function alreadyExists(spec: ResourceSpec, declared: Props, matches: Props[]): string {
  const ids = matches.map((m) => String(m[spec.idField]));
  const id = ids.length === 1 ? ids[0] : '<id>';
  return printable(
    `${spec.kind} ${describeKey(spec, declared)} already exists in ZCC${ids.length ? ` (${ids.join(', ')})` : ''} and is not this resource's, so it was not created or taken over. If you renamed this resource or moved it into a component, add the resource option aliases: [{ name: "<old name>" }] (or the old parent) so Pulumi keeps the object; to take over the existing object, set adoptId: ${JSON.stringify(id)}; otherwise choose another name.`,
  );
}

function describeKey(spec: ResourceSpec, declared: Props): string {
  return (spec.naturalKey ?? []).map((key) => `${key}=${JSON.stringify(declared[key])}`).join(', ');
}

/** The objects matching the declaration's natural key, each read in full (list items carry fewer fields). */
async function findByNaturalKey(client: ZccClient, spec: ResourceSpec, declared: Props): Promise<Props[]> {
  const matches = withNaturalKey(spec, await storeOf(spec).list(client), declared);
  const full = await Promise.all(matches.map((item) => storeOf(spec).get(client, String(item[spec.idField]))));
  return full.filter((item): item is Props => item !== undefined);
}

/** Brings an existing object to the declared inputs with one PATCH of what differs. */
async function adoptMatch(client: ZccClient, spec: ResourceSpec, server: Props, declared: Props): Promise<Props> {
  const id = String(server[spec.idField]);
  const { current, wanted, differing } = differingFields(spec, server, declared);
  if (differing.length === 0) return server;
  await storeOf(spec).update(client, id, toBody(spec, wanted, differing), toBody(spec, wanted), toBody(spec, current));
  return (await storeOf(spec).get(client, id, toBody(spec, wanted))) ?? server;
}

export interface EngineOptions {
  /** The kinds it manages (provider/specs/index.ts). */
  specs: readonly ResourceSpec[];
  /** The client for ZCC, asked for only when a call is due: checking a valid program needs none. */
  client: () => ZccClient;
  /** Known secrets, scrubbed from every message (the configured client secret). */
  secrets?: () => readonly string[];
}

export type Engine = ReturnType<typeof createEngine>;

export function createEngine(options: EngineOptions) {
  const byKind = new Map(options.specs.map((spec) => [spec.kind, spec]));
  const secrets = () => options.secrets?.() ?? [];

  function specFor(kind: string): ResourceSpec {
    const spec = byKind.get(kind);
    if (!spec)
      throw new Error(
        `zcc-pulumi does not know the resource kind "${kind}". Known kinds: ${[...byKind.keys()].join(', ')}. Upgrade zcc-pulumi to the version that created this resource.`,
      );
    return spec;
  }

  /**
   * Refused credentials fail every resource of the run for one cause: its message is printed once, on the first
   * resource that met it; the others say they stopped for it in a few words.
   */
  function onceForCredentials(kind: string, error: ZccApiError): Error {
    const credentials = currentRun().part('credentials', () => ({ reported: false }));
    if (!credentials.reported) {
      credentials.reported = true;
      return userFacing(error, secrets());
    }
    return new Error(`${kind}: stopped, ZCC refused the credentials (the message is on the first resource that met it).`);
  }

  /** A check that met refused credentials fails on the resource (a verdict: `up` would fail the same way). */
  const credentialsFailure = (kind: string, error: ZccApiError): dynamic.CheckFailure => ({ property: '', reason: onceForCredentials(kind, error).message });

  /** Runs one operation: its calls after the first go ahead of new operations' (client/operation.ts). */
  async function withUserFacingErrors<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await inOperation(run);
    } catch (error) {
      if (error && typeof error === 'object' && 'reasons' in error) throw error;
      if (isCredentialsRefusal(error)) throw onceForCredentials('This resource', error);
      throw userFacing(error, secrets());
    }
  }

  /** Warnings reach the user through the provider's stderr, which Pulumi shows for the resource. */
  function warn(message: string): void {
    console.warn(`warning: ${printable(redact(message, secrets()))}`);
  }

  async function check(kind: string, olds: Props, news: Props): Promise<dynamic.CheckResult> {
    const spec = specFor(kind);
    const failures: dynamic.CheckFailure[] = [];
    const shape = spec.inputSchema.shape;
    const allowed = [...Object.keys(shape), ADOPT_ID];
    for (const key of Object.keys(news)) {
      // ON_DELETE is this provider's own record (deleteEffect), written by check: never a declaration.
      if (key.startsWith('__') || key === ON_DELETE) continue;
      if (!allowed.includes(key))
        failures.push({
          property: printable(key),
          reason: fittedList(`${kind} has no property ${cutName(shown(key))}. Allowed properties: `, nearestFirst(key, allowed), '.', kind),
        });
    }
    const adoptId = news[ADOPT_ID];
    if (adoptId !== undefined && !containsUnknown(adoptId)) {
      const problem = typeof adoptId !== 'string' || adoptId.trim() === '' ? `got ${shown(adoptId)}` : (spec.idProblem ?? idProblem)(adoptId);
      if (problem)
        failures.push({ property: ADOPT_ID, reason: `${kind}.${ADOPT_ID} is invalid: ${problem}; expected the id of an existing ${kind} to take over.` });
    }
    for (const issue of schemaIssues(spec, news)) failures.push({ property: issue.key, reason: issueReason(kind, issue) });
    const declared = userInputs(spec, news);
    const known = !containsUnknown(declared);
    if (failures.length === 0 && known) {
      for (const [property, reason] of spec.crossFieldCheck?.(declared) ?? []) failures.push({ property, reason: `${kind}.${property} ${reason}` });
    }
    if (failures.length === 0 && known) for (const warning of spec.assumptionWarnings?.(declared) ?? []) warn(`${kind}: ${warning}`);
    const isCreate = Object.keys(userInputs(spec, olds)).length === 0;
    if (failures.length === 0 && isCreate) failures.push(...(await ownershipFailures(spec, news)));
    if (failures.length > 0) return { inputs: news, failures: failures.map((failure) => withoutRawValue(failure, news)) };
    if (typeof news[ADOPT_ID] === 'string' && !containsUnknown(news[ADOPT_ID])) recordAdopted(kind, news[ADOPT_ID]);
    spec.observe?.(declared, userInputs(spec, olds));
    // What no call reads cannot be compared: said at every check (so in every preview and drift report), never implied.
    if (spec.writeOnly)
      warn(`${kind} ${describeOwner(spec, declared)}is not compared with ZCC (${spec.writeOnly}): a change made in the console is not detected.`);
    const claimed = claimFacts(spec, declared, olds, (value) => typeof value === 'string' && !containsUnknown(value));
    if (claimed.length > 0)
      return { inputs: news, failures: claimed.map((failure) => withoutRawValue({ ...failure, reason: printable(failure.reason) }, news)) };
    const withServerDefaults = withDefaults(spec, declared);
    recordDeclared(spec, withServerDefaults, (value) => !containsUnknown(value));
    if (spec.checkEffects) {
      try {
        const effects = await spec.checkEffects(options.client(), declared);
        for (const warning of effects.warnings) warn(warning);
        if (effects.failures.length > 0)
          return {
            inputs: news,
            failures: effects.failures.map(([property, reason]) => withoutRawValue({ property, reason: printable(`${kind}.${property} ${reason}`) }, news)),
          };
      } catch (error) {
        if (isCredentialsRefusal(error)) return { inputs: news, failures: [credentialsFailure(kind, error)] };
        warn(`${kind}: could not read what this declaration changes outside the stack (${userFacing(error, secrets()).message}).`);
      }
    }
    if (isCreate && spec.previewCreate && news[ADOPT_ID] === undefined && known) {
      try {
        for (const warning of await spec.previewCreate(options.client(), declared)) warn(warning);
      } catch (error) {
        if (isCredentialsRefusal(error)) return { inputs: news, failures: [credentialsFailure(kind, error)] };
        warn(`${kind}: could not read what this create will change in ZCC (${userFacing(error, secrets()).message}).`);
      }
    }
    const effect = deleteEffect(spec, withServerDefaults);
    return { inputs: { ...news, ...withServerDefaults, ...(effect ? { [ON_DELETE]: effect } : {}) } };
  }

  /**
   * What `up` would refuse about who owns the object a new resource names, found with reads only so the preview
   * refuses it first: an `adoptId` that names no object, or a natural key (name) that an existing object holds,
   * which only `adoptId` or `aliases` may claim (preexisting.ts). Kinds whose names Zoom lets repeat get a warning.
   */
  async function ownershipFailures(spec: ResourceSpec, news: Props): Promise<dynamic.CheckFailure[]> {
    const declared = userInputs(spec, news);
    const adoptId = news[ADOPT_ID];
    try {
      if (typeof adoptId === 'string') {
        if (containsUnknown(declared)) return [];
        // The kind's listing answers for most (one per process); a GET for the rest (sets, which have no list).
        const listed = await preexisting(options.client(), spec, storeOf(spec)).catch(() => []);
        const existing =
          listed.find((item) => String(item[spec.idField]) === adoptId) ?? (await storeOf(spec).get(options.client(), adoptId, declaredBody(spec, declared)));
        if (existing) {
          // Taking over an object made outside the stack is an effect on it: said by name in the preview.
          const name = spec.apiFields.name ? existing[spec.apiFields.name] : undefined;
          warn(
            `${spec.kind} ${typeof name === 'string' ? `${JSON.stringify(name)} ` : ''}(${adoptId}) is taken over (adoptId): from this up the stack manages it, and deleting the resource deletes it in ZCC unless the resource has retainOnDelete.`,
          );
          return [];
        }
        return [
          {
            property: ADOPT_ID,
            reason: printable(
              `${spec.kind}.${ADOPT_ID} names no object: ZCC has no ${spec.kind} with id ${shown(adoptId)}. Correct it, or remove adoptId to create a new one.`,
            ),
          },
        ];
      }
      if (adoptId !== undefined || !spec.naturalKey || spec.naturalKey.some((key) => containsUnknown(declared[key]))) return [];
      // A replacement is checked again as a new resource (Pulumi re-checks it without olds): the object it replaces
      // (its diff said so, just before) is its own, deleted first or after.
      const holders = withNaturalKey(spec, await preexisting(options.client(), spec, storeOf(spec)), declared).filter(
        (item) => !replacedThisRun().has(`${spec.kind}:${String(item[spec.idField])}`),
      );
      if (holders.length === 0) return [];
      if (!spec.uniqueName) {
        const ids = holders.map((item) => String(item[spec.idField])).join(', ');
        warn(
          `${spec.kind} ${describeKey(spec, declared)} already exists in ZCC (${ids}): this creates another with the same name. If you renamed this resource, add the resource option aliases: [{ name: "<old name>" }] instead, or set adoptId to take the existing one over.`,
        );
        return [];
      }
      return [{ property: spec.naturalKey[0], reason: alreadyExists(spec, declared, holders) }];
    } catch (error) {
      // Refused credentials are a verdict, not a failed courtesy: the preview fails as `up` would.
      if (isCredentialsRefusal(error)) return [credentialsFailure(spec.kind, error)];
      // The read is a courtesy of the preview: `up` meets the same facts at its write, and says so there.
      warn(`${spec.kind}: could not read whether ZCC already holds this object (${userFacing(error, secrets()).message}).`);
      return [];
    }
  }

  async function diff(kind: string, id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
    return withUserFacingErrors(async () => {
      const spec = specFor(kind);
      const previous = namedCodes(spec, withDefaults(spec, userInputs(spec, olds)));
      const next = withDefaults(spec, userInputs(spec, news));
      // The object is the stack's: Pulumi diffs every declared resource before its dependents register.
      recordStackObject(kind, id);
      // Check gets the old inputs, not the id: a fact keyed by the object's own id (an existing user's role) is
      // claimed here, where Pulumi gives the id, in preview and up alike.
      const claimed = claimFacts(spec, next, { [spec.idOutput]: id }, (value) => typeof value === 'string' && !containsUnknown(value));
      if (claimed.length > 0) throw new Error(claimed.map((failure) => failure.reason).join(' '));
      const changed = Object.keys(spec.inputSchema.shape).filter((key) => containsUnknown(next[key]) || !sameField(spec, key, previous[key], next[key]));
      // A value unknown during preview forces replacement only when it refers to an object this run replaces
      // (replacedThisRun): Pulumi's dynamic-provider host drops `stables`, so other outputs of an updated upstream
      // are unknown in preview too. `up` diffs again with the real value and replaces then if it did change.
      // diff only compares: it never calls the API, so a preview writes nothing.
      const conditional = containsUnknown(next) ? [] : (spec.replaceIf?.(previous, next) ?? []);
      const upstreamReplaced = (key: string) =>
        spec.references?.[key] !== undefined && replacedThisRun().has(`${spec.references[key]}:${String(previous[key])}`);
      const replaces = changed.filter(
        (key) =>
          (spec.replaceOnChanges?.includes(key) || conditional.includes(key)) &&
          (!containsUnknown(next[key]) || (next[key] === UNKNOWN && upstreamReplaced(key))),
      );
      const keepsName = (spec.naturalKey ?? ['name']).every((key) => !changed.includes(key) && next[key] !== UNKNOWN);
      const deleteBeforeReplace = replaces.length > 0 && !!spec.uniqueName && keepsName;
      if (replaces.length > 0) replacedThisRun().add(`${kind}:${id}`);
      if (deleteBeforeReplace) {
        warn(
          `${kind} ${shown(String(next.name ?? previous.name ?? spec.naturalKey?.map((key) => String(previous[key])).join(' ') ?? id))} (${id}) is replaced because ${replaces.join(', ')} changed, and deleted first: ZCC requires its ${spec.naturalKey?.[0] ?? 'name'} to stay unique, so it is out of service from its deletion until the new one exists (${spec.whileReplaced ?? 'calls and engagements routed to it fail meanwhile'}).`,
        );
      }
      return {
        changes: changed.length > 0,
        replaces,
        stables: [spec.idOutput],
        deleteBeforeReplace,
      };
    });
  }

  async function create(kind: string, inputs: Props): Promise<dynamic.CreateResult> {
    return withUserFacingErrors(async () => {
      const spec = specFor(kind);
      const client = options.client();
      const declared = userInputs(spec, inputs);
      const adoptId = inputs[ADOPT_ID];
      forgetListing(kind);
      const ticket = stampTicket(spec);
      let server: Props;
      let previous: Props | undefined;
      try {
        if (typeof adoptId === 'string') {
          const existing = await storeOf(spec).get(client, adoptId, declaredBody(spec, declared));
          if (!existing)
            throw new Error(`${kind} cannot adopt ${adoptId}: ZCC has no ${kind} with that id. Remove adoptId to create a new one, or correct it.`);
          previous = toOutputs(spec, existing, declared).inputs;
          server = await adoptMatch(client, spec, existing, declared);
        } else {
          server = await createOnce(client, spec, declared);
          rememberCreated(kind, String(server[spec.idField]));
          recordStackObject(kind, String(server[spec.idField]));
          // Its id is known now: what it declares about itself (a new user's role) is recorded for later checks.
          claimFacts(spec, declared, { [spec.idOutput]: String(server[spec.idField]) }, (value) => typeof value === 'string');
        }
      } catch (error) {
        ticket?.withdraw();
        throw error;
      }
      const { id, outs } = toOutputs(spec, server, declared);
      if (typeof adoptId === 'string') outs[ADOPT_ID] = adoptId;
      // What the create sent but its answer does not show (a disposition's sub-dispositions): the server took it.
      else
        for (const key of Object.keys(spec.apiFields))
          if (declared[key] !== undefined && outs[key] === undefined && (!spec.createFields || spec.createFields.includes(key))) outs[key] = declared[key];
      if (typeof inputs[ON_DELETE] === 'string') outs[ON_DELETE] = inputs[ON_DELETE];
      // Settings the create endpoint does not take, unless the object already has them (a recovered create).
      const pending = new Set(differingFields(spec, server, declared).differing);
      const settings = typeof adoptId === 'string' ? [] : settingsAfterCreate(spec, declared).filter((key) => pending.has(key));
      if (!spec.afterWrite && settings.length === 0) return { id, outs: await withStamp(client, spec, ticket, id, outs, typeof adoptId !== 'string') };
      try {
        let settled = outs;
        if (settings.length > 0) {
          // The create endpoint takes only some fields: the rest are set by a PATCH on the new object.
          const wanted = withDefaults(spec, declared);
          await storeOf(spec).update(client, id, toBody(spec, wanted, settings), toBody(spec, wanted), toBody(spec, wanted, spec.createFields));
          settled = { ...outs, ...Object.fromEntries(settings.map((key) => [key, declared[key]])) };
        }
        const extra = spec.afterWrite ? await spec.afterWrite(client, id, declared, previous) : computedAfterWrite(spec, settings.length > 0);
        return { id, outs: await withStamp(client, spec, ticket, id, withoutUndefined({ ...settled, ...(extra ?? {}) }), typeof adoptId !== 'string') };
      } catch (error) {
        ticket?.withdraw();
        // The object exists: record it in state (with the provider) so the next run can finish or delete it.
        const clean = userFacing(error, secrets());
        throw Object.assign(clean, { id, properties: { ...outs, [PROVIDER_KEY]: inputs[PROVIDER_KEY] }, reasons: [clean.message] });
      }
    });
  }

  /**
   * A read answered from the kind's listing (listings.ts), or undefined when it needs a GET: the shortcut is off
   * (`zcc:exactReads`), the kind has none, the object is missing from the listing (a GET confirms the deletion, or
   * finds an object created since), or the list item shows a change.
   */
  async function readFromListing(spec: ResourceSpec, id: string, props: Props): Promise<{ server?: Props; unchanged?: true; item?: Props } | undefined> {
    const client = options.client();
    // A malformed id goes the GET way, where the path builder refuses it before anything is sent.
    if (client.config.exactReads || !usesListing(spec) || (spec.idProblem ?? idProblem)(id) !== undefined) return undefined;
    // A listing that fails (a scope the app lacks, a page that will not come) only costs the GETs it would have saved.
    const listing = await listingOf(client, spec, storeOf(spec)).catch(() => undefined);
    const item = listing?.get(id);
    if (!item) return undefined;
    if (spec.listHasEveryField) return { server: item };
    if (spec.listUnchanged?.(item, props)) return { unchanged: true };
    // A GET it is; the item still gives what only the list shows (a queue's modification time).
    return { item };
  }

  async function read(kind: string, id: string, props: Props = {}): Promise<dynamic.ReadResult> {
    return withUserFacingErrors(async () => {
      const spec = specFor(kind);
      const listed = await readFromListing(spec, id, props);
      if (listed?.unchanged) {
        // Nothing moved since the recorded state: it stands as it is.
        const inputs = { ...userInputs(spec, props), ...providerRecords(props) };
        return { id, props: Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('__'))), inputs };
      }
      const got = listed?.server ?? (await storeOf(spec).get(options.client(), id, declaredBody(spec, props), props));
      const server = got && listed?.item ? { ...listed.item, ...got } : got;
      // No id tells the engine the object was deleted out of band.
      if (!server) return {};
      const declared = userInputs(spec, props);
      const { inputs, outs } = toOutputs(spec, server, declared);
      const extra = Object.fromEntries(Object.entries(props).filter(([key]) => !(key in outs) && !(key in spec.inputSchema.shape) && !key.startsWith('__')));
      return { id, props: { ...extra, ...outs }, inputs: { ...inputs, ...providerRecords(props) } };
    });
  }

  async function update(kind: string, id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
    return withUserFacingErrors(async () => {
      const spec = specFor(kind);
      const client = options.client();
      const previous = namedCodes(spec, withDefaults(spec, userInputs(spec, olds)));
      const declared = withDefaults(spec, userInputs(spec, news));
      const changed = Object.keys(spec.apiFields).filter((key) => !spec.replaceOnChanges?.includes(key) && !sameField(spec, key, previous[key], declared[key]));
      // A field the program stopped declaring is left as it is in ZCC (no longer managed): nothing to send for it.
      const body = toBody(spec, declared, changed);
      let written = false;
      const ticket = stampTicket(spec);
      if (Object.keys(body).length > 0 || (changed.length > 0 && spec.store)) {
        forgetListing(kind);
        try {
          await storeOf(spec).update(client, id, body, toBody(spec, declared), toBody(spec, previous));
        } catch (error) {
          ticket?.withdraw();
          throw error;
        }
        written = true;
      }
      // The PATCH answers 204: echo the declared inputs over the previous outputs rather than paying for a GET.
      const outs: Props = { ...olds, ...userInputs(spec, news), [spec.idOutput]: id };
      if (typeof news[ON_DELETE] === 'string') outs[ON_DELETE] = news[ON_DELETE];
      else delete outs[ON_DELETE];
      delete outs[PROVIDER_KEY];
      for (const key of Object.keys(spec.inputSchema.shape)) if (news[key] === undefined) delete outs[key];
      let extra: Props | void | undefined;
      try {
        extra = spec.afterWrite ? await spec.afterWrite(client, id, userInputs(spec, news), userInputs(spec, olds)) : computedAfterWrite(spec, written);
      } catch (error) {
        ticket?.withdraw();
        throw error;
      }
      const settled = withoutUndefined({ ...outs, ...(extra ?? {}) });
      if (!written) {
        // Nothing was sent: the recorded stamp still holds.
        ticket?.withdraw();
        return { outs: settled };
      }
      if (ticket && !sentEveryField(spec, body, declared)) {
        // A partial write: the fields it did not send may hold a console edit the stack never saw. The list's new
        // time would vouch for them too and hide that edit from every later refresh, so no stamp is recorded: the
        // next refresh reads the object (one GET) and finds the edit.
        ticket.withdraw();
        return { outs: withoutUndefined({ ...settled, [STAMP_OUTPUT]: undefined }) };
      }
      return { outs: await withStamp(client, spec, ticket, id, settled) };
    });
  }

  async function remove(kind: string, id: string, props: Props): Promise<void> {
    return withUserFacingErrors(async () => {
      const spec = specFor(kind);
      // What another resource of this run declares for the same owner stays (declaredMembers.ts).
      const release = releasable(spec, id, withDefaults(spec, userInputs(spec, props)));
      if (release.nothing) {
        warn(`${kind} ${id} is left as it is: another resource of this program declares it for the same owner (renamed or moved).`);
        return;
      }
      if (release.kept.length > 0)
        warn(`${kind} ${id}: its delete leaves ${release.kept.join(', ')} in place: another resource of this program declares them.`);
      forgetListing(kind);
      await storeOf(spec).remove(options.client(), id, declaredBody(spec, { ...props, ...release.inputs }));
    });
  }

  /**
   * What exists, for `zcc-pulumi export`: list items of a kind (as the list endpoint returns them), and one object in
   * SDK shape with every setting ZCC returns (an export manages everything). `hint` holds inputs that steer the read,
   * such as a flow's `publish` (read the published version).
   */
  async function listExisting(kind: string): Promise<Props[]> {
    return storeOf(specFor(kind)).list(options.client());
  }

  async function readExisting(kind: string, id: string, hint: Props = {}, listItem?: Props): Promise<Props | undefined> {
    const spec = specFor(kind);
    // The list already answered with every field: no GET needed.
    if (listItem && spec.listHasEveryField) return toOutputs(spec, listItem, undefined).inputs;
    const server = await storeOf(spec).get(options.client(), id, declaredBody(spec, hint));
    if (!server) return undefined;
    return { ...toOutputs(spec, server, undefined).inputs, ...(spec.derivedInputs?.(server, hint) ?? {}) };
  }

  /**
   * Whether a set's owner is one of the account's own objects (a built-in role, the root team: what export names by
   * a lookup instead of declaring, spec `exportAs.onlyIf`), given the owner's list item. Such a set is declared
   * additive: another account's own object holds its own members, which a program must not take away.
   */
  function ownedByAccountDefault(spec: ResourceSpec, ownerItem: Props): boolean {
    const role = spec.exportAs;
    if (role.role !== 'set' || !('mode' in spec.inputSchema.shape) || !byKind.has(role.owner)) return false;
    const ownerRole = specFor(role.owner).exportAs;
    return ownerRole.role === 'object' && ownerRole.onlyIf !== undefined && !ownerRole.onlyIf(ownerItem);
  }

  /**
   * One existing object's declaration, as `zcc-pulumi export` writes it: what the provider plugin's Read answers to
   * `pulumi import` and the `import` resource option, so that importing an exported program plans no update (the
   * object's `readHint`: a flow's published version; a set of the account's own object: additive).
   */
  async function readForImport(kind: string, id: string): Promise<Props | undefined> {
    const spec = specFor(kind);
    const role = spec.exportAs;
    const inputs = await readExisting(kind, id, role.role === 'object' ? (role.readHint ?? {}) : {});
    if (!inputs || role.role !== 'set' || !byKind.has(role.owner)) return inputs;
    const owner = specFor(role.owner);
    const item = (await listExisting(role.owner)).find((listed) => String(listed[owner.idField]) === id);
    return item && ownedByAccountDefault(spec, item) ? { ...inputs, mode: 'additive' } : inputs;
  }

  /** Why `inputs` would fail `check` (per-field and cross-field), as `property: reason` lines; empty when valid. */
  function inputInvalid(kind: string, inputs: Props): string[] {
    const spec = specFor(kind);
    const problems = schemaIssues(spec, inputs).map(issueLine);
    if (problems.length === 0) for (const [key, reason] of spec.crossFieldCheck?.(inputs) ?? []) problems.push(`${key} ${reason}`);
    return problems;
  }

  /** What `inputs` keeps although it meets one of the package's assumptions (spec `assumptionWarnings`). */
  function inputWarnings(kind: string, inputs: Props): string[] {
    return specFor(kind).assumptionWarnings?.(inputs) ?? [];
  }

  return {
    specFor,
    check,
    diff,
    create,
    read,
    update,
    remove,
    listExisting,
    readExisting,
    readForImport,
    ownedByAccountDefault,
    inputInvalid,
    inputWarnings,
  };
}
