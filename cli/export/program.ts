import { engine } from '../../provider/handlers';
import type { Props } from '../../provider/engine/spec';
import type { Account, ExportedObject } from './readAccount';
import { EXPORT_ORDER, USER, flowReferenceKey } from './kinds';
import { fileSafe, identifier, NameSpace, slug } from './naming';
import { shown } from '../../provider/client/printable';
import { LITERAL_MARK } from '../../sdk/flowFile';

/**
 * Turns an account into a Pulumi TypeScript program: every object a resource, every id it holds that names
 * another object a reference to that object's variable, every user an email lookup. Declarations come in
 * dependency order; output is deterministic (same account, same bytes).
 */
export interface ExportOptions {
  /** No ids anywhere (no adoptId, references only, flow files with placeholders): for another account. */
  portable: boolean;
  /** Leave out `retainOnDelete`, so removing a declaration deletes the object in ZCC. */
  manageDeletes: boolean;
}

export interface ExportedProgram {
  /** index.ts */
  program: string;
  /** Files beside the program: flow files (JSON) and asset files (bytes), by path. */
  files: Map<string, string | Buffer>;
  counts: Record<string, number>;
}

interface Node {
  object: ExportedObject;
  name: string;
  ident?: string;
  rank: number;
  deps: Set<Node>;
  emitted: boolean;
}

/** A value that is code: a reference to another resource's output or a user lookup. */
class Ref {
  constructor(
    readonly code: string,
    readonly target: Node | undefined,
    readonly id: string,
    /** The placeholder key in a flow file, for references that are not resources of the program. */
    readonly key?: string,
  ) {}
}

const KIND_ORDER: readonly string[] = EXPORT_ORDER.map((spec) => spec.kind);
const PLACEHOLDER = (key: string) => `{{zcc:${key}}}`;
/** Text that readFlowFile's placeholders and literal marks begin with. */
const PLACEHOLDER_START = '{{zcc';
/** Keys of a flow file whose values name other objects by id (kinds.ts: derived from the specs). */
const FLOW_REFERENCE_KEY = flowReferenceKey();

/** The input a kind writes to its own file (a flow's definition), if any. */
function fileInputOf(kind: string): { input: string; dir: string } | undefined {
  const role = engine.specFor(kind).exportAs;
  return role.role === 'object' ? role.fileInput : undefined;
}

function mapPath(value: unknown, segments: string[], map: (id: string) => unknown): unknown {
  if (segments.length === 0) return typeof value === 'string' ? map(value) : value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const [head, ...rest] = segments;
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  const object = value as Props;
  if (!(key in object)) return value;
  const inner = object[key];
  return { ...object, [key]: isList ? (Array.isArray(inner) ? inner.map((item) => mapPath(item, rest, map)) : inner) : mapPath(inner, rest, map) };
}

