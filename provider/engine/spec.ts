import type { z } from 'zod';
import type { Collection } from '../client/endpoints';
import type { ZccClient } from '../client/client';

export type Props = Record<string, unknown>;

/**
 * Where the engine reads and writes one kind's objects, in API shape (snake_case fields). Most kinds are a
 * REST collection (`restStore` in store.ts); kinds such as queue membership that are not one object per URL bring
 * their own.
 */
export interface ObjectStore {
  list(client: ZccClient): Promise<Props[]>;
  create(client: ZccClient, body: Props): Promise<Props>;
  /**
   * `previous` is the last known API-shaped state, for kinds whose read depends on what was declared; `recorded`
   * (at refresh) the resource's outputs in state, for what only they hold (the file URLs an asset was read with).
   */
  get(client: ZccClient, id: string, previous?: Props, recorded?: Props): Promise<Props | undefined>;
  /** `changed` holds only the fields that differ; `full` and `previous` the whole new and old declarations. */
  update(client: ZccClient, id: string, changed: Props, full: Props, previous: Props): Promise<void>;
  /** Succeeds when the object is already gone. */
  remove(client: ZccClient, id: string, previous: Props): Promise<void>;
  /**
   * The list page by page, each with the token it was requested with, from `from` (the first page when omitted),
   * for a reader that stops once it found what it looks for and may come back where it stopped (stamps.ts).
   */
  pages?(client: ZccClient, from?: string): AsyncIterable<{ items: Props[]; token: string }>;
}

/**
 * Files an object's declaration reads from the program's directory (an asset's audio), for `zcc-pulumi export`:
 * `read` downloads them (name within the object's directory → bytes); `place` points the inputs at them once the
 * object's directory (`<dir>/<object name>`) is known. The program declares each as `zcc.assetFile(path)`.
 */
export interface ExportFiles {
  dir: string;
  read: (client: ZccClient, id: string, inputs: Props) => Promise<Record<string, Buffer>>;
  /** `names`: the names `read` gave the object's files. */
  place: (inputs: Props, dir: string, names: readonly string[]) => Props;
}

/**
 * How `zcc-pulumi export` writes a kind (cli/export). Every spec says it, so a new kind cannot be left out of export
 * by forgetting a list.
 */
export type ExportRole =
  /**
   * One declaration per object the list returns, read with its GET (or from the list item when it carries every
   * field). `readHint` steers the read (a flow: its published version); `fileInput` is an input written to its own
   * file (`<dir>/<name>.json`) and read back with `readFlowFile`; `onlyIf` leaves out list items that are not the
   * account's to declare (Zoom's system variable groups).
   */
  | { role: 'object'; readHint?: Props; fileInput?: { input: string; dir: string }; onlyIf?: (item: Props) => boolean; files?: ExportFiles }
  /**
   * One declaration per owner whose set is not empty: a queue's agents, a user's skills. `owner` is a kind of this
   * package or `User`; `members` the input(s) holding the set (exported when one is a non-empty list, object or id); `ownerCount` a field of the owner's list item that
   * counts the members (owners it says have none cost no call); `nameSuffix` ends the resource name
   * (`<queue>-agents`); `ownerIf` leaves out owners that cannot hold the set (a contact list that is not a
   * do-not-contact list has no numbers to read).
   */
  | { role: 'set'; owner: string; members: string | string[]; ownerCount?: string; nameSuffix?: string; ownerIf?: (item: Props) => boolean }
  /** Not exported as such, and why (QueueAgent: export declares the queue's whole set as QueueMembers). */
  | { role: 'none'; because: string };

/** One value a lookup (`get<Kind>`) returns: a field of the list item, or computed from it. */
export interface LookupValue {
  from: string | ((item: Props) => unknown);
  type: 'string' | 'number' | 'boolean';
  description: string;
  /** Always present in the answer (the id and the name). */
  required?: boolean;
}

