import type { Props } from '../../provider/engine/spec';
import type { ExportedObject } from './readAccount';

/**
 * What `zcc-pulumi export` decided, before any language: the declarations in dependency order, each input that
 * names another object as a reference, the files beside the program. render/<language>.ts write it out.
 */

/** The options a program is exported with. */
export interface ExportOptions {
  /** No ids anywhere (no adoptId, references only, flow files with placeholders): for another account. */
  portable: boolean;
  /** Leave out `retainOnDelete`, so removing a declaration deletes the object in ZCC. */
  manageDeletes: boolean;
}

/** One exported object as a declaration in the making. */
export interface Node {
  object: ExportedObject;
  /** The Pulumi resource name (unique per kind). */
  name: string;
  /** The program's variable for it (unique in the program); sets have none (nothing refers to them). */
  ident?: string;
  rank: number;
  deps: Set<Node>;
  /** While rendering: declared already (a reference to a node not yet emitted is a cycle, kept as an id). */
  emitted: boolean;
}

/** What a reference is, in words every renderer can say in its language. */
export type Expr =
  /** Another declaration's id output (`Ref.target`). */
  | { type: 'output'; output: string }
  /** A user's id, looked up by email. */
  | { type: 'user'; email: string }
  /** A lookup (function `get<Kind>`, `getEntryPoint`) of an object the program does not declare, and the output. */
  | { type: 'lookup'; fn: string; args: Record<string, string>; output: string }
  /** A flow definition read from its file; with refs, the file's placeholders filled in from them. */
  | { type: 'flowFile'; file: string; refs?: Record<string, Ref> }
  /** An asset's file, read when the program runs (path and SHA-256). */
  | { type: 'assetFile'; path: string };

/** A value that is code: a reference to another resource's output, a lookup, a file read. */
export class Ref {
  constructor(
    readonly expr: Expr,
    readonly target: Node | undefined,
    /** The id the account holds (what a cycle's forward reference keeps). */
    readonly id: string,
    /** The placeholder key in a flow file, for references that are not resources of the program. */
    readonly key?: string,
  ) {}
}

export interface Declaration {
  node: Node;
  kind: string;
  /** The inputs, references as Refs. */
  args: Props;
  /** The id the resource adopts (an existing object), or a lookup of it (--portable: the target account's default). */
  adopt?: string | Ref;
  /** keep: retainOnDelete (an adopted object stays in ZCC); created: the program's own; shared: an account default. */
  retain: 'keep' | 'created' | 'shared';
}

export interface ExportModel {
  options: ExportOptions;
  version: string;
  declarations: Declaration[];
  /** Files beside the program: flow files (JSON) and asset files (bytes), by path. */
  files: Map<string, string | Buffer>;
  counts: Record<string, number>;
}

/** The id output of a kind, as references name it. */
export type IdOutputOf = (kind: string) => string;
