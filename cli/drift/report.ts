/**
 * Turns the engine events of a `preview --refresh` into a drift report. Pulumi emits, per resource, a refresh step
 * (old = the state recorded by the last `up`, new = what ZCC holds now) and then the plan against the refreshed
 * state (old = refreshed, new = the program). Comparing those three snapshots separates:
 * - drift: recorded → live (changed in ZCC outside Pulumi), and
 * - pending: live → declared, for the fields the program changed since the last `up` (declared ≠ recorded).
 * A field the plan would merely put back (recorded = declared ≠ live) is drift only, so one console edit is not
 * reported twice; a field the program changed to what the console already set is drift only too.
 */

import { sameValue } from '../../provider/engine/compare';

/** The part of Pulumi's engine event this reads (a subset of `@pulumi/pulumi/automation` EngineEvent). */
export interface StepEvent {
  resOutputsEvent?: { metadata: StepMetadata };
  /** A resource's warning (effects outside the stack: a number taken from another flow, members left to others). */
  diagnosticEvent?: { urn?: string; severity: string; message: string };
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
  /** Names of the stack's objects whose ids appear in this change (`Disposition "Resolved"`), for review. */
  names?: Record<string, string>;
}

export interface DriftEntry {
  kind: string;
  name: string;
  urn: string;
  /** `modified`: fields changed in ZCC; `deleted`: the object is gone (the next `up` re-creates it if declared). */
  change: 'modified' | 'deleted';
  fields: FieldChange[];
  /** For a change that follows from another drift (a set that loses a disposition deleted in ZCC): which. */
  because?: string;
}

/**
 * A warning the preview gave: what `up` would do outside the stack, naming the other object. Warnings a dynamic
 * provider prints reach Pulumi without their resource: `name` and `urn` are then empty, and `kind` is the kind the
 * message starts with.
 */
export interface WarningEntry {
  kind: string;
  name: string;
  urn: string;
  message: string;
}

/**
 * A step `up` would fail on that the preview could not refuse (Pulumi runs no provider code for a delete in a
 * preview): a delete of an object that something outside the stack still uses, by name (refusals.ts).
 */
export interface RefusalEntry {
  kind: string;
  name: string;
  urn: string;
  message: string;
}

export interface PendingEntry {
  kind: string;
  name: string;
  urn: string;
  op: 'create' | 'update' | 'replace' | 'delete';
  /** A replacement that deletes the old object before it creates the new one (ZCC names must stay unique). */
  deletedFirst?: boolean;
  /**
   * For a delete: what it does beyond the object, as the provider recorded it (`onDelete`: members a set removes, an
   * address book's contacts deleted, a queue back on default hours), so a review sees it without `--diff`.
   */
  effect?: string;
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
  /** The preview's warnings per resource (effects outside the stack); they do not make a report unclean. */
  warnings: WarningEntry[];
  /** What `up` would refuse (absent in reports written before it existed): the report's exit code is then 4. */
  refusals?: RefusalEntry[];
  /** What the routing diagram is drawn from (graph.ts), so a trusted job can draw it from this JSON alone. */
  routing?: Array<{ urn: string; kind: string; name: string; id?: string; inputs: Record<string, unknown>; recorded?: Record<string, unknown> }>;
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

/**
 * Secrets stay secret: Pulumi shows them as "[secret]" in events; a signature object is masked here too. And a
 * value not known before up is never written as Pulumi's placeholder (KNOWN_AFTER_UP instead).
 */
export function masked(value: unknown): unknown {
  if (value === PULUMI_UNKNOWN) return KNOWN_AFTER_UP;
  if (value && typeof value === 'object' && !Array.isArray(value) && SECRET_SIG in (value as object)) return '[secret]';
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, masked(inner)]));
  return value;
}

// The engine's own comparison (key order and NFC/NFD never differ), so drift means what a diff would mean.
const same = (a: unknown, b: unknown) => sameValue(a, b);

/**
 * Inputs a user reads as settings: Pulumi's own bookkeeping (`__provider`) is left out, and so is `onDelete`, the
 * provider's record of what a delete does (it follows from the settings; engine.ts ON_DELETE).
 */
