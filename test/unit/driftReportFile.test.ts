import { buildReport, type StepEvent } from '../../cli/drift/report';
import { parseReport } from '../../cli/drift/reportFile';
import { renderMarkdown } from '../../cli/drift/render';
import { renderGraph, routingFromEvents } from '../../cli/drift/graph';

const TYPE = 'pulumi-nodejs:dynamic/zcc:';
const urn = (kind: string, name: string) => `urn:pulumi:prod::center::${TYPE}${kind}::${name}`;
const step = (op: string, kind: string, name: string, old: Record<string, unknown>, next: Record<string, unknown>): StepEvent => ({
  resOutputsEvent: {
    metadata: { op, urn: urn(kind, name), type: `${TYPE}${kind}`, old: { id: `${name}_id`, inputs: old }, new: { id: `${name}_id`, inputs: next } },
  },
});

describe('a JSON report read back (drift --report), as the trusted comment job does', () => {
  const events = [
    step('refresh', 'Queue', 'support', { name: 'Support', maxWaitTime: 240 }, { name: 'Support', maxWaitTime: 999 }),
    step('update', 'Queue', 'support', { name: 'Support', maxWaitTime: 999 }, { name: 'Support', maxWaitTime: 240, description: 'x' }),
  ];

  it('renders the same Markdown, routing diagram included, as the run that wrote it', () => {
    const report = { ...buildReport('prod', events), routing: routingFromEvents(events) };
    const original = renderMarkdown(report, renderGraph(report.routing, { report }));
    const read = parseReport(JSON.stringify(report), 'zcc-preview.json');
    expect(renderMarkdown(read, renderGraph(read.routing ?? [], { report: read }))).toBe(original);
  });

  it('recomputes what the report says of itself, and refuses what is not a report', () => {
    const report = buildReport('prod', events);
    const lying = parseReport(JSON.stringify({ ...report, clean: true, summary: { drift: 0, pending: 0 } }), 'r.json');
    expect([lying.clean, lying.summary]).toEqual([false, { drift: 1, pending: 1 }]);
    expect(() => parseReport('{', 'r.json')).toThrow(/^r\.json is not JSON/);
    expect(() => parseReport(JSON.stringify({ ...report, version: 2 }), 'r.json')).toThrow(
      /^r\.json is not a zcc-pulumi drift report \(version 1\): at version, /,
    );
    // Hostile text stays inert in the Markdown: inside code spans, escaped.
    const hostile = parseReport(JSON.stringify({ ...report, stack: 'prod` @everyone <img src=x>\n# owned' }), 'r.json');
    expect(renderMarkdown(hostile)).toContain('## Zoom Contact Center: stack ``prod` @everyone <img src=x>\\u000a# owned``');
  });
});
