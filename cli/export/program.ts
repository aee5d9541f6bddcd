import { engine } from '../../provider/handlers';
import type { Props } from '../../provider/engine/spec';
import type { Account } from './readAccount';
import { EXPORT_ORDER, USER, flowReferenceKey } from './kinds';
import { fileSafe, identifier, NameSpace, slug } from './naming';
import { shown } from '../../provider/client/printable';
import { LITERAL_MARK } from '../../sdk/flowFile';
import { Ref, type Declaration, type ExportModel, type ExportOptions, type Node } from './model';
import { renderTypeScript } from './render/typescript';

export type { ExportOptions } from './model';

/**
 * Turns an account into the declarations of a Pulumi program (model.ts): every object a resource, every id it
 * holds that names another object a reference to that object's declaration, every user an email lookup.
 * Declarations come in dependency order; output is deterministic (same account, same bytes). render/<language>.ts
 * write the program.
 */
export interface ExportedProgram {
  /** index.ts */
  program: string;
  /** Files beside the program: flow files (JSON) and asset files (bytes), by path. */
  files: Map<string, string | Buffer>;
  counts: Record<string, number>;
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

/** The TypeScript program (index.ts) and the files beside it. */
export function buildProgram(account: Account, options: ExportOptions, meta: { version: string }): ExportedProgram {
  const model = buildModel(account, options, meta);
  return { program: renderTypeScript(model), files: model.files, counts: model.counts };
}

export function buildModel(account: Account, options: ExportOptions, meta: { version: string }): ExportModel {
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
      if (email) return new Ref({ type: 'user', email }, undefined, id);
    } else {
      const target = byKindId.get(`${targetKind}:${id}`) ?? (byId.get(id)?.length === 1 ? byId.get(id)![0] : undefined);
      if (target) {
        node.deps.add(target);
        return new Ref({ type: 'output', output: engine.specFor(target.object.kind).idOutput }, target, id);
      }
      // Zoom's own objects (the root team, system variables) are not declared: a lookup names them by name.
      const known = account.lookups.get(id);
      if (known && (targetKind === 'object' || targetKind === known.kind))
        return new Ref({ type: 'lookup', fn: known.fn, args: known.args, output: known.output }, undefined, id, `${known.kind}:${known.label}`);
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
          // The key names the declaration as the TypeScript program does (`supportQueue.queueId`).
          const placeholderKey = ref.target ? `${ref.target.ident}.${(ref.expr as { output: string }).output}` : (ref.key ?? `user:${account.emails.get(id)}`);
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

  const files = new Map<string, string | Buffer>();
  const declarations: Declaration[] = [];
  const counts: Record<string, number> = {};
  for (const node of order) {
    const { kind, id } = node.object;
    counts[kind] = (counts[kind] ?? 0) + 1;
    const inputs = { ...values.get(node)! };
    const fileInput = fileInputOf(kind);
    if (fileInput) {
      const file = `${fileInput.dir}/${node.name}.json`;
      files.set(file, `${JSON.stringify(inputs[fileInput.input], null, 2)}\n`);
      const refs = flowRefs.get(node);
      inputs[fileInput.input] = new Ref(
        { type: 'flowFile', file, ...(refs ? { refs: Object.fromEntries([...refs].sort(([a], [b]) => (a < b ? -1 : 1))) } : {}) },
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
    const lookedUp = new Ref({ type: 'lookup', fn: `get${kind}`, args: { name: String(inputs.name) }, output: spec.idOutput }, undefined, '');
    declarations.push({
      node,
      kind,
      args: inputs,
      adopt: shared ? lookedUp : options.portable ? undefined : id,
      retain: shared ? 'shared' : options.portable ? 'created' : 'keep',
    });
  }
  return { options, version: meta.version, declarations, files, counts };
}

/** Every `{ path, sha256 }` in the inputs, as the call that reads the file when the program runs. */
function asAssetFiles(value: unknown): unknown {
  if (value instanceof Ref || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(asAssetFiles);
  const entries = Object.entries(value as Props);
  if (entries.length === 2 && typeof (value as Props).path === 'string' && typeof (value as Props).sha256 === 'string')
    return new Ref({ type: 'assetFile', path: (value as Props).path as string }, undefined, '');
  return Object.fromEntries(entries.map(([key, inner]) => [key, asAssetFiles(inner)]));
}
