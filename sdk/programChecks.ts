import * as pulumi from '@pulumi/pulumi';
import { printable } from '../provider/client/printable';
import { plainJsonProblem } from '../provider/specs/plainJson';
import { allSpecs } from '../provider/specs';

const specs = new Map(allSpecs.map((spec) => [spec.kind, spec]));

/**
 * Checks that can only run in the user's program, before Pulumi serializes the inputs: after serialization a
 * plain-text secret looks like any other value, NaN has become null, a Date `{}` and a `__proto__` key is gone.
 * Each fails the program with one line (`pulumi.RunError`, no stack trace).
 */

// Pulumi's runtime knows which config keys are secrets; the function is exported but not in its typings.
const { isConfigSecret } = require('@pulumi/pulumi/runtime/config') as { isConfigSecret?: (key: string) => boolean };

let configChecked = false;

/** `zcc:clientSecret` set with `pulumi config set` (no --secret) sits in plain text in the stack file and exports. */
function checkSecretConfig(): void {
  if (configChecked) return;
  configChecked = true;
  if (pulumi.runtime.getConfig('zcc:clientSecret') === undefined || !isConfigSecret || isConfigSecret('zcc:clientSecret')) return;
  throw new pulumi.RunError(
    `zcc:clientSecret is stored in plain text in the stack config. Store it encrypted, then run again: pulumi config set --secret --stack ${pulumi.getStack()} zcc:clientSecret <your client secret>`,
  );
}

function checkDefinition(kind: string, name: string, definition: unknown): void {
  const problem = plainJsonProblem(definition, 'definition');
  if (problem) throw new pulumi.RunError(printable(`${kind} "${name}": ${problem}.`));
}

// Per kind with `onePerProgram`: which resource of this program declared each value (a user's skills).
const declaredBy = new Map<string, Map<string, string>>();

/** The value, failing the deployment when another resource of the kind already declared it (spec `onePerProgram`). */
function onePerProgram(kind: string, input: string, name: string, value: unknown): pulumi.Output<unknown> {
  const output = pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>;
  let owners = declaredBy.get(kind);
  if (!owners) declaredBy.set(kind, (owners = new Map()));
  const seen = owners;
  return output.apply((id: unknown) => {
    if (typeof id !== 'string' || pulumi.isUnknown(id)) return id;
    const owner = seen.get(id);
    if (owner !== undefined && owner !== name) {
      throw new pulumi.RunError(
        printable(`${kind} "${name}" and ${kind} "${owner}" both declare ${input} ${id}, and would undo each other; declare each ${input} in one ${kind}.`),
      );
    }
    seen.set(id, name);
    return id;
  });
}

// Per kind with `uniqueItems`: which resource of this program declared each item (an entry point and its flow).
const itemOwners = new Map<string, Map<string, string>>();

/** The list, failing the deployment when another resource of the kind already declared one of its items. */
function uniqueItems(kind: string, unique: { input: string; key: string }, name: string, value: unknown): pulumi.Output<unknown> {
  let owners = itemOwners.get(kind);
  if (!owners) itemOwners.set(kind, (owners = new Map()));
  const seen = owners;
  return (pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>).apply((items: unknown) => {
    if (!Array.isArray(items)) return items;
    for (const item of items) {
      const key = (item as Record<string, unknown> | null)?.[unique.key];
      if (typeof key !== 'string' || pulumi.isUnknown(key)) continue;
      const owner = seen.get(key);
      if (owner !== undefined && owner !== name)
        throw new pulumi.RunError(
          printable(`${kind} "${name}" and ${kind} "${owner}" both declare ${unique.key} ${key} in ${unique.input}; it can be in one of them only.`),
        );
      seen.set(key, name);
    }
    return items;
  });
}

// Per kind with a natural key: which resource of this program declared each key (a queue's name).
const keyOwners = new Map<string, Map<string, string>>();

/**
 * The args, with each natural-key input (`name`, and the parent where names are unique per parent) wrapped so
 * that once all are known the key is recorded, failing the deployment when another resource of the kind declared
 * it: ZCC keeps one object per name, so the second would fail at `up` or, where Zoom allows repeats (dispositions),
 * make an object that lookups and export cannot tell apart. Each input keeps its own unknownness (a preview shows
 * it as before); a key with an unknown part is not checked.
 */
