/**
 * Turns the engine events of a `preview --refresh` into a drift report. Pulumi emits, per resource, a refresh step
 * (old = the state recorded by the last `up`, new = what ZCC holds now) and then the plan against the refreshed
 * state (old = refreshed, new = the program). Comparing those three snapshots separates:
 * - drift: recorded → live (changed in ZCC outside Pulumi), and
 * - pending: live → declared, for the fields the program changed since the last `up` (declared ≠ recorded).
 * A field the plan would merely put back (recorded = declared ≠ live) is drift only, so one console edit is not
 * reported twice; a field the program changed to what the console already set is drift only too.
 */

import { sameValue } from '../../provider/engine/normalize';

/** The part of Pulumi's engine event this reads (a subset of `@pulumi/pulumi/automation` EngineEvent). */
export interface StepEvent {
  resOutputsEvent?: { metadata: StepMetadata };
}
export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  old?: { id?: string; inputs?: Record<string, unknown> } | null;
  new?: { id?: string; inputs?: Record<string, unknown> } | null;
}

/** One field that differs: scalars as old → new, lists of users/skills as added/removed, flows summarized. */
export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
  added?: unknown[];
  removed?: unknown[];
  /** A human summary where values are too large to show (a flow's definition). */
  summary?: string;
}

export interface DriftEntry {
  kind: string;
  name: string;
  urn: string;
  /** `modified`: fields changed in ZCC; `deleted`: the object is gone (the next `up` re-creates it if declared). */
  change: 'modified' | 'deleted';
  fields: FieldChange[];
}

export interface PendingEntry {
  kind: string;
  name: string;
  urn: string;
  op: 'create' | 'update' | 'replace' | 'delete';
  /** A replacement that deletes the old object before it creates the new one (ZCC names must stay unique). */
  deletedFirst?: boolean;
  fields: FieldChange[];
}

/** The `--json` document. Bump `version` on any incompatible change. */
export interface DriftReport {
  version: 1;
  stack: string;
  clean: boolean;
  summary: { drift: number; pending: number };
  drift: DriftEntry[];
  pending: PendingEntry[];
}

const SECRET_SIG = '4dabf18193072939515e22adb298388d';
/** Pulumi's marker for a value not known until `up` (an id of an object the same `up` creates). Never shown as a value. */
const PULUMI_UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** What the JSON report holds instead: documented in docs/drift.md; text and Markdown show "(known after up)". */
export const KNOWN_AFTER_UP = Object.freeze({ $unknown: 'known after up' });
export const isKnownAfterUp = (value: unknown): boolean =>
  !!value && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).$unknown === KNOWN_AFTER_UP.$unknown;
/** Fields whose values are documents, not settings: reported as changed, never printed. */
const DOCUMENT_FIELDS = new Set(['definition']);

/** Secrets stay secret: Pulumi shows them as "[secret]" in events; a signature object is masked here too. */
function masked(value: unknown): unknown {
  if (value === PULUMI_UNKNOWN) return KNOWN_AFTER_UP;
  if (value && typeof value === 'object' && !Array.isArray(value) && SECRET_SIG in (value as object)) return '[secret]';
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, masked(inner)]));
  return value;
}

// The engine's own comparison (key order and NFC/NFD never differ), so drift means what a diff would mean.
const same = (a: unknown, b: unknown) => sameValue(a, b);

/** Inputs a user reads as settings: Pulumi's own bookkeeping (`__provider`) is left out. */
export function settings(inputs: Record<string, unknown> | undefined | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs ?? {}).filter(([key]) => !key.startsWith('__')));
}

function fieldChange(field: string, before: unknown, after: unknown): FieldChange {
  if (DOCUMENT_FIELDS.has(field))
    return { field, summary: before === undefined ? 'definition added' : after === undefined ? 'definition removed' : 'definition changed' };
  // Lists (members, skills) are sets in every kind that has them: report who came and went, not positions.
  if (Array.isArray(before) || Array.isArray(after)) {
    const oldItems = (Array.isArray(before) ? before : []).map(masked);
    const newItems = (Array.isArray(after) ? after : []).map(masked);
    const added = newItems.filter((item) => !oldItems.some((old) => same(old, item)));
    const removed = oldItems.filter((item) => !newItems.some((next) => same(next, item)));
    if (added.length > 0 || removed.length > 0) return { field, added, removed };
    return { field, old: oldItems, new: newItems, summary: 'order changed' };
  }
  return { field, old: masked(before), new: masked(after) };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, only?: (field: string) => boolean): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !same(before[key], after[key]) && (only?.(key) ?? true)).map((key) => fieldChange(key, before[key], after[key]));
}