export function settings(inputs: Record<string, unknown> | undefined | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs ?? {}).filter(([key]) => !key.startsWith('__') && key !== 'onDelete'));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
/** Fields that name a list item, so a changed item is shown as its changed fields, not removed and added whole. */
const ITEM_KEYS = ['name', 'id', 'dayOfWeek', 'skillId', 'userId', 'entryId', 'queueId', 'dispositionId', 'attributeType', 'categoryType'];
const itemKey = (item: Record<string, unknown>) => ITEM_KEYS.find((key) => typeof item[key] === 'string' || typeof item[key] === 'number');

/**
 * What changed in one field. Objects are compared field by field (`hours.timezone`), lists as sets (who came and
 * went), and a list item that keeps its name but changes is shown by its changed fields (`closures[1].endTime`), so
 * a review always sees the changed value itself, never a long value cut before it.
 */
function fieldChanges(field: string, before: unknown, after: unknown): FieldChange[] {
  if (DOCUMENT_FIELDS.has(field))
    return [{ field, summary: before === undefined ? 'definition added' : after === undefined ? 'definition removed' : 'definition changed' }];
  if (isPlainObject(before) && isPlainObject(after) && !isKnownAfterUp(before) && !isKnownAfterUp(after) && !(SECRET_SIG in before) && !(SECRET_SIG in after))
    return changedFields(before, after).map((change) => ({ ...change, field: `${field}.${change.field}` }));
  if (Array.isArray(before) || Array.isArray(after)) {
    const oldItems = (Array.isArray(before) ? before : []).map(masked);
    const newItems = (Array.isArray(after) ? after : []).map(masked);
    let added = newItems.filter((item) => !oldItems.some((old) => same(old, item)));
    let removed = oldItems.filter((item) => !newItems.some((next) => same(next, item)));
    const nested: FieldChange[] = [];
    for (const gone of [...removed]) {
      if (!isPlainObject(gone)) continue;
      const key = itemKey(gone);
      const successor = key && added.find((item) => isPlainObject(item) && item[key] === gone[key]);
      if (!successor || !key) continue;
      added = added.filter((item) => item !== successor);
      removed = removed.filter((item) => item !== gone);
      nested.push(
        ...changedFields(gone, successor as Record<string, unknown>).map((change) => ({
          ...change,
          field: `${field}[${newItems.indexOf(successor)}].${change.field}`,
        })),
      );
    }
    if (added.length > 0 || removed.length > 0) return [{ field, added, removed }, ...nested];
    if (nested.length > 0) return nested;
    return [{ field, old: oldItems, new: newItems, summary: 'order changed' }];
  }
  return [{ field, old: masked(before), new: masked(after) }];
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, only?: (field: string) => boolean): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !same(before[key], after[key]) && (only?.(key) ?? true)).flatMap((key) => fieldChanges(key, before[key], after[key]));
}

export const kindOf = (type: string) => type.split(':').pop() ?? type;
export const nameOf = (urn: string) => urn.split('::').pop() ?? urn;
/** A zcc resource, dynamic (`pulumi-nodejs:dynamic/zcc:Queue`) or native (`zcc:index:Queue`, the provider plugin). */
export const isZccType = (type: string) => type.includes('/zcc:') || type.startsWith('zcc:index:');
/** Resources a user declared: not the stack itself, not providers. */
export const isUserResource = (type: string) => type !== 'pulumi:pulumi:Stack' && !type.startsWith('pulumi:providers:');

const PLAN_OPS: Record<string, PendingEntry['op'] | undefined> = {
  create: 'create',
  update: 'update',
  replace: 'replace',
  'create-replacement': 'replace',
  delete: 'delete',
};

/** The steps of the resources a user declared (not the stack, not providers), in the order the engine sent them. */
export function stepsOf(events: readonly StepEvent[]): StepMetadata[] {
  return events.map((event) => event.resOutputsEvent?.metadata).filter((meta): meta is StepMetadata => meta !== undefined && isUserResource(meta.type));
}