function uniqueNaturalKey<T extends object>(kind: string, keyInputs: readonly string[], name: string, args: T): T {
  let owners = keyOwners.get(kind);
  if (!owners) keyOwners.set(kind, (owners = new Map()));
  const seen = owners;
  const parts = new Map<string, unknown>();
  const record = () => {
    if (parts.size < keyInputs.length) return;
    const values = keyInputs.map((input) => parts.get(input) ?? null);
    const key = JSON.stringify(values);
    const owner = seen.get(key);
    if (owner !== undefined && owner !== name) {
      const what = keyInputs.map((input, i) => `${input} ${JSON.stringify(values[i])}`).join(' and ');
      throw new pulumi.RunError(printable(`${kind} "${name}" and ${kind} "${owner}" both declare ${what}; give each ${kind} its own name.`));
    }
    seen.set(key, name);
  };
  const out = { ...args } as Record<string, unknown>;
  for (const input of keyInputs) {
    const value = out[input];
    if (value === undefined) {
      parts.set(input, undefined);
      continue;
    }
    out[input] = (pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>).apply((known: unknown) => {
      if (pulumi.isUnknown(known)) return known;
      parts.set(input, known);
      record();
      return known;
    });
  }
  record();
  return out as T;
}

/**
 * Pulumi's `import` resource option fails inside Pulumi for dynamic resources ("code must be a string"), so the
 * constructor takes it as `adoptId` (the same id) and hands Pulumi the options without it.
 */
export function adoptFromImport<A extends { adoptId?: pulumi.Input<string> }>(
  kind: string,
  name: string,
  args: A,
  opts: pulumi.CustomResourceOptions | undefined,
): { args: A; opts: pulumi.CustomResourceOptions | undefined } {
  if (!opts || opts.import === undefined) return { args, opts };
  const { import: id, ...rest } = opts;
  if (args.adoptId !== undefined && args.adoptId !== id) {
    throw new pulumi.RunError(printable(`${kind} "${name}": adoptId and the import option name different objects; give one of them.`));
  }
  return { args: { ...args, adoptId: id }, opts: rest };
}

/**
 * The resource options, with Pulumi's `protect` set on a resource whose delete the provider would refuse (spec
 * `deleteNeedsOneOf`: an inbox that does not say what happens to its messages). Pulumi then refuses the removal in
 * the preview, before any dependent (the inbox's queues and users) is touched. Options that set `protect` or
 * `retainOnDelete` themselves are left as they are.
 */
export function protectUntilDecided(kind: string, args: object, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions | undefined {
  const needs = specs.get(kind)?.deleteNeedsOneOf;
  if (!needs || opts?.protect !== undefined || opts?.retainOnDelete === true) return opts;
  const inputs = args as Record<string, unknown>;
  const decided = needs.some((input) => inputs[input] !== undefined && inputs[input] !== false);
  return decided ? opts : { ...opts, protect: true };
}

/** The args a resource is constructed with, after the program-side checks. */
export function checkedArgs<T extends object>(kind: string, name: string, args: T): T {
  checkSecretConfig();
  const items = specs.get(kind)?.uniqueItems;
  if (items !== undefined && (args as Record<string, unknown>)[items.input] !== undefined)
    args = { ...args, [items.input]: uniqueItems(kind, items, name, (args as Record<string, unknown>)[items.input]) };
  const naturalKey = specs.get(kind)?.naturalKey;
  if (naturalKey) args = uniqueNaturalKey(kind, naturalKey, name, args);
  const unique = specs.get(kind)?.onePerProgram;
  if (unique !== undefined) args = { ...args, [unique]: onePerProgram(kind, unique, name, (args as Record<string, unknown>)[unique]) };
  const definition = (args as { definition?: unknown }).definition;
  if (definition !== undefined) {
    if (pulumi.Output.isInstance(definition) || (definition as object) instanceof Promise) {
      // Resolved later: checked when known, failing the deployment the same way.
      const output = pulumi.output(definition as pulumi.Input<unknown>) as pulumi.Output<unknown>;
      const checked = output.apply((value: unknown) => {
        if (value !== undefined && !pulumi.isUnknown(value)) checkDefinition(kind, name, value);
        return value;
      });
      return { ...args, definition: checked };
    }
    checkDefinition(kind, name, definition);
  }
  return args;
}
