import { currentRun } from './run';
import type { Props } from './spec';

/**
 * Modification times for objects this process wrote, for kinds whose `last_modified_time` only the list shows
 * (`stampFromList`: queues). Zoom's create and update answers carry no time, so without a stamp the first refresh
 * after an `up` would GET every object it wrote; with one, the refresh answers them from one listing (listings.ts).
 *
 * A stamp must come from a page requested after the write finished (else it could predate the write). One
 * listing per write would double `up`'s calls, so the writes of one run share them:
 * - single-flight: one walk through the list at a time per kind; a write that finishes during a walk is served by a
 *   later page of it when that page was requested after the write, or else by the next walk;
 * - a walk starts once no other write of the kind is under way (everyone who will join has joined: with Pulumi's
 *   default `--parallel` all workers are waiting by then), after a short quiet period, or when the oldest waiting
 *   write has waited MAX_WAIT_MS (with a high `--parallel`, writes never pause);
 * - a walk stops at the page where it found every write it started for;
 * - a walk for new objects only starts at the page where the previous walk stopped (`resume`): a list shows new
 *   objects last (Zoom's lists, like the emulator's, are in creation order), so a run creating 1,000 queues reads
 *   one or two pages per walk instead of the whole list. Should that order not hold, nothing is lost: a walk that
 *   started there and reached the end without finding everything walks again from the first page. A token older
 *   than RESUME_MS (Zoom's expire after 15 minutes) or refused is not used.
 * A stamp is best effort: a failed listing, or an object the list does not show, leaves the stamp out, which
 * costs that object one GET at the next refresh and nothing else. The write never fails because of it.
 *
 * What it trusts: that the list's time is the object's last change. A console edit in the moment between the
 * write and the page (milliseconds, at most MAX_WAIT_MS plus a walk) would be recorded as the written state and
 * show only at the object's next change or `zcc:exactReads` refresh; docs/drift.md says so.
 */
export const MAX_WAIT_MS = 2000;
const QUIET_MS = 25;
const RESUME_MS = 10 * 60_000;

interface Waiter {
  since: number;
  at: number;
  /** The write created the object (so it is at the end of the list), rather than changing one. */
  created: boolean;
  resolve(stamp: string | undefined): void;
}

interface KindStamps {
  writing: number;
  waiting: Map<string, Waiter>;
  walking: boolean;
  timer?: NodeJS.Timeout;
  /** The kind's list, page by page, and the id and time fields of its items. */
  source?: StampSource;
  /** Where the last walk stopped: the token its last page was requested with, and when. */
  resume?: { token: string; at: number };
}

export interface StampSource {
  /** The list's pages from `from` (the first page when omitted), each with the token it was requested with. */
  pages(from?: string): AsyncIterable<{ items: Props[]; token: string }>;
  idField: string;
}

/**
 * This run's stamp state (run.ts): per kind, the writes under way and the objects waiting for a stamp; a clock
 * that orders "write finished" before "page requested"; and the pages read for stamps, by kind (what stamping
 * cost this run, which tests and the bench read).
 */
const stamps = () => currentRun().part('stamps', () => ({ kinds: new Map<string, KindStamps>(), clock: 0, pagesRead: new Map<string, number>() }));
const tick = () => ++stamps().clock;

/** Pages read for stamps by kind in this run. */
export function stampPagesRead(kind: string): number {
  return stamps().pagesRead.get(kind) ?? 0;
}

function stateOf(kind: string): KindStamps {
  let state = stamps().kinds.get(kind);
  if (!state) stamps().kinds.set(kind, (state = { writing: 0, waiting: new Map(), walking: false }));
  return state;
}

/**
 * Called when a write of `kind` begins. The returned ticket either asks for the written object's stamp or, when
 * the write failed or wrote nothing, withdraws, so a walk does not wait for it.
 */
