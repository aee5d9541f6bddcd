import { currentRun, newRun } from './run';
import type { ZccClient } from '../client/client';
import type { ObjectStore, Props, ResourceSpec } from './spec';
import { forgetAllStamps } from './stamps';

/**
 * List-backed reads. A refresh of N objects would cost N GETs; instead, within one provider process (one Pulumi
 * operation), the first read of a kind lists the whole collection at the largest page size, once, while
 * concurrent reads wait for the same listing. Reads are then answered from it where that is exact:
 * - kinds whose list items carry every field (skills, categories, routing profiles) from the item;
 * - kinds with `listUnchanged` (queues, flows): the recorded state, when the item says nothing moved since;
 * - everything else (and objects missing from the listing, to confirm a deletion) with a GET.
 * Any write of a kind in this process drops its listing, so no read is answered from before a change.
 */
const listings = () => currentRun().part('listings', () => new Map<string, Promise<Map<string, Props>>>());

export function usesListing(spec: ResourceSpec): boolean {
  return spec.listHasEveryField === true || spec.listUnchanged !== undefined;
}

export function listingOf(client: ZccClient, spec: ResourceSpec, store: ObjectStore): Promise<Map<string, Props>> {
  let listing = listings().get(spec.kind);
  if (!listing) {
    listing = store.list(client).then((items) => new Map(items.map((item) => [String(item[spec.idField]), item])));
    // A failed listing is not kept: the next read tries again (or falls back to its GET).
    listing.catch(() => listings().delete(spec.kind));
    listings().set(spec.kind, listing);
  }
  return listing;
}

export function forgetListing(kind: string): void {
  listings().delete(kind);
}

/** For tests, which run many "processes" in one: the next call belongs to a new run (run.ts), with nothing pending. */
export function forgetAllListings(): void {
  // The stamp timers of the old run would still fire: stopped first. Everything else the new run simply lacks.
  forgetAllStamps();
  newRun();
}

/**
 * Objects this provider process created, by kind. A queue created a moment ago by this run has no members, so the
 * preview-time warning about members an exclusive set would remove needs no call for it.
 */
const createdHere = () => currentRun().part('createdHere', () => new Map<string, Set<string>>());

export function rememberCreated(kind: string, id: string): void {
  let ids = createdHere().get(kind);
  if (!ids) createdHere().set(kind, (ids = new Set()));
  ids.add(id);
}

export function createdInThisProcess(kind: string, id: string): boolean {
  return createdHere().get(kind)?.has(id) ?? false;
}
