import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport, type StepEvent } from '../../cli/drift/report';
import { mermaidText, renderGraph, routingFromEvents, type RoutingResource } from '../../cli/drift/graph';
import { renderMarkdown } from '../../cli/drift/render';

/** Every diagram is checked with Mermaid's own parser (test/support/mermaidParse.mjs, run with node). */
function parseWithMermaid(diagrams: string[]): Array<{ ok: boolean; type?: string; error?: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zcc-mermaid-'));
  try {
    const file = path.join(dir, 'diagrams.json');
    writeFileSync(file, JSON.stringify(diagrams));
    const script = path.join(__dirname, '../support/mermaidParse.mjs');
    return JSON.parse(execFileSync(process.execPath, [script, file], { encoding: 'utf8', timeout: 120_000 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TYPE = 'pulumi-nodejs:dynamic/zcc:';
const urn = (kind: string, name: string) => `urn:pulumi:prod::center::${TYPE}${kind}::${name}`;
const step = (
  op: string,
  kind: string,
  name: string,
  id: string | undefined,
  old: Record<string, unknown> | null,
  next: Record<string, unknown> | null,
): StepEvent => ({
  resOutputsEvent: {
    metadata: { op, urn: urn(kind, name), type: `${TYPE}${kind}`, old: old && { id, inputs: old }, new: next && { id, inputs: next } },
  },
});

/** A centre: a flow naming the support queue, two queues, a routing profile on skills, members. */
function centre(overrides: { supportName?: string; profileName?: string } = {}): StepEvent[] {
  const support = { name: overrides.supportName ?? 'Support', channel: 'voice', agentRoutingProfileId: 'p1' };
  const sales = { name: 'Sales', channel: 'voice' };
  const profile = { name: overrides.profileName ?? 'Tiered', priorities: [{ categoryType: 'skill', skillCategoryId: 'c1', defaultSkillId: 's1' }] };
  return [
    step(
      'refresh',
      'Flow',
      'ivr',
      'f1',
      { name: 'IVR', definition: { nodes: [{ queueId: 'q1' }] } },
      { name: 'IVR', definition: { nodes: [{ queueId: 'q1' }] } },
    ),
    step('same', 'Flow', 'ivr', 'f1', { name: 'IVR', definition: { nodes: [{ queueId: 'q1' }] } }, { name: 'IVR', definition: { nodes: [{ queueId: 'q1' }] } }),
    step('refresh', 'Queue', 'support', 'q1', support, support),
    step('update', 'Queue', 'support', 'q1', support, { ...support, agentRoutingProfileId: undefined, maxWaitTime: 60 }),
    step('refresh', 'Queue', 'sales', 'q2', sales, { ...sales, maxWaitTime: 999 }),
    step('update', 'Queue', 'sales', 'q2', { ...sales, maxWaitTime: 999 }, { ...sales, agentRoutingProfileId: 'p1' }),
    step('refresh', 'AgentRoutingProfile', 'tiered', 'p1', profile, profile),
    step('same', 'AgentRoutingProfile', 'tiered', 'p1', profile, profile),
    step('refresh', 'SkillCategory', 'langs', 'c1', { name: 'Languages' }, { name: 'Languages' }),
    step('same', 'SkillCategory', 'langs', 'c1', { name: 'Languages' }, { name: 'Languages' }),
    step('refresh', 'Skill', 'german', 's1', { name: 'German', skillCategoryId: 'c1' }, { name: 'German', skillCategoryId: 'c1' }),
    step('same', 'Skill', 'german', 's1', { name: 'German', skillCategoryId: 'c1' }, { name: 'German', skillCategoryId: 'c1' }),
    step('refresh', 'QueueMembers', 'support-members', 'q1', { queueId: 'q1', userIds: ['a', 'b', 'c'] }, { queueId: 'q1', userIds: ['a', 'b', 'c'] }),
    step('same', 'QueueMembers', 'support-members', 'q1', { queueId: 'q1', userIds: ['a', 'b', 'c'] }, { queueId: 'q1', userIds: ['a', 'b', 'c'] }),
    step('create', 'Queue', 'billing', undefined, null, { name: 'Billing', channel: 'messaging', agentRoutingProfileId: 'p1' }),
  ];
}

describe('the routing diagram', () => {
  it('draws what the change touches and its neighbours, marked, with the edges that change', () => {
    const events = centre();
    const report = buildReport('prod', events);
    const diagram = renderGraph(routingFromEvents(events), { report });
    expect(diagram).toBe(
      [
        'flowchart LR',
        '  n1["Flow: IVR"]',
        '  n2["Queue: Billing · (added)"]:::added',
        '  n3["Queue: Sales · (drifted, changed)"]:::drifted',
        '  n4["Queue: Support · 3 agents, 0 supervisors · (changed)"]:::changed',
        '  n5["Agent routing: Tiered"]',
        '  n1 --> n4',
        '  n2 --> n5',
        '  n3 == added ==> n5',
        '  n4 -. removed .-> n5',
        '  classDef added fill:#dafbe1,stroke:#1a7f37',
        '  classDef changed fill:#fff8c5,stroke:#9a6700',
        '  classDef drifted fill:#ddf4ff,stroke:#0969da',
      ].join('\n'),
    );
    // Deterministic: the same events in another order draw the same diagram.
    expect(renderGraph(routingFromEvents([...events].reverse()), { report: buildReport('prod', [...events].reverse()) })).toBe(diagram);
    const markdown = renderMarkdown(report, diagram);
    expect(markdown).toContain(`### Routing this touches\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n`);
  });

  it('links a flow to the queues its file names by name (queueName), as the example flow does, and by id', () => {
    const queue = (name: string, id: string): RoutingResource => ({
      urn: urn('Queue', name.toLowerCase()),
      kind: 'Queue',
      name: name.toLowerCase(),
      id,
      inputs: { name },
    });
    const flow: RoutingResource = {
      urn: urn('Flow', 'ivr'),
      kind: 'Flow',
      name: 'ivr',
      id: 'f1',
      inputs: {
        name: 'IVR',
        definition: {
          nodes: [
            { id: 'sales', type: 'RouteTo', properties: { queueName: 'Sales' } },
            { id: 'support', type: 'RouteTo', properties: { queue_id: 'q2' } },
            // A prompt that says a queue's name is not a route to it.
            { id: 'menu', properties: { prompt: 'Billing' } },
          ],
        },
      },
    };
    const diagram = renderGraph([flow, queue('Sales', 'q1'), queue('Support', 'q2'), queue('Billing', 'q3')]);
    expect(diagram.split('\n').filter((line) => line.includes('-->'))).toEqual(['  n1 --> n3', '  n1 --> n4']);
    expect(diagram).toContain('n3["Queue: Sales"]');
    expect(diagram).toContain('n4["Queue: Support"]');
  });

  it('labels from the account are inert: entity codes for anything but letters, digits and plain marks', () => {
    expect(mermaidText('Support "Tier 1"')).toBe('Support #34;Tier 1#34;');
    expect(mermaidText('a]b\n```\n<img src=x>')).toBe('a#93;b#10;#96;#96;#96;#10;#60;img src#61;x#62;');
    expect(mermaidText('x'.repeat(100))).toBe(`${'x'.repeat(59)}#8230;`);
  });

  it('is bounded: at most maxNodes objects, then "and N more"', () => {
    const resources: RoutingResource[] = Array.from({ length: 100 }, (_, index) => ({
      urn: urn('Queue', `q${String(index).padStart(3, '0')}`),
      kind: 'Queue',
      name: `q${index}`,
      id: `id${index}`,
      inputs: { name: `Queue ${index}`, overflowToQueueId: `id${(index + 1) % 100}` },
    }));
    const diagram = renderGraph(resources, { maxNodes: 60 });
    expect(diagram.split('\n').filter((line) => /^ {2}n\d+\[/.test(line))).toHaveLength(60);
    expect(diagram).toContain('  more["and 40 more"]');
  });

  it('Mermaid’s own parser accepts every diagram, hostile labels included', () => {
    const hostile = [
      '"]; click n1 call alert(1); n9["',
      '```\n# Heading\n<script>alert(1)</script>',
      '%%{init: {"securityLevel": "loose"}}%%',
      'end',
      'subgraph',
      '\u202e bidi \u2028 separator',
      'a --> b',
      '#quot; #35; &amp;',
      'x'.repeat(300),
      '客户服务热线 ΑΣ 𐗀',
    ];
    const diagrams = hostile.map((name) => {
      const events = centre({ supportName: name, profileName: name });
      return renderGraph(routingFromEvents(events), { report: buildReport('prod', events) });
    });
    const whole = renderGraph(routingFromEvents(centre()));
    const results = parseWithMermaid([...diagrams, whole]);
    expect(results).toEqual(results.map(() => ({ ok: true, type: 'flowchart-v2' })));
    for (const diagram of diagrams) {
      // The only quotes, brackets and newlines are the template's: one node or edge per line.
      for (const line of diagram.split('\n').slice(1))
        expect(line).toMatch(
          /^ {2}(n\d+\["[^"\n\]]*"\](:::\w+)?|n\d+ (-->|== added ==>|-\. removed \.->) n\d+|more\["and \d+ more"\]|classDef \w+ [\w:#,-]+)$/,
        );
    }
  });
});
