import { getClient } from '../../provider/runtime';
import { engine, inputInvalid, listExisting, readExisting } from '../../provider/handlers';
import type { Props } from '../../provider/engine/spec';
import { sameValue } from '../../provider/engine/normalize';

/** One object of the account, in SDK shape (the inputs a program declares for it). */
export interface ExportedObject {
  kind: string;
  id: string;
  /** What people call it: the object's name, the queue's name for its members, the user's email for their skills. */
  label: string;
  inputs: Props;
}

/** An object the SDK cannot declare as it is, and why (each problem names the field, the value and what is allowed). */
export interface UnsupportedObject {
  kind: string;
  id: string;
  label: string;
  problems: string[];
}

export interface Account {
  objects: ExportedObject[];
  /** Objects left out because their settings cannot be declared; the caller decides whether that fails the export. */
  unsupported: UnsupportedObject[];
  /** user id → email, for references to users. */
  emails: Map<string, string>;
  apiCalls: number;
}

/** Kinds that are objects of their own, in the order a program declares them (what they reference comes first). */
export const OBJECT_KINDS = ['SkillCategory', 'Skill', 'AgentRoutingProfile', 'ConsumerRoutingProfile', 'Flow', 'Queue'] as const;
/** Kinds that are sets on another object: a queue's agents and supervisors, a user's skills. */
export const SET_KINDS = ['QueueMembers', 'QueueSupervisors', 'UserSkills'] as const;

/** Runs `work` over `items` with at most `limit` at once; the client's rate limiter paces the calls themselves. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

const CONCURRENCY = 8;

/** Inputs equal to what the server assumes when they are omitted say nothing: the program leaves them out. */
function withoutDefaults(kind: string, inputs: Props): Props {
  const defaults = engine.specFor(kind).serverDefaults ?? {};
  return Object.fromEntries(Object.entries(inputs).filter(([key, value]) => value !== undefined && !(key in defaults && sameValue(defaults[key], value))));
}

/**
 * Reads every object of every kind the SDK manages. An object that cannot be expressed as a valid declaration is
 * not exported as it is (the program would fail or silently differ): it is listed in `unsupported`, naming the
 * field, and the caller fails or skips it.
 */
export async function readAccount(): Promise<Account> {
  const client = getClient();
  const before = client.http.stats.requests;
  const objects: ExportedObject[] = [];
  const unsupported: UnsupportedObject[] = [];
  const add = (kind: string, id: string, label: string, inputs: Props) => {
    const problems = inputInvalid(kind, inputs);
    if (problems.length > 0) return void unsupported.push({ kind, id, label, problems });
    objects.push({ kind, id, label, inputs: withoutDefaults(kind, inputs) });
  };

  // Object reads are mostly Light calls, member and skill listings Medium ones: Zoom budgets each category on
  // its own, so both run at once.
  const queueItems = await listExisting('Queue');
  const objectReads = (async () => {
    for (const kind of OBJECT_KINDS) {
      const spec = engine.specFor(kind);
      const items = kind === 'Queue' ? queueItems : await listExisting(kind);
      // A flow is exported as its published version (and `publish: true`), or as its latest draft.
      const hint = kind === 'Flow' ? { publish: true } : {};
      const read = await mapLimit(items, CONCURRENCY, async (item) => {
        const id = String(item[spec.idField]);
        return { id, inputs: await readExisting(kind, id, hint, item) };
      });
      for (const { id, inputs } of read) if (inputs) add(kind, id, String(inputs.name ?? id), inputs);
    }
  })();

  const queueName = new Map(queueItems.map((item) => [String(item.queue_id), String(item.queue_name ?? item.queue_id)]));
  const memberReads = (async () => {
    for (const [kind, count] of [
      ['QueueMembers', 'agents_count'],
      ['QueueSupervisors', 'supervisors_count'],
    ] as const) {
      // The queue list counts members: queues it says have none cost no call.
      const withMembers = queueItems.filter((item) => item[count] === undefined || Number(item[count]) > 0).map((item) => String(item.queue_id));
      const sets = await mapLimit(withMembers, CONCURRENCY, async (queueId) => ({ queueId, inputs: await readExisting(kind, queueId) }));
      for (const { queueId, inputs } of sets)
        if (inputs && (inputs.userIds as unknown[]).length > 0) add(kind, queueId, queueName.get(queueId) ?? queueId, inputs);
    }
    const users = await client.listUsers();
    const emailOf = new Map(users.map((user) => [user.user_id, user.user_email]));
    const skillSets = await mapLimit(users, CONCURRENCY, async (user) => ({ userId: user.user_id, inputs: await readExisting('UserSkills', user.user_id) }));
    for (const { userId, inputs } of skillSets)
      if (inputs && (inputs.skills as unknown[]).length > 0) add('UserSkills', userId, emailOf.get(userId) ?? userId, inputs);
    return emailOf;
  })();
  const [, emails] = await Promise.all([objectReads, memberReads]);
  // Objects are collected as reads finish; the program is built in a deterministic order anyway (program.ts).
  return { objects, unsupported, emails, apiCalls: client.http.stats.requests - before };
}