export function beginWrite(kind: string): { stamp(id: string, source: StampSource, created?: boolean): Promise<string | undefined>; withdraw(): void } {
  const state = stateOf(kind);
  state.writing++;
  let open = true;
  const close = () => {
    if (!open) return false;
    open = false;
    state.writing--;
    return true;
  };
  return {
    stamp(id, source, created = false) {
      if (!close()) return Promise.resolve(undefined);
      state.source = source;
      return new Promise((resolve) => {
        state.waiting.get(id)?.resolve(undefined);
        state.waiting.set(id, { since: tick(), at: Date.now(), created, resolve });
        schedule(kind, state);
      });
    },
    withdraw() {
      if (close()) schedule(kind, state);
    },
  };
}

function schedule(kind: string, state: KindStamps): void {
  if (state.walking || state.waiting.size === 0) return;
  if (state.timer) clearTimeout(state.timer);
  const oldest = Math.min(...[...state.waiting.values()].map((waiter) => waiter.at));
  const delay = state.writing > 0 ? Math.max(0, oldest + MAX_WAIT_MS - Date.now()) : QUIET_MS;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    // Another write began during the quiet period: wait for it too, within the bound.
    if (state.writing > 0 && Date.now() - oldest < MAX_WAIT_MS) return schedule(kind, state);
    void walk(kind, state);
  }, delay);
  // A pending stamp never keeps the provider process alive on its own.
  state.timer.unref?.();
}

async function walk(kind: string, state: KindStamps): Promise<void> {
  const source = state.source;
  if (!source || state.walking) return;
  state.walking = true;
  const started = tick();
  const dueWaiters = () => [...state.waiting.values()].filter((waiter) => waiter.since < started);
  // Only new objects are due: start where the last walk stopped, where they are.
  const resume = state.resume && Date.now() - state.resume.at < RESUME_MS && dueWaiters().every((waiter) => waiter.created) ? state.resume.token : '';
  try {
    for (const from of resume ? [resume, ''] : ['']) {
      let finished = true;
      try {
        finished = await walkFrom(kind, state, source, from, started);
      } catch (error) {
        // A refused resume token (expired) costs a walk from the first page; any other failure ends the walk.
        if (from === '') throw error;
        state.resume = undefined;
        continue;
      }
      if (!finished || dueWaiters().length === 0) break;
    }
  } catch {
    // Best effort: the objects it was for go without a stamp (one GET each at the next refresh).
  } finally {
    for (const [id, waiter] of state.waiting) {
      if (waiter.since > started) continue;
      state.waiting.delete(id);
      waiter.resolve(undefined);
    }
    state.walking = false;
    schedule(kind, state);
  }
}

/**
 * Reads pages from `from` until every write the walk started for has its stamp (then false: stopped early) or the
 * list ends (true). Remembers the token of the last page read, where the next walk for new objects starts.
 */
async function walkFrom(kind: string, state: KindStamps, source: StampSource, from: string, started: number): Promise<boolean> {
  const due = () => [...state.waiting.values()].some((waiter) => waiter.since < started);
  const pages = source.pages(from || undefined)[Symbol.asyncIterator]();
  for (;;) {
    const requested = tick();
    const next = await pages.next();
    if (next.done) return true;
    stamps().pagesRead.set(kind, (stamps().pagesRead.get(kind) ?? 0) + 1);
    state.resume = { token: next.value.token, at: Date.now() };
    for (const item of next.value.items) {
      const id = String(item[source.idField]);
      const waiter = state.waiting.get(id);
      if (!waiter || waiter.since > requested) continue;
      state.waiting.delete(id);
      waiter.resolve(typeof item.last_modified_time === 'string' ? item.last_modified_time : undefined);
    }
    if (!due()) {
      await pages.return?.(undefined);
      return false;
    }
  }
}

/** For tests, which run many "processes" in one. */
export function forgetAllStamps(): void {
  for (const state of stamps().kinds.values()) if (state.timer) clearTimeout(state.timer);
  currentRun().forget('stamps');
}
