import type { ZccUser } from './client/schemas';
import { engine, listExisting } from './handlers';
import { getClient } from './runtime';
import { accountEntryPointsEndpoint } from './specs/flowEntryPointsSpec';

/**
 * The lookups (`get<Kind>`, getUser, getUsers, getEntryPoint): what a program's lookups run in the program process
 * (sdk/lookups.ts wraps each so a failure ends the program in one line) and what the provider plugin answers as
 * invokes (provider/plugin). Both use the process's one client; failures are plain errors naming the lookup.
 */

const client = () => getClient();

/** A Contact Center user (agents and supervisors are users) as lookups return it. */
export interface UserInfo {
  /** The user id, as queue membership and user skills take it. */
  userId: string;
  ccUserId?: string;
  displayName?: string;
  email: string;
  roleName?: string;
  /** `active` or `inactive`. */
  userAccess?: string;
}

export const toUser = (user: ZccUser): UserInfo => ({
  userId: user.user_id,
  ccUserId: user.cc_user_id,
  displayName: user.display_name,
  email: user.user_email,
  roleName: user.role_name,
  userAccess: user.user_access,
});

/**
 * The users of the account (all pages): those matching `search` (Zoom's `search_key`: a name or email) and, with
 * `active`, only active (true) or inactive (false) ones.
 */
export async function findUsers(args: { search?: string; active?: boolean } = {}): Promise<UserInfo[]> {
  const query = { search_key: args.search, user_access: args.active === undefined ? undefined : args.active ? ('active' as const) : ('inactive' as const) };
  return (await client().listUsers(query)).map(toUser);
}

/**
 * Email lookups of one program run, memoized. The first few search (one call each); beyond that the program looks
 * up many users (an exported center names every member by email), and one listing of all users answers them all.
 */
const SEARCHES_BEFORE_LISTING = 5;
const usersByEmail = new Map<string, Promise<ZccUser | undefined>>();
let everyUser: Promise<Map<string, ZccUser>> | undefined;

function userByEmail(email: string): Promise<ZccUser | undefined> {
  const wanted = email.toLowerCase();
  let found = usersByEmail.get(wanted);
  if (!found) {
    if (usersByEmail.size < SEARCHES_BEFORE_LISTING) {
      found = client()
        .listUsers({ search_key: email })
        .then((users) => users.find((user) => user.user_email.toLowerCase() === wanted));
    } else {
      everyUser ??= client()
        .listUsers()
        .then((users) => new Map(users.map((user) => [user.user_email.toLowerCase(), user])));
      found = everyUser.then((users) => users.get(wanted));
    }
    usersByEmail.set(wanted, found);
  }
  return found;
}

/** One user, by email (case-insensitive) or by id. Fails naming what was looked for when there is none. */
export async function findUser(args: { email: string } | { userId: string }): Promise<UserInfo> {
  if ('userId' in args) return toUser(await client().getUser(args.userId));
  const match = await userByEmail(args.email);
  if (!match) throw new Error(`getUser: no Zoom Contact Center user has the email ${JSON.stringify(args.email)}.`);
  return toUser(match);
}

/** An entry point of the account (a phone number or address that can reach a flow), as getEntryPoint returns it. */
export interface EntryPointInfo {
  /** The id FlowEntryPoints takes (`entry_id`). */
  entryId: string;
  name?: string;
  number?: string;
  email?: string;
  channel: string;
  channelSource?: string;
}

/**
 * One entry point of the account, on `channel`, by its phone number (E.164, as ZCC lists it), email address or
 * name; fails naming what was looked for when none matches, and listing the ids when several do.
 */
export async function findEntryPoint(args: {
  channel: 'voice' | 'video' | 'messaging' | 'email';
  number?: string;
  email?: string;
  name?: string;
}): Promise<EntryPointInfo> {
  const given = (['number', 'email', 'name'] as const).filter((key) => args[key] !== undefined);
  if (given.length !== 1) throw new Error('getEntryPoint: give one of number, email or name.');
  const points = await client().listOf(accountEntryPointsEndpoint, [], { channel: args.channel });
  const field = { number: 'entry_number', email: 'entry_email', name: 'entry_name' } as const;
  const wanted = args[given[0]]!;
  const matches = points.filter((point) => point[field[given[0]]] === wanted);
  if (matches.length === 0) throw new Error(`getEntryPoint: no ${args.channel} entry point has the ${given[0]} ${JSON.stringify(wanted)}.`);
  if (matches.length > 1)
    throw new Error(
      `getEntryPoint: ${matches.length} ${args.channel} entry points have the ${given[0]} ${JSON.stringify(wanted)} (${matches.map((p) => p.entry_id).join(', ')}).`,
    );
  const [point] = matches;
  return {
    entryId: point.entry_id,
    ...(point.entry_name ? { name: point.entry_name } : {}),
    ...(point.entry_number ? { number: point.entry_number } : {}),
    ...(point.entry_email ? { email: point.entry_email } : {}),
    channel: point.channel ?? args.channel,
    ...(point.channel_source ? { channelSource: point.channel_source } : {}),
  };
}

/**
 * The lookup `get<Kind>({ name })` of a spec with `lookup`: the object of the kind with exactly that name among all
 * pages of its list, narrowed by the spec's `within` argument when given. Fails naming what was looked for when none
 * matches, and listing the matches when several do.
 */
export async function findByName<T>(kind: string, args: Record<string, string | undefined>): Promise<T> {
  const fn = `get${kind}`;
  const spec = engine.specFor(kind);
  const { lookup: how } = spec;
  const nameField = spec.apiFields.name;
  if (!how || !nameField) throw new Error(`${fn}: ${kind} has no lookup.`);
  const within = how.within && args[how.within.arg] !== undefined ? { ...how.within, value: args[how.within.arg] } : undefined;
  const matches = (await listExisting(kind)).filter((item) => item[nameField] === args.name && (!within || item[within.field] === within.value));
  const noun = nounOf(kind);
  const where = within ? ` with ${within.arg} ${JSON.stringify(within.value)}` : '';
  if (matches.length === 0) throw new Error(`${fn}: no ${noun} is named ${JSON.stringify(args.name)}${where}.`);
  if (matches.length > 1) {
    const ids = matches.map((item) => String(item[spec.idField])).join(', ');
    const narrow = how.within && !within ? `give ${how.within.arg}` : 'look one up by id instead';
    throw new Error(`${fn}: ${matches.length} ${noun}s are named ${JSON.stringify(args.name)}${where} (${ids}); ${narrow}.`);
  }
  const [item] = matches;
  // The generated <Kind>Info types the fields `returns` declares.
  return Object.fromEntries(
    Object.entries(how.returns)
      .map(([key, value]) => [key, typeof value.from === 'function' ? value.from(item) : item[value.from]])
      .filter(([, value]) => value !== undefined && value !== null),
  ) as T;
}

/** "AgentRoutingProfile" → "agent routing profile". */
export const nounOf = (kind: string) => kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
