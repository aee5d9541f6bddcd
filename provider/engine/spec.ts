import type { z } from 'zod';
import type { RateCategory } from '../client/config';
import type { ZccClient } from '../client/client';
import type { ObjectStore } from './store';

export type Props = Record<string, unknown>;

/** The output that records an object's `last_modified_time`, which `listUnchanged` compares list items with. */
export const STAMP_OUTPUT = 'lastModifiedTime';

/**
 * Everything the generic engine needs to manage one kind of ZCC object. A spec is data plus, where the API
 * needs more than CRUD, small hooks; the engine owns check, diff, create, read, update and delete.
 */
export interface ResourceSpec {
  /** Type name: the resource token is `pulumi-nodejs:dynamic/zcc:<kind>`. */
  kind: string;
  description: string;
  /** Collection path; one object lives at `${path}/{id}`. */
  path: string;
  /** Name of the id in API objects, e.g. `queue_id`. */
  idField: string;
  /** Key of the item array in list responses. */
  listKey: string;
  /** The list endpoint returns every field the object's GET does (Zoom's document shows the same shape). */
  listHasEveryField?: boolean;
  /**
   * Whether a list item shows that the object did not change since `recorded` (the outputs of its last read or
   * write): then a refresh keeps the recorded state without a GET (see listings.ts; `zcc:exactReads` turns it off).
   */
  listUnchanged?: (item: Props, recorded: Props) => boolean;
  /** The list endpoint's documented page-size cap, when below Zoom's usual 300. */
  listPageSize?: number;
  /** Output property that echoes the id, e.g. `queueId`. */
  idOutput: string;
  responseSchema: z.ZodType<Props>;
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
  /** Inputs that identify an object when a create's outcome is unknown (name, plus parent where it applies). */
  naturalKey?: string[];
  /** Extra outputs computed from the API object (timestamps, status). */
  computedOutputs?: (server: Props) => Props;
  /** Output properties beyond the inputs (the id output included), for the generated SDK and schema.json. */
  outputs?: Record<string, { description: string; type?: 'string' | 'number' | 'boolean' }>;
  /** A short TypeScript program using the resource, for the generated reference (docs/resources.md). */
  example: string;
  /**
   * Inputs that hold the id of another object, by path (`priorities[].backupSkills[].backupSkillId`), and the kind
   * they name: a kind of this package, `User`, or a kind it does not manage (`Inbox`, `Asset`, `IntentGroup`).
   * `zcc-pulumi export` writes them as references to the program's objects and users' emails, never as ids.
   */
  references?: Record<string, string>;
  /** Rate-limit label of each operation. */
  categories: { list: RateCategory; get: RateCategory; create: RateCategory; update: RateCategory; delete: RateCategory };
  /** Checks across fields, after each field passed on its own; returns failures as `[property, reason]`. */
  crossFieldCheck?: (inputs: Props) => Array<[string, string]>;
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
  /** Follow-up work after the object exists (publish, members). A failure here is a partial create. */
  afterWrite?: (client: ZccClient, id: string, inputs: Props, previous: Props | undefined) => Promise<Props | void>;
}