export function buildProgram(account: Account, options: ExportOptions, meta: { version: string }): ExportedProgram {
  const problems: string[] = [];
  const identifiers = new NameSpace('');
  const names = new Map(KIND_ORDER.map((kind) => [kind, new NameSpace('-')]));
  // Deterministic: by kind, then name, then id (ids break ties between equal names).
  const sorted = [...account.objects].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const byKindId = new Map<string, Node>();
  const byId = new Map<string, Node[]>();
  const nodes: Node[] = [];
  for (const object of sorted) {
    const role = engine.specFor(object.kind).exportAs;
    const isSet = role.role === 'set';
    let wanted: string;
    if (role.role === 'set') {
      // A set is named after its owner's resource (`support-agents`), or its label (a user's email).
      const owner = role.owner === USER ? undefined : byKindId.get(`${role.owner}:${object.id}`)?.name;
      const base = owner ?? (slug(object.label) || role.owner.toLowerCase());
      wanted = role.nameSuffix ? `${base}-${role.nameSuffix}` : base;
    } else wanted = slug(object.label) || object.kind.toLowerCase();
    // A kind with a file input names its file after the resource (flows/<name>.json).
    if (role.role === 'object' && (role.fileInput || role.files)) wanted = fileSafe(wanted);
    const name = names.get(object.kind)!.claim(wanted);
    const node: Node = {
      object,
      name,
      rank: nodes.length,
      deps: new Set(),
      emitted: false,
      ident: isSet ? undefined : identifiers.claim(identifier(name, object.kind)),
    };
    nodes.push(node);
    byKindId.set(`${object.kind}:${object.id}`, node);
    if (!isSet) byId.set(object.id, [...(byId.get(object.id) ?? []), node]);
  }

  const where = (node: Node) => `${node.object.kind} ${shown(node.object.label)}`;
  /** The expression for an id that `node` holds, naming `targetKind`; records the dependency. */
  function reference(node: Node, targetKind: string, id: string, field: string): unknown {
    if (targetKind === USER) {
      const email = account.emails.get(id);
      if (email) return new Ref(`user(${JSON.stringify(email)})`, undefined, id);
    } else {
      const target = byKindId.get(`${targetKind}:${id}`) ?? (byId.get(id)?.length === 1 ? byId.get(id)![0] : undefined);
      if (target) {
        node.deps.add(target);
        return new Ref(`${target.ident}.${engine.specFor(target.object.kind).idOutput}`, target, id);
      }
      // Zoom's own objects (the root team, system variables) are not declared: a lookup names them by name.
      const known = account.lookups.get(id);
      if (known && (targetKind === 'object' || targetKind === known.kind))
        return new Ref(`${known.call}.then((found) => found.${known.output})`, undefined, id, `${known.kind}:${known.label}`);
    }
    if (options.portable)
      problems.push(
        `${where(node)}: ${field} is ${shown(id)}, which names no ${targetKind === USER ? 'user with an email' : `exported ${targetKind}`}, so --portable cannot express it without an id`,
      );
    return id;
  }

  const flowRefs = new Map<Node, Map<string, Ref>>();
  function portableDefinition(node: Node, value: unknown, path: string): unknown {
    if (Array.isArray(value)) return value.map((item, index) => portableDefinition(node, item, `${path}[${index}]`));
    // The account's own text that looks like a placeholder is marked literal, so readFlowFile never fills it in.
    if (typeof value === 'string' && value.startsWith(PLACEHOLDER_START)) {
      if (!flowRefs.has(node)) flowRefs.set(node, new Map());
      return `${LITERAL_MARK}${value}`;
    }
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Props).map(([key, inner]) => {
        const at = `${path}.${key}`;
        if (!FLOW_REFERENCE_KEY.test(key)) return [key, portableDefinition(node, inner, at)];
        const swap = (id: unknown, itemPath: string) => {
          if (typeof id !== 'string' || id === '') return id;
          const kind = /user/i.test(key) ? USER : '';
          const ref = reference(node, kind || 'object', id, itemPath);
          if (!(ref instanceof Ref)) return id;
          const placeholderKey = ref.target ? ref.code : (ref.key ?? `user:${account.emails.get(id)}`);
          const refs = flowRefs.get(node) ?? new Map<string, Ref>();
          refs.set(placeholderKey, ref);
          flowRefs.set(node, refs);
          return PLACEHOLDER(placeholderKey);
        };
        return [key, Array.isArray(inner) ? inner.map((id, index) => swap(id, `${at}[${index}]`)) : swap(inner, at)];
      }),
    );
  }

  const values = new Map<Node, Props>();
  for (const node of nodes) {
    const spec = engine.specFor(node.object.kind);
    let inputs: Props = { ...node.object.inputs };
    for (const [path, targetKind] of Object.entries(spec.references ?? {})) {
      inputs = mapPath(inputs, path.split('.'), (id) => reference(node, targetKind, id, path)) as Props;
    }
    const file = fileInputOf(node.object.kind);
    if (file && options.portable) inputs[file.input] = portableDefinition(node, inputs[file.input], file.input);
    values.set(node, inputs);
  }

  // Dependency order; ties by rank (kind, then name). Cycles (queues overflowing to each other, a flow naming a
  // queue that overflows to it) cannot be declared with references alone.
  const order: Node[] = [];
  const remaining = new Set(nodes);
  while (remaining.size > 0) {
    let next = [...remaining].find((node) => [...node.deps].every((dep) => dep.emitted || dep === node));
    if (!next) {
      const cycle = [...remaining].filter((node) => [...node.deps].some((dep) => remaining.has(dep)));
      if (options.portable) {
        problems.push(
          `these objects refer to each other in a cycle, which --portable cannot declare (each needs the other's id first): ${cycle.slice(0, 10).map(where).join(', ')}`,
        );
        break;
      }
      // Without --portable the objects exist: the first of the cycle keeps the ids of the ones declared after it.
      next = cycle[0];
    }
    next.emitted = true;
    remaining.delete(next);
    order.push(next);
  }
  for (const node of nodes) {
    if (options.portable && node.deps.has(node)) problems.push(`${where(node)} refers to itself, which --portable cannot declare`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((problem) => `  - ${problem}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    throw new Error(`zcc-pulumi export --portable: ${problems.length} reference(s) cannot be expressed without ids:\n${shown.join('\n')}`);
  }

  // Render, marking which references are declared by now (a cycle's later members stay ids).
  for (const node of nodes) node.emitted = false;
  const files = new Map<string, string | Buffer>();
  const lines: string[] = [
    `// Generated by \`zcc-pulumi export${options.portable ? ' --portable' : ''}${options.manageDeletes ? ' --manage-deletes' : ''}\` (zcc-pulumi ${meta.version}).`,
    '// Exporting the same account again gives the same bytes, so a re-export is a reviewable diff.',
    "import * as pulumi from '@pulumi/pulumi';",
    "import * as zcc from 'zcc-pulumi';",
    '',
  ];
  if (!options.manageDeletes) {
    lines.push(
      '// Objects that already existed stay in ZCC when their declaration is removed (retainOnDelete). Export with',
      '// --manage-deletes to let Pulumi delete them.',
      'const keep: pulumi.CustomResourceOptions = { retainOnDelete: true };',
    );
  } else lines.push('const keep: pulumi.CustomResourceOptions = {};');
  if (options.portable)
    lines.push(
      '// What this program creates in the target account is its own: removing a declaration (or destroy) deletes it.',
      'const created: pulumi.CustomResourceOptions = {};',
    );
  lines.push(
    '// Users are looked up by email (one listing of the users per run), so the program never holds their ids.',
    'const user = (email: string) => zcc.getUser({ email }).then((found) => found.userId);',
    '',
  );

  let section = '';
  const counts: Record<string, number> = {};
  for (const node of order) {
    const { kind, id } = node.object;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (kind !== section) {
      lines.push(`// ${kind}`);
      section = kind;
    }
    const inputs = { ...values.get(node)! };
    const fileInput = fileInputOf(kind);
    if (fileInput) {
      const file = `${fileInput.dir}/${node.name}.json`;
      files.set(file, `${JSON.stringify(inputs[fileInput.input], null, 2)}\n`);
      const refs = flowRefs.get(node);
      // The refs object sits at the arguments' first level of indentation.
      const refsCode = refs && renderValue(Object.fromEntries([...refs].sort(([a], [b]) => (a < b ? -1 : 1))), 1);
      inputs[fileInput.input] = new Ref(
        refs ? `zcc.readFlowFile(${JSON.stringify(file)}, ${refsCode})` : `zcc.readFlowFile(${JSON.stringify(file)})`,
        undefined,
        '',
      );
    }
    const objectFiles = node.object.files;
    const role = engine.specFor(kind).exportAs;
    if (objectFiles && role.role === 'object' && role.files) {
      const dir = `${role.files.dir}/${node.name}`;
      for (const [name, bytes] of Object.entries(objectFiles)) files.set(`${dir}/${name}`, bytes);
      Object.assign(inputs, asAssetFiles(role.files.place(inputs, dir, Object.keys(objectFiles))));
    }
    const spec = engine.specFor(kind);
    // --portable: the target account's own default is adopted, by a lookup of its name, and always kept on delete;
    // every other object is created there, so it is the program's to delete.
    const shared = options.portable && spec.everyAccountHas?.(inputs) === true;
    const lookedUp = new Ref(`zcc.get${kind}({ name: ${JSON.stringify(inputs.name)} }).then((found) => found.${spec.idOutput})`, undefined, '');
    const args = shared ? { adoptId: lookedUp, ...inputs } : options.portable ? inputs : { adoptId: id, ...inputs };
    const resourceOptions = shared ? '{ retainOnDelete: true }' : options.portable ? 'created' : 'keep';
    const declaration = `new zcc.${kind}(${JSON.stringify(node.name)}, ${renderValue(args, 0)}, ${resourceOptions});`;
    lines.push(node.ident ? `const ${node.ident} = ${declaration}` : declaration);
    node.emitted = true;
  }
  return { program: `${lines.join('\n')}\n`, files, counts };
}

/** Every `{ path, sha256 }` in the inputs, as the call that reads the file when the program runs. */
function asAssetFiles(value: unknown): unknown {
  if (value instanceof Ref || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(asAssetFiles);
  const entries = Object.entries(value as Props);
  if (entries.length === 2 && typeof (value as Props).path === 'string' && typeof (value as Props).sha256 === 'string')
    return new Ref(`zcc.assetFile(${JSON.stringify((value as Props).path)})`, undefined, '');
  return Object.fromEntries(entries.map(([key, inner]) => [key, asAssetFiles(inner)]));
}

const BARE_KEY = /^[A-Za-z_$][\w$]*$/;
const MAX_LINE = 110;

/** A value as TypeScript: JSON-like, references as code; short values on one line, long ones one item per line. */
function renderValue(value: unknown, indent: number): string {
  if (value instanceof Ref) {
    // A reference to an object declared later (only in a cycle, never with --portable): its id, said so.
    if (value.target && !value.target.emitted) return `${JSON.stringify(value.id)} /* ${value.target.ident}, declared below: a cycle */`;
    return value.code;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = '  '.repeat(indent + 1);
  const entries = Array.isArray(value)
    ? value.map((item) => renderValue(item, indent + 1))
    : Object.entries(value as Props).map(([key, inner]) => `${BARE_KEY.test(key) ? key : JSON.stringify(key)}: ${renderValue(inner, indent + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const inline = Array.isArray(value) ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  if (!inline.includes('\n') && inline.length + indent * 2 <= MAX_LINE && indent > 0) return inline;
  return `${open}\n${entries.map((entry) => `${pad}${entry},`).join('\n')}\n${'  '.repeat(indent)}${close}`;
}
