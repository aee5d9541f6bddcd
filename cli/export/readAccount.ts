import { getClient } from '../../provider/runtime';
import { mapLimit } from '../../provider/client/mapLimit';
import { engine, inputInvalid, inputWarnings, listExisting, ownedByAccountDefault, readExisting } from '../../provider/handlers';
import type { Props } from '../../provider/engine/spec';
import { sameValue } from '../../provider/engine/compare';
import { USER, objectKinds, setKinds } from './kinds';
import { accountEntryPointsEndpoint } from '../../provider/specs/flowEntryPointsSpec';

/** One object of the account, in SDK shape (the inputs a program declares for it). */
export interface ExportedObject {
  kind: string;
  id: string;
  /** What people call it: the object's name, the queue's name for its members, the user's email for their skills. */
  label: string;
  inputs: Props;
  /** Files its declaration reads (an asset's audio), by name within its directory (spec `exportAs.files`). */
  files?: Record<string, Buffer>;
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
  /** Objects exported as they are although they meet one of the package's assumptions (spec assumptionWarnings). */
  warnings: Array<{ kind: string; id: string; label: string; message: string }>;
  /** user id → email, for references to users. */
  emails: Map<string, string>;
  /**
   * What the program names with a lookup rather than declares, by id: Zoom's own objects (`onlyIf` leaves them out)
   * and the account's entry points. `call` is the lookup (`zcc.getTeam({ name: "All teams" })`), `output` the id it
   * answers, `label` what a flow file's placeholder calls it.
   */
  /** Objects the program does not declare but refers to (Zoom's own: the root team, system variables, entry points): the lookup that finds each. */
  lookups: Map<string, { kind: string; fn: string; args: Record<string, string>; output: string; label: string }>;
  apiCalls: number;
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
  const warnings: Account['warnings'] = [];
  const add = (kind: string, id: string, label: string, read: Props, files?: Record<string, Buffer>) => {
    // What the program will declare: the server's defaults (an empty id for "the account default") left out.
    const inputs = withoutDefaults(kind, read);
    // Files are checked where they will be (the program's directory for the object is named later).
    const role = engine.specFor(kind).exportAs;
    const placed = files && role.role === 'object' && role.files ? role.files.place(inputs, `${role.files.dir}/${id}`, Object.keys(files)) : inputs;
    const problems = inputInvalid(kind, placed);
    if (problems.length > 0) return void unsupported.push({ kind, id, label, problems });
    for (const message of inputWarnings(kind, placed)) warnings.push({ kind, id, label, message });
    objects.push({ kind, id, label, inputs, ...(files ? { files } : {}) });
  };

  // One listing per kind, shared: a queue list serves the queues and the owners of their member sets.
  const listings = new Map<string, Promise<Props[]>>();
  const listOnce = (kind: string) => {
    if (!listings.has(kind)) listings.set(kind, listExisting(kind));
    return listings.get(kind)!;
  };
  const users = client.listUsers();
  const lookups: Account['lookups'] = new Map();

  // Object reads are mostly Light calls, set reads Medium ones: Zoom budgets each category on its own, so both run
  // at once.
  const objectReads = (async () => {
    for (const { spec, role } of objectKinds()) {
      const listed = await listOnce(spec.kind);
      const items = listed.filter((item) => role.onlyIf?.(item) ?? true);
      const nameField = spec.apiFields.name;
      if (spec.lookup && nameField)
        for (const item of listed)
          if (!items.includes(item)) {
            const name = String(item[nameField]);
            lookups.set(String(item[spec.idField]), {
              kind: spec.kind,
              fn: `get${spec.kind}`,
              args: { name },
              output: spec.idOutput,
              label: name,
            });
          }
      const read = await mapLimit(items, CONCURRENCY, async (item) => {
        const id = String(item[spec.idField]);
        const inputs = await readExisting(spec.kind, id, role.readHint ?? {}, item);
        return { id, inputs, files: inputs && role.files ? await role.files.read(client, id, inputs) : undefined };
      });
      for (const { id, inputs, files } of read) if (inputs) add(spec.kind, id, String(inputs.name ?? id), inputs, files);
    }
  })();

  const setReads = (async () => {
    for (const { spec, role } of setKinds()) {
      // Owners, with what people call them: a queue by its name, a user by email.
      let owners: Array<{ id: string; label: string; item: Props }>;
      if (role.owner === USER) owners = (await users).map((user) => ({ id: user.user_id, label: user.user_email, item: user }));
      else {
        const owner = engine.specFor(role.owner);
        const nameField = owner.apiFields.name;
        owners = (await listOnce(role.owner)).map((item) => {
          const id = String(item[owner.idField]);
          return { id, label: String((nameField && item[nameField]) ?? id), item };
        });
      }
      // The owner's list item counts the members: owners it says have none cost no call.
      const count = role.ownerCount;
      const worth = owners.filter(
        ({ item }) => (role.ownerIf?.(item) ?? true) && (count === undefined || item[count] === undefined || Number(item[count]) > 0),
      );
      const sets = await mapLimit(worth, CONCURRENCY, async (owner) => ({ owner, inputs: await readExisting(spec.kind, owner.id) }));
      // Exported when the owner holds something: a non-empty list, or an id (an empty one means the default).
      const holds = (value: unknown) =>
        Array.isArray(value)
          ? value.length > 0
          : typeof value === 'object' && value !== null
            ? Object.keys(value).length > 0
            : typeof value === 'string' && value !== '';
      // A set held by one of the account's own objects (a built-in role, the root team) is declared additive
      // (engine ownedByAccountDefault: the provider plugin's import reads it the same way).
      for (const { owner, inputs } of sets)
        if (inputs && [role.members].flat().some((input) => holds(inputs[input])))
          add(spec.kind, owner.id, owner.label, role.owner !== USER && ownedByAccountDefault(spec, owner.item) ? { ...inputs, mode: 'additive' } : inputs);
    }
  })();
  // The account's entry points (numbers and addresses), named by a lookup wherever a flow's entry points name them.
  const entryPoints = (async () => {
    for (const channel of ['voice', 'video', 'messaging', 'email'] as const)
      for (const point of await client.listOf(accountEntryPointsEndpoint, [], { channel })) {
        const [key, value] = point.entry_number
          ? ['number', point.entry_number]
          : point.entry_email
            ? ['email', point.entry_email]
            : ['name', point.entry_name ?? point.entry_id];
        lookups.set(point.entry_id, {
          kind: 'EntryPoint',
          fn: 'getEntryPoint',
          args: { channel, [key]: value },
          output: 'entryId',
          label: value,
        });
      }
  })();
  const [, emails] = await Promise.all([entryPoints, users.then((all) => new Map(all.map((user) => [user.user_id, user.user_email]))), objectReads, setReads]);
  // A set hangs on its owner: when the owner cannot be declared, neither can the set.
  const left = new Set(unsupported.map((object) => `${object.kind}:${object.id}`));
  for (const { spec, role } of setKinds()) {
    if (role.owner === USER) continue;
    for (const object of objects.filter((candidate) => candidate.kind === spec.kind && left.has(`${role.owner}:${candidate.id}`))) {
      objects.splice(objects.indexOf(object), 1);
      unsupported.push({ ...object, problems: [`its ${role.owner} (${object.id}) cannot be declared, see above`] });
    }
  }
  // Objects are collected as reads finish; the program is built in a deterministic order anyway (program.ts).
  return { objects, unsupported, warnings, emails, lookups, apiCalls: client.http.stats.requests - before };
}
