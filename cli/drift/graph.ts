import { engine } from '../../provider/handlers';
import type { Props } from '../../provider/engine/spec';
import { referencedIds } from '../../provider/engine/references';
import { isUserResource, kindOf, nameOf, settings, type DriftReport, type StepEvent, type StepMetadata } from './report';

/**
 * Routing as a Mermaid flowchart: flows → queues → routing profiles → skill categories and skills, with a queue's
 * members and supervisors as counts. For a report, only what the change touches and its neighbours, each node marked
 * added / changed / replaced (deleted first) / removed / drifted, and the edges that appear or go. Deterministic
 * (ordered by kind, then name) and bounded. Every label is built from safe characters only: anything else becomes a
 * Mermaid entity code (`#60;`), so no account text can end a label, a node, the diagram or the Markdown fence.
 */
export interface RoutingResource {
  urn: string;
  kind: string;
  name: string;
  id?: string;
  /** What the program declares (or, for `graph`, what state holds). */
  inputs: Props;
  /** What the last `up` recorded, when it differs from `inputs` (edges that go away). */
  recorded?: Props;
}

type Mark = 'added' | 'changed' | 'replaced' | 'deleted first' | 'removed' | 'drifted';

const DRAWN = ['Flow', 'Queue', 'AgentRoutingProfile', 'ConsumerRoutingProfile', 'SkillCategory', 'Skill'];
const LABEL: Record<string, string> = {
  Flow: 'Flow',
  Queue: 'Queue',
  AgentRoutingProfile: 'Agent routing',
  ConsumerRoutingProfile: 'Consumer routing',
  SkillCategory: 'Skill category',
  Skill: 'Skill',
};
/** Sets that belong to a queue: drawn as counts in the queue's node. */
const MEMBERS: Record<string, { role: 'agents' | 'supervisors'; field: string }> = {
  QueueMembers: { role: 'agents', field: 'userIds' },
  QueueSupervisors: { role: 'supervisors', field: 'userIds' },
  QueueAgent: { role: 'agents', field: 'userId' },
  QueueSupervisor: { role: 'supervisors', field: 'userId' },
};
const CLASSES: Record<Mark, string> = {
  added: 'fill:#dafbe1,stroke:#1a7f37',
  changed: 'fill:#fff8c5,stroke:#9a6700',
  replaced: 'fill:#ffebe9,stroke:#cf222e',
  'deleted first': 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px',
  removed: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4',
  drifted: 'fill:#ddf4ff,stroke:#0969da',
};
const className = (mark: Mark) => mark.replace(' ', '_');

/** Label text: letters, digits, spaces and a few marks as they are; everything else as a Mermaid entity code. */
export function mermaidText(text: string, max = 60): string {
  const chars = [...text];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  return cut.map((char) => (/^[\p{L}\p{N} _.,:()/-]$/u.test(char) && char !== '…' ? char : `#${char.codePointAt(0)};`)).join('');
}

interface Edge {
  from: string;
  to: string;
  state: 'same' | 'added' | 'removed';
}

/** Keys under which a flow file names a queue by its name (`"queueName": "Support"`), as the package's example does. */
const QUEUE_NAME_KEY = /^queue_?name$/i;

function edgesOf(resource: RoutingResource, inputs: Props | undefined, urnById: Map<string, string>, queueByName: Map<string, string>): string[] {
  if (!inputs) return [];
  const targets = new Set<string>();
  if (resource.kind === 'Flow') {
    // A flow names queues inside its definition (Studio's JSON): by id (any string that is a queue's id), or by
    // name under a queue-name key.
    const visit = (value: unknown, key: string): void => {
      if (typeof value === 'string') {
        const urn = urnById.get(value) ?? (QUEUE_NAME_KEY.test(key) ? queueByName.get(value) : undefined);
        if (urn && urn.includes('zcc:Queue::')) targets.add(urn);
      } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
      else if (value && typeof value === 'object') for (const [inner, item] of Object.entries(value)) visit(item, inner);
    };
    visit(inputs.definition, '');
  }
  for (const { kind, id } of referencedIds(engine.specFor(resource.kind), inputs)) {
    const urn = urnById.get(id);
    if (urn && DRAWN.includes(kind) && urn !== resource.urn) targets.add(urn);
  }
  return [...targets].sort();
}

export interface GraphOptions {
  /** The report whose changes are drawn (only what they touch); absent: the whole stack. */
  report?: DriftReport;
  maxNodes?: number;
}

