import { currentRun } from './run';
import type { Props, ResourceSpec } from './spec';

/**
 * What the resources of this run declare for each owner of a set or singleton kind (a queue's agents, its hours,
 * its interrupt menu),
 * recorded at `check`, which Pulumi runs for every resource of the program before it deletes any. A delete never
 * takes away what another resource of the run declares for the same owner:
 * - a set renamed without `aliases` (or moved into a component): the new resource declares the members, the old
 *   one's delete would otherwise strip them all;
 * - a replacement that keeps the owner (create before delete): the old resource's delete would undo the new one.
 * Per provider process (one Pulumi operation), like listings.
 */
const declared = () => currentRun().part('declared', () => new Map<string, Map<string, Set<string>>>());

/**
 * The input naming the owner: a set kind's reference to its export owner (`queueId`), or, for any other kind keyed
 * by another object's id (its id output is an input that references a kind: a queue's teams, its interrupt menu),
 * that input. Either way the resource is the owner's one set or singleton, which a rename must not delete.
 */
function ownerInput(spec: ResourceSpec): string | undefined {
  if (spec.exportAs.role === 'set') {
    const owner = spec.exportAs.owner;
    return Object.entries(spec.references ?? {}).find(([path, kind]) => kind === owner && !path.includes('['))?.[0];
  }
  return spec.references?.[spec.idOutput] !== undefined && spec.idOutput in spec.inputSchema.shape ? spec.idOutput : undefined;
}

/** The inputs holding members: the export role's, else the set fields (a set kind export cannot read). */
function memberInputs(spec: ResourceSpec): string[] {
  return spec.exportAs.role === 'set' ? [spec.exportAs.members].flat() : [...(spec.setFields ?? [])];
}

/** Recorded for an owner-keyed kind without members (a singleton such as an interrupt menu): it is declared. */
const WHOLE = '*';

/** A member's identity: the id itself, or an item's id field (`skillId`, `skill_id`, `entryId`). */
function memberKey(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const id = Object.entries(item).find(([key, value]) => /(Id|_id)$/.test(key) && typeof value === 'string');
    return id ? String(id[1]) : undefined;
  }
  return undefined;
}

/**
 * One set's identity: its kind, its owner and the other inputs it cannot change in place (a queue's dispositions
 * for inbound calls are another set than those for outbound ones).
 */
const keyOf = (spec: ResourceSpec, owner: string, inputs: Props) =>
  JSON.stringify([spec.kind, owner, ...(spec.replaceOnChanges ?? []).filter((input) => input !== ownerInput(spec)).map((input) => inputs[input] ?? null)]);

/** Records a declaration of a set kind (inputs in SDK shape; unknown values are not recorded). */
export function recordDeclared(spec: ResourceSpec, inputs: Props, isKnown: (value: unknown) => boolean): void {
  const input = ownerInput(spec);
  const owner = input ? inputs[input] : undefined;
  if (typeof owner !== 'string' || !isKnown(owner)) return;
  const key = keyOf(spec, owner, inputs);
  let byInput = declared().get(key);
  if (!byInput) declared().set(key, (byInput = new Map()));
  if (memberInputs(spec).length === 0) byInput.set(WHOLE, new Set([WHOLE]));
  for (const field of memberInputs(spec)) {
    const value = inputs[field];
    if (value === undefined || !isKnown(value)) continue;
    let keys = byInput.get(field);
    if (!keys) byInput.set(field, (keys = new Set()));
    for (const item of Array.isArray(value) ? value : [value]) {
      const key = memberKey(item);
      if (key !== undefined) keys.add(key);
    }
  }
}

/**
 * The part of a deleted resource's declaration (inputs in SDK shape) that its delete may take away: members that
 * no other resource of this run declares for the owner. `kept` names what stays; `nothing` is true when a
 * singleton's owner is declared again (its delete must not reset it).
 */
export function releasable(spec: ResourceSpec, id: string, inputs: Props): { inputs: Props; kept: string[]; nothing: boolean } {
  const input = ownerInput(spec);
  const owner = input ? String(inputs[input] ?? id) : id;
  const byInput = declared().get(keyOf(spec, owner, inputs));
  if (!byInput || byInput.size === 0) return { inputs, kept: [], nothing: false };
  // A singleton with no member inputs, declared again for the same owner: its delete would undo the new one.
  if (memberInputs(spec).length === 0) return { inputs, kept: [], nothing: byInput.has(WHOLE) };
  const out = { ...inputs };
  const kept: string[] = [];
  let scalarDeclared = false;
  for (const field of memberInputs(spec)) {
    const keys = byInput.get(field);
    const value = inputs[field];
    if (!keys || value === undefined) continue;
    if (!Array.isArray(value)) {
      scalarDeclared = true;
      continue;
    }
    out[field] = value.filter((item) => {
      const key = memberKey(item);
      if (key === undefined || !keys.has(key)) return true;
      kept.push(key);
      return false;
    });
  }
  const singleton = memberInputs(spec).every((field) => !Array.isArray(inputs[field]));
  return { inputs: out, kept, nothing: singleton && scalarDeclared };
}

/**
 * What the resources of this run declare for one owner's set, per member input (keys as `memberKey`): an update
 * never removes them, whatever its mode (ownedSet.ts). `inputs` holds the set's other identifying inputs (a scope
 * such as `assignType`), in SDK shape.
 */
export function declaredForOwner(spec: ResourceSpec, owner: string, inputs: Props): Map<string, Set<string>> | undefined {
  return declared().get(keyOf(spec, owner, inputs));
}

/** For tests, which run many "processes" in one. */
export function forgetDeclared(): void {
  declared().clear();
}