/**
 * The SDK's `get<Kind>({ name })`: finds one object of the kind by its exact name among the list's items (all
 * pages). `within` narrows the search by a field of the item (names unique only per parent), as an optional
 * argument; several matches fail, listing them.
 */
export interface LookupSpec {
  returns: Record<string, LookupValue>;
  within?: { arg: string; field: string; description: string };
}

/** The output that records an object's `last_modified_time`, which `listUnchanged` compares list items with. */
export const STAMP_OUTPUT = 'lastModifiedTime';

/**
 * Everything the generic engine needs to manage one kind of ZCC object. A spec is data plus, where the API
 * needs more than CRUD, small hooks; the engine owns check, diff, create, read, update and delete.
 */
/**
 * One way to find what uses an object of a kind (engine/whereUsed.ts): a documented where-used list under the object
 * (`/business_hours/{id}/queues`: its endpoint and its items' fields), or, where Zoom documents none, a `scan` that
 * reads the users' own settings (an asset: the flows and queue interrupts whose text names its id).
 */
export type UsedBy = { noun: string } & (
  | { endpoint: Collection; idField: string; nameField: string; scan?: undefined }
  | { scan: (client: ZccClient, id: string) => Promise<Array<{ id: string; name: string }>>; endpoint?: undefined }
);