export function renderGraph(resources: RoutingResource[], options: GraphOptions = {}): string {
  const maxNodes = options.maxNodes ?? 60;
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const urnById = new Map<string, string>();
  for (const resource of resources) if (resource.id && DRAWN.includes(resource.kind)) urnById.set(resource.id, resource.urn);
  const queueByName = new Map<string, string>();
  for (const resource of resources) {
    const name = resource.inputs.name ?? resource.recorded?.name;
    if (resource.kind === 'Queue' && typeof name === 'string') queueByName.set(name, resource.urn);
  }

  const marks = new Map<string, Mark[]>();
  const mark = (urn: string, what: Mark) => marks.set(urn, [...new Set([...(marks.get(urn) ?? []), what])]);
  const members = new Map<string, { agents: number; supervisors: number }>();
  for (const entry of options.report?.drift ?? []) mark(entry.urn, 'drifted');
  for (const entry of options.report?.pending ?? []) {
    const what: Mark = { create: 'added', update: 'changed', replace: entry.deletedFirst ? 'deleted first' : 'replaced', delete: 'removed' }[entry.op] as Mark;
    mark(entry.urn, what);
  }
  // Member sets count into their queue, and a changed set marks the queue.
  for (const resource of resources) {
    const set = MEMBERS[resource.kind];
    if (!set) continue;
    const queueUrn = urnById.get(String(resource.inputs.queueId ?? resource.recorded?.queueId));
    if (!queueUrn) continue;
    const count = members.get(queueUrn) ?? { agents: 0, supervisors: 0 };
    const value = resource.inputs[set.field];
    count[set.role] += Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
    members.set(queueUrn, count);
    for (const what of marks.get(resource.urn) ?? []) mark(queueUrn, what === 'added' || what === 'removed' ? 'changed' : what);
  }

  const drawn = resources.filter((resource) => DRAWN.includes(resource.kind));
  const edges = new Map<string, Edge>();
  for (const resource of drawn) {
    const now = edgesOf(resource, resource.inputs, urnById, queueByName);
    const before = resource.recorded ? edgesOf(resource, resource.recorded, urnById, queueByName) : now;
    for (const to of new Set([...now, ...before])) {
      const state = now.includes(to) && before.includes(to) ? 'same' : now.includes(to) ? 'added' : 'removed';
      edges.set(`${resource.urn} ${to}`, { from: resource.urn, to, state });
      if (state !== 'same') mark(resource.urn, 'changed');
    }
  }

  // What to draw: the whole stack, or what the change touches and its neighbours.
  let selected = new Set(drawn.map((resource) => resource.urn));
  if (options.report) {
    const touched = new Set([...marks.keys()].filter((urn) => byUrn.has(urn) && DRAWN.includes(byUrn.get(urn)!.kind)));
    selected = new Set(touched);
    for (const edge of edges.values()) {
      if (touched.has(edge.from)) selected.add(edge.to);
      if (touched.has(edge.to)) selected.add(edge.from);
    }
  }
  const order = (urn: string) => {
    const resource = byUrn.get(urn)!;
    return [DRAWN.indexOf(resource.kind), resource.name] as const;
  };
  const sorted = [...selected].sort((a, b) => order(a)[0] - order(b)[0] || (order(a)[1] < order(b)[1] ? -1 : order(a)[1] > order(b)[1] ? 1 : 0));
  const shown = sorted.slice(0, maxNodes);
  const ids = new Map(shown.map((urn, index) => [urn, `n${index + 1}`]));

  const lines = ['flowchart LR'];
  for (const urn of shown) {
    const resource = byUrn.get(urn)!;
    const declaredName = resource.inputs.name ?? resource.recorded?.name;
    const name = typeof declaredName === 'string' ? declaredName : resource.name;
    const count = members.get(urn);
    const parts = [`${LABEL[resource.kind]}: ${mermaidText(name)}`];
    if (count && (count.agents > 0 || count.supervisors > 0)) parts.push(`${count.agents} agents, ${count.supervisors} supervisors`);
    const nodeMarks = marks.get(urn) ?? [];
    if (nodeMarks.length > 0) parts.push(`(${nodeMarks.join(', ')})`);
    const cls = nodeMarks.length > 0 ? `:::${className(nodeMarks.includes('deleted first') ? 'deleted first' : nodeMarks[0])}` : '';
    lines.push(`  ${ids.get(urn)}["${parts.join(' · ')}"]${cls}`);
  }
  const sortedEdges = [...edges.values()]
    .filter((edge) => ids.has(edge.from) && ids.has(edge.to))
    .sort((a, b) => (ids.get(a.from)! + ids.get(a.to)! < ids.get(b.from)! + ids.get(b.to)! ? -1 : 1));
  for (const edge of sortedEdges) {
    const [from, to] = [ids.get(edge.from)!, ids.get(edge.to)!];
    lines.push(edge.state === 'same' ? `  ${from} --> ${to}` : edge.state === 'added' ? `  ${from} == added ==> ${to}` : `  ${from} -. removed .-> ${to}`);
  }
  if (sorted.length > shown.length) lines.push(`  more["and ${sorted.length - shown.length} more"]`);
  const used = new Set([...marks.values()].flat());
  for (const [what, style] of Object.entries(CLASSES) as Array<[Mark, string]>) if (used.has(what)) lines.push(`  classDef ${className(what)} ${style}`);
  return lines.join('\n');
}

/** The resources a `preview --refresh` planned, with what the program declares and what the last `up` recorded. */
export function routingFromEvents(events: StepEvent[]): RoutingResource[] {
  const steps = events.map((event) => event.resOutputsEvent?.metadata).filter((meta): meta is StepMetadata => !!meta && isUserResource(meta.type));
  const resources = new Map<string, RoutingResource>();
  for (const step of steps) {
    const resource = resources.get(step.urn) ?? { urn: step.urn, kind: kindOf(step.type), name: nameOf(step.urn), inputs: {} };
    resource.id ??= step.old?.id ?? step.new?.id;
    if (step.op === 'refresh') resource.recorded = settings(step.old?.inputs);
    if (step.op === 'delete') resource.inputs = settings(step.old?.inputs);
    else if (step.op !== 'refresh' && step.op !== 'delete-replaced' && step.new?.inputs) resource.inputs = settings(step.new.inputs);
    else if (step.op === 'refresh' && Object.keys(resource.inputs).length === 0 && step.new?.inputs) resource.inputs = settings(step.new.inputs);
    resources.set(step.urn, resource);
  }
  return [...resources.values()];
}