export const kindOf = (type: string) => type.split(':').pop() ?? type;
export const nameOf = (urn: string) => urn.split('::').pop() ?? urn;
/** Resources a user declared: not the stack itself, not providers. */
export const isUserResource = (type: string) => type !== 'pulumi:pulumi:Stack' && !type.startsWith('pulumi:providers:');

const PLAN_OPS: Record<string, PendingEntry['op'] | undefined> = {
  create: 'create',
  update: 'update',
  replace: 'replace',
  'create-replacement': 'replace',
  delete: 'delete',
};

export function buildReport(stack: string, events: StepEvent[]): DriftReport {
  const recorded = new Map<string, Record<string, unknown>>();
  const refreshed = new Map<string, Record<string, unknown>>();
  const drift: DriftEntry[] = [];
  const deleted = new Set<string>();
  const pending = new Map<string, PendingEntry>();
  const steps = events.map((event) => event.resOutputsEvent?.metadata).filter((meta): meta is StepMetadata => meta !== undefined && isUserResource(meta.type));

  for (const step of steps.filter((meta) => meta.op === 'refresh')) {
    const before = settings(step.old?.inputs);
    recorded.set(step.urn, before);
    if (step.new) refreshed.set(step.urn, settings(step.new.inputs));
    if (!step.new) {
      deleted.add(step.urn);
      drift.push({ kind: kindOf(step.type), name: nameOf(step.urn), urn: step.urn, change: 'deleted', fields: [] });
      continue;
    }
    const fields = changedFields(before, settings(step.new.inputs));
    if (fields.length > 0) drift.push({ kind: kindOf(step.type), name: nameOf(step.urn), urn: step.urn, change: 'modified', fields });
  }

  // Pulumi plans a delete-before-replace as delete-replaced, then create-replacement (and replace).
  const deletedBeforeCreated = new Set<string>();
  for (const step of steps) {
    if (
      step.op === 'delete-replaced' &&
      !steps.some((other) => other.urn === step.urn && other.op === 'create-replacement' && steps.indexOf(other) < steps.indexOf(step))
    )
      deletedBeforeCreated.add(step.urn);
  }

  for (const step of steps) {
    const op = PLAN_OPS[step.op];
    if (!op || pending.has(step.urn)) continue;
    const entry = { kind: kindOf(step.type), name: nameOf(step.urn), urn: step.urn };
    if (op === 'delete') {
      pending.set(step.urn, { ...entry, op, fields: [] });
      continue;
    }
    const declared = settings(step.new?.inputs);
    // Re-creating an object deleted in ZCC only repairs the drift above: pending if the program changed it too.
    const baseline = recorded.get(step.urn) ?? (op === 'create' ? undefined : settings(step.old?.inputs));
    if (op === 'create' && !deleted.has(step.urn) && baseline === undefined) {
      pending.set(step.urn, { ...entry, op, fields: changedFields({}, declared) });
      continue;
    }
    // A field is pending when the program changed it since the last up (declared ≠ recorded) and the account does
    // not hold it already; it is shown from what the account holds now (live, after refresh) to what is declared.
    const live = deleted.has(step.urn) ? undefined : (refreshed.get(step.urn) ?? settings(step.old?.inputs));
    const from = live ?? baseline ?? {};
    const fields = changedFields(from, declared, (key) => !same((baseline ?? {})[key], declared[key]));
    const deletedFirst = op === 'replace' && deletedBeforeCreated.has(step.urn) ? { deletedFirst: true } : {};
    // A replacement is pending even when no declared field differs (its upstream is replaced).
    if (fields.length > 0 || op === 'replace') pending.set(step.urn, { ...entry, op, ...deletedFirst, fields });
  }

  const byName = <T extends { kind: string; name: string }>(a: T, b: T) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
  const pendingList = [...pending.values()].sort(byName);
  drift.sort(byName);
  return {
    version: 1,
    stack,
    clean: drift.length === 0 && pendingList.length === 0,
    summary: { drift: drift.length, pending: pendingList.length },
    drift,
    pending: pendingList,
  };
}