export interface ResourceSpec {
  /** Type name: the resource token is `pulumi-nodejs:dynamic/zcc:<kind>`. */
  kind: string;
  description: string;
  /**
   * The API collection (client/endpoints.ts): the engine reads and writes it as a REST collection, unless the kind
   * brings its own `store`; the generated reference names its path.
   */
  endpoint: Collection;
  /** Name of the id in API objects, e.g. `queue_id`. */
  idField: string;
  /** The list endpoint returns every field the object's GET does (Zoom's document shows the same shape). */
  listHasEveryField?: boolean;
  /**
   * Whether a list item shows that the object did not change since `recorded` (the outputs of its last read or
   * write): then a refresh keeps the recorded state without a GET (see listings.ts; `zcc:exactReads` turns it off).
   */
  listUnchanged?: (item: Props, recorded: Props) => boolean;
  /**
   * Only the list shows the object's `last_modified_time` (not its GET, not the create or update answer): after
   * writing one, the engine records it from a listing that the run's concurrent writes share (stamps.ts), so the
   * next refresh can trust the recorded state instead of reading each object the last `up` wrote.
   */
  stampFromList?: boolean;
  /** How `zcc-pulumi export` writes this kind. */
  exportAs: ExportRole;
  /**
   * Inputs of which one must be set before the object may be deleted (an inbox: what happens to its messages).
   * Without one the SDK sets Pulumi's `protect` on the resource (unless its options set `protect` or
   * `retainOnDelete`), so a preview refuses its removal before any dependent is touched, instead of an `up` that
   * deletes the dependents and then meets the provider's refusal.
   */
  deleteNeedsOneOf?: string[];
  /**
   * Whether an exported object (its inputs) is one every account has (the account-default business hours): a
   * `--portable` export adopts the target account's own by a lookup of its name, and keeps it on delete, instead
   * of creating a second one.
   */
  everyAccountHas?: (inputs: Props) => boolean;
  /**
   * An input that a program may hold one declaration per value of (a user's skills: two UserSkills for one user
   * would undo each other); the SDK fails the program on a second one.
   */
  onePerProgram?: string;
  /**
   * A list input whose items (by `key`) a program may declare once across every resource of the kind (an entry
   * point reaches one flow); the SDK fails the program on a second one.
   */
  uniqueItems?: { input: string; key: string };
  /** The SDK lookup `get<Kind>`, for kinds users refer to by name. */
  lookup?: LookupSpec;
  /** Output property that echoes the id, e.g. `queueId`. */
  idOutput: string;
  /** The user's inputs: a zod object whose keys are the SDK's property names. */
  inputSchema: z.ZodObject<z.ZodRawShape>;
  /** Input property → API field. */
  apiFields: Record<string, string>;
  /** Values the server fills in when an input is omitted, so omitting it never shows a diff. */
  serverDefaults?: Props;
  /**
   * Inputs the create endpoint accepts, when it takes fewer than the update endpoint (queues: name, description
   * and channel). The other declared inputs are set by an update right after the create; if that fails, the
   * create is partial: the object is recorded in state and the next `up` finishes it.
   */
  createFields?: string[];
  /** Inputs whose change replaces the object only in some cases (a flow file whose channel changes). */
  replaceIf?: (previous: Props, next: Props) => string[];
  /** Arrays whose order carries no meaning. */
  setFields?: string[];
  /** Inputs the API cannot change in place. */
  replaceOnChanges?: string[];
  /**
   * The server rejects a second object with the same name, so a replacement that keeps the name must
   * delete the old object first.
   */
  uniqueName?: boolean;
  /**
   * What is missing while a `uniqueName` object is replaced (deleted first, then created), for the preview's
   * warning; by default "calls and engagements routed to it fail meanwhile".
   */
  whileReplaced?: string;
  /** Inputs that identify an object when a create's outcome is unknown (name, plus parent where it applies). */
  naturalKey?: string[];
  /** Extra outputs computed from the API object (timestamps, status). */
  computedOutputs?: (server: Props) => Props;
  /** Output properties beyond the inputs (the id output included), for the generated SDK and schema.json. */
  outputs?: Record<string, { description: string; type?: 'string' | 'number' | 'boolean' | 'stringMap' }>;
  /** A short TypeScript program using the resource, for the generated reference (docs/resources.md). */
  example: string;
  /**
   * Inputs that hold the id of another object, by path (`priorities[].backupSkills[].backupSkillId`), and the kind
   * they name: a kind of this package, `User`, or a kind it does not manage (`Inbox`, `Asset`, `IntentGroup`).
   * `zcc-pulumi export` writes them as references to the program's objects and users' emails, never as ids.
   */
  references?: Record<string, string>;
  /**
   * The documented lists of what uses an object of this kind (`/business_hours/{id}/queues`, `…/flows`), read only:
   * a delete ZCC refuses (409) names them, and `zcc-pulumi drift` names the ones outside the stack before an `up`.
   */
  usedBy?: readonly UsedBy[];
  /** What to tell the user when ZCC refuses a delete because of `usedBy` users (`Point those queues at other hours…`). */
  usedByAdvice?: string;
  /** Checks across fields, after each field passed on its own; returns failures as `[property, reason]`. */
  crossFieldCheck?: (inputs: Props) => Array<[string, string]>;
  /**
   * Where an assumption of this package (a meaning it gives a bare number of Zoom's) meets data that does not fit
   * it, which the API accepts: the data is kept and declared as it is, and each line here is a warning, at check
   * and in `zcc-pulumi export`.
   */
  assumptionWarnings?: (inputs: Props) => string[];
  /**
   * What deleting this resource does beyond the object itself, in words, recorded as the input `onDelete` so that
   * `destroy --preview-only` and a preview that removes the resource show it (Pulumi shows a deleted resource's
   * recorded inputs, and runs no provider code then). Set kinds get one by default: the members they remove.
   */
  onDelete?: (inputs: Props) => string | undefined;
  /** Inputs that are not API fields but follow from the API object (e.g. `publish` from a flow's status). */
  derivedInputs?: (server: Props, declared: Props | undefined) => Props;
  /** How objects are stored, when not a plain REST collection at `path`. */
  store?: ObjectStore;
  /** Why an id of this kind is malformed (for `adoptId`); defaults to one Zoom id (client/paths.ts). */
  idProblem?: (id: string) => string | undefined;
  /**
   * Warnings about what creating this object will do to what already exists, computed with reads only during
   * `check` (so previews show them), e.g. the members an exclusive member set will remove.
   */
  previewCreate?: (client: ZccClient, inputs: Props) => Promise<string[]>;
  /**
   * What this declaration's writes would do to objects the stack does not manage, read at every `check` (reads
   * only, so previews say it): `failures` (`[property, reason]`) refuse the preview where consent is missing,
   * `warnings` name each effect that has consent (an entry point taken from a flow outside the stack). During a
   * preview `inputs` may hold values not known yet (UNKNOWN, e.g. the id of a flow the same run creates): it says
   * what it can from the rest, since a new resource's effects matter most.
   */
  checkEffects?: (client: ZccClient, inputs: Props) => Promise<{ failures: Array<[string, string]>; warnings: string[] }>;
  /**
   * Called at `check` with every declaration of the kind this run makes (unknowns included), before any write:
   * lets the writes of one run coordinate (an entry point one flow gives up and another takes).
   */
  observe?: (inputs: Props, previous: Props) => void;
  /**
   * A fact about another object that this resource sets and that a resource of another kind may set too (a user's
   * role: `User.roleId`, or the role's `RoleUsers`): `keys` the objects it sets it for (from the inputs, or the
   * recorded outputs for the resource's own id), `by` how messages name this declaration. Two resources of a run
   * setting it for one object fail the check (oneOwner.ts).
   */
  declaresOnce?: { fact: string; input: string; keys: (inputs: Props, previous: Props) => string[]; by: (inputs: Props) => string };
  /**
   * Why ZCC cannot show this object's settings (a queue's interrupt menu has no read): the store's `get` confirms
   * what it can (the parent) and returns the recorded state, and every check warns that it is not compared.
   */
  writeOnly?: string;
  /** Follow-up work after the object exists (publish, members). A failure here is a partial create. */
  afterWrite?: (client: ZccClient, id: string, inputs: Props, previous: Props | undefined) => Promise<Props | void>;
}