export function buildReport(stack: string, events: StepEvent[]): DriftReport {
  const recorded = new Map<string, Record<string, unknown>>();
  const refreshed = new Map<string, Record<string, unknown>>();
  const drift: DriftEntry[] = [];
  const deleted = new Set<string>();
  const pending = new Map<string, PendingEntry>();
  const steps = stepsOf(events);

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
      const effect = step.old?.inputs?.onDelete;
      pending.set(step.urn, { ...entry, op, fields: [], ...(typeof effect === 'string' && effect !== '' ? { effect } : {}) });
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

  // A set that only loses objects deleted in ZCC (and gets their re-created ids) repairs that drift: it is drift.
  const deletedIds = new Map<string, string>();
  for (const step of steps.filter((meta) => meta.op === 'refresh' && deleted.has(meta.urn)))
    if (step.old?.id) deletedIds.set(step.old.id, `${kindOf(step.type)} ${JSON.stringify(nameOf(step.urn))}`);
  for (const [urn, entry] of pending) {
    if (entry.op !== 'update' || deleted.has(urn) || entry.fields.length === 0) continue;
    const deletedIn = (values: unknown[] | undefined) => (values ?? []).filter((id): id is string => typeof id === 'string' && deletedIds.has(id));
    // The link to the deleted object: the plan removes its old id, or the refresh already saw the set lose it.
    const earlier = drift.find((other) => other.urn === urn);
    const lost = [...entry.fields, ...(earlier?.fields ?? [])].flatMap((field) => deletedIn(field.removed));
    const onlyRepairs = entry.fields.every(
      (field) =>
        (field.added ?? []).length > 0 &&
        (field.added ?? []).every(isKnownAfterUp) &&
        deletedIn(field.removed).length === (field.removed ?? []).length &&
        (field.added ?? []).length <= new Set(lost).size,
    );
    if (lost.length === 0 || !onlyRepairs) continue;
    pending.delete(urn);
    const because = `${[...new Set(lost.map((id) => deletedIds.get(id)!))].join(', ')} deleted in ZCC; up re-adds it once re-created`;
    if (earlier) earlier.because = because;
    else drift.push({ kind: entry.kind, name: entry.name, urn, change: 'modified', fields: entry.fields, because });
  }

  const names = idNames(steps);
  for (const entry of [...drift, ...pending.values()]) for (const field of entry.fields) withNames(field, names);

  const warnings: WarningEntry[] = [];
  for (const event of events) {
    const diagnostic = event.diagnosticEvent;
    if (!diagnostic) continue;
    const type = diagnostic.urn?.split('::')[2] ?? '';
    const onResource = diagnostic.urn !== undefined && diagnostic.urn !== '' && isUserResource(type);
    // The provider's warnings reach Pulumi through its stderr ("warning: …", shown on the stack: a dynamic provider
    // cannot name the resource), or as warning diagnostics of a resource. They start with the kind they concern.
    const text = diagnostic.message.trim();
    const ours = /^warning: /.test(text);
    if (!ours && !(onResource && diagnostic.severity === 'warning')) continue;
    const message = ours ? text.slice('warning: '.length) : text;
    const kind = onResource ? kindOf(type) : (/^([A-Z][A-Za-z]+)\b/.exec(message)?.[1] ?? '');
    const entry = { kind, name: onResource ? nameOf(diagnostic.urn!) : '', urn: onResource ? diagnostic.urn! : '', message };
    if (!warnings.some((other) => other.urn === entry.urn && other.message === entry.message)) warnings.push(entry);
  }

  const byName = <T extends { kind: string; name: string }>(a: T, b: T) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
  const pendingList = [...pending.values()].sort(byName);
  drift.sort(byName);
  warnings.sort(byName);
  return {
    version: 1,
    stack,
    clean: drift.length === 0 && pendingList.length === 0,
    summary: { drift: drift.length, pending: pendingList.length },
    drift,
    pending: pendingList,
    warnings,
  };
}

/** Ids of the stack's objects, with the name a reviewer knows them by: `Disposition "Resolved"`. */
function idNames(steps: StepMetadata[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of steps) {
    for (const side of [step.old, step.new]) {
      const id = side?.id;
      const name = side?.inputs?.name;
      if (typeof id === 'string' && id !== '' && id !== PULUMI_UNKNOWN && typeof name === 'string')
        names.set(id, `${kindOf(step.type)} ${JSON.stringify(name)}`);
    }
  }
  return names;
}

function withNames(field: FieldChange, names: Map<string, string>): void {
  const values = [field.old, field.new, ...(field.added ?? []), ...(field.removed ?? [])].flatMap((value) => (Array.isArray(value) ? value : [value]));
  const found = values.filter((value): value is string => typeof value === 'string' && names.has(value));
  if (found.length > 0) field.names = Object.fromEntries(found.map((id) => [id, names.get(id)!]));
}
