import { currentRun } from './run';
import type { ZccClient } from '../client/client';
import { sameValue } from './compare';
import type { ObjectStore, Props, ResourceSpec } from './spec';

/**
 * What existed before this provider process (one Pulumi operation) created anything, per kind with a natural key.
 * It decides who an object belongs to:
 * - `check` of a new resource finds an existing object with its natural key (a rename without `aliases`, a
 *   resource moved into a component, another stack's object) and fails the preview before anything is written;
 * - after an ambiguous create (the answer lost), only an object absent from this list can be the lost attempt's
 *   result, so a retry never takes over an object that was already there.
 * One listing per kind per process, taken at the first create's `check` (or right before its POST): the run's own
 * creates are not in it, which is what makes them provable.
 */
const snapshots = () => currentRun().part('preexisting', () => new Map<string, Promise<Props[]>>());

export function preexisting(client: ZccClient, spec: ResourceSpec, store: ObjectStore): Promise<Props[]> {
  let snapshot = snapshots().get(spec.kind);
  if (!snapshot) {
    snapshot = store.list(client);
    // A failed listing is not kept: the next create tries again.
    snapshot.catch(() => snapshots().delete(spec.kind));
    snapshots().set(spec.kind, snapshot);
  }
  return snapshot;
}

/** The list items whose natural key equals the declaration's (API fields compared with the SDK's values). */
export function withNaturalKey(spec: ResourceSpec, items: Props[], declared: Props): Props[] {
  const key = spec.naturalKey ?? [];
  if (key.length === 0) return [];
  return items.filter((item) => key.every((input) => sameValue(item[spec.apiFields[input]], declared[input])));
}

/**
 * Objects that a resource of this run takes over with `adoptId` (recorded at its check): they are the stack's from
 * this run on, even while the adopting resource's id is not known to others in a preview (a FlowEntryPoints on an
 * adopted flow must not take that flow's numbers for someone else's).
 */
const adopted = () => currentRun().part('adopted', () => new Set<string>());

export function recordAdopted(kind: string, id: string): void {
  adopted().add(`${kind}:${id}`);
}

export function adoptedThisRun(kind: string, id: string): boolean {
  return adopted().has(`${kind}:${id}`);
}

/**
 * Objects a resource of this run declares (Pulumi diffed or created it): the stack's own, such as a Flow whose number
 * another declaration of the stack takes (engine.ts records them; flowEntryPointsSpec.ts asks).
 */
const declaredObjects = () => currentRun().part('declaredObjects', () => new Set<string>());

export function recordStackObject(kind: string, id: string): void {
  declaredObjects().add(`${kind}:${id}`);
}

export function stackDeclares(kind: string, id: string): boolean {
  return declaredObjects().has(`${kind}:${id}`);
}