type Keys<T> = Extract<keyof T, string>;

/**
 * A spec as written, typed against its API object (`Api`: what the store reads, for REST kinds the collection's item) and its inputs (`Shape`,
 * the input schema's shape): the compiler checks that `apiFields` maps input names to API field names, that
 * `setFields`, `naturalKey`, `createFields` and `replaceOnChanges` name inputs, and that `idField` is an API field.
 */
export type SpecDefinition<Api extends Props, Shape extends z.ZodRawShape> = Omit<
  ResourceSpec,
  | 'idField'
  | 'inputSchema'
  | 'apiFields'
  | 'serverDefaults'
  | 'createFields'
  | 'setFields'
  | 'replaceOnChanges'
  | 'naturalKey'
  | 'computedOutputs'
  | 'listUnchanged'
  | 'derivedInputs'
  | 'lookup'
  | 'onePerProgram'
> & {
  onePerProgram?: Keys<Shape>;
  idField: Keys<Api>;
  inputSchema: z.ZodObject<Shape>;
  apiFields: { [K in Keys<Shape>]?: Keys<Api> };
  serverDefaults?: { [K in Keys<Shape>]?: z.output<Shape[K]> };
  createFields?: Array<Keys<Shape>>;
  setFields?: Array<Keys<Shape>>;
  replaceOnChanges?: Array<Keys<Shape>>;
  naturalKey?: Array<Keys<Shape>>;
  computedOutputs?: (server: Api) => Props;
  listUnchanged?: (item: Api, recorded: Props) => boolean;
  derivedInputs?: (server: Api, declared: Props | undefined) => Props;
  lookup?: {
    returns: Record<string, Omit<LookupValue, 'from'> & { from: Keys<Api> | ((item: Api) => unknown) }>;
    within?: { arg: string; field: Keys<Api>; description: string };
  };
};

/**
 * Checks a spec against its API object type and returns it in the engine's untyped form (`defineSpec<ZccQueue>()({
 * ... })`; two calls because TypeScript cannot infer `Shape` once `Api` is given). The engine reads every kind as
 * plain records, so this is the one place where the API type is erased.
 */
export function defineSpec<Api extends Props>() {
  return <Shape extends z.ZodRawShape>(definition: SpecDefinition<Api, Shape>): ResourceSpec => definition as unknown as ResourceSpec;
}
