import MarkdownIt from 'markdown-it';
import { buildReport, type StepEvent } from '../../cli/drift/report';
import { code, renderMarkdown, renderText } from '../../cli/drift/render';
import { namedUsers } from '../../provider/engine/whereUsed';

/**
 * The PR comment is rendered by GitHub's Markdown (GFM: tables, raw HTML allowed). Account and pull-request text in
 * it must stay text: rendered here with markdown-it's GFM tables and raw HTML switched on, so anything that escaped
 * its code span would show up as an element in the HTML.
 */
const HOSTILE = [
  '<img src=https://attacker.example/p.png></table><h1>No drift</h1>@octocat',
  '<!--',
  '-->',
  '<script>alert(1)</script>',
  '<details open><summary>x</summary>',
  '![img](https://attacker.example/p.png)',
  '[click](https://attacker.example)',
  'https://attacker.example/autolink',
  '@octocat please approve',
  '**bold** _em_ ~~gone~~',
  'a|b||c',
  '\\|',
  '`',
  '``',
  '```js',
  ' ` ',
  'line1\nline2\r\n| Queue | x | y |',
  'bidi \u202e reversed \u2066 isolate',
  'sep \u2028 and \u2029',
  'c1 \u009b31m',
  '&lt;b&gt; &amp; &#60;i&#62;',
  '# heading',
  '> quote',
  '- [ ] task',
  '<',
  '',
  'x'.repeat(500),
];

const TYPE = 'pulumi-nodejs:dynamic/zcc:';
const urn = (kind: string, name: string) => `urn:pulumi:prod::center::${TYPE}${kind}::${name}`;
const step = (op: string, kind: string, name: string, old: Record<string, unknown> | null, next: Record<string, unknown> | null): StepEvent => ({
  resOutputsEvent: { metadata: { op, urn: urn(kind, name), type: `${TYPE}${kind}`, old: old && { inputs: old }, new: next && { inputs: next } } },
});

function hostileReport() {
  const events: StepEvent[] = [];
  HOSTILE.forEach((text, index) => {
    const name = `q${String(index).padStart(2, '0')}${text.slice(0, 40)}`;
    events.push(step('refresh', 'Queue', name, { description: 'before', userIds: ['a'] }, { description: text, userIds: [text] }));
  });
  // The case that hid a change: a value opening an HTML comment, a row that matters, a value closing it.
  events.push(step('refresh', 'Queue', 'zz-open', { name: 'a' }, { name: '<!--' }));
  events.push(step('refresh', 'Queue', 'zz-target', { maxWaitTime: 300, name: 'T' }, { maxWaitTime: 300, name: 'T' }));
  events.push(step('update', 'Queue', 'zz-target', { maxWaitTime: 300, name: 'T' }, { maxWaitTime: 1, name: 'T' }));
  events.push(step('refresh', 'Queue', 'zz-vclose', { name: 'a' }, { name: '-->' }));
  // What up would refuse names objects outside the stack by their ZCC names: hostile too.
  const refusals = HOSTILE.map((text, index) => ({
    kind: 'BusinessHours',
    name: `bh${index}${text.slice(0, 20)}`,
    urn: urn('BusinessHours', `bh${index}`),
    message: `up would fail to delete BusinessHours "bh${index}" (b${index}): ${namedUsers([{ noun: 'queue', id: `q${index}`, name: text }])}, outside the stack, still uses it.`,
  }));
  return { ...buildReport('prod<b>|`', events), refusals };
}

const md = new MarkdownIt({ html: true, linkify: true });
const TEMPLATE_TAGS = new Set(['h2', 'h3', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'br']);

describe('the drift report in Markdown, with hostile names and values', () => {
  const report = hostileReport();
  const markdown = renderMarkdown(report);
  const html = md.render(markdown);

  it('renders no element that did not come from the template: no image, heading, script, comment, link or details', () => {
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
    expect([...new Set(tags.filter((tag) => !TEMPLATE_TAGS.has(tag)))]).toEqual([]);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/<img|<a |<script|<h1|<details/);
  });

  it('keeps every change row: one table row per entry, the hidden maxWaitTime change included', () => {
    const rows = [...html.matchAll(/<tr>/g)].length;
    // Three tables, each with a header row.
    expect(rows).toBe(report.drift.length + report.pending.length + report.refusals!.length + 3);
    expect(report.pending.map((entry) => entry.name)).toEqual(['zz-target']);
    expect(html).toMatch(
      /<td>Queue <code>zz-target<\/code><\/td>\s*<td>to update<\/td>\s*<td><code>maxWaitTime<\/code>: <code>300<\/code> → <code>1<\/code><\/td>/,
    );
    // Every hostile name shows in its own row.
    for (const entry of report.drift) expect(html).toContain(`<td>Queue <code>${md.utils.escapeHtml(entry.name.slice(0, 3))}`);
    for (const entry of report.refusals!) expect(html).toContain(`<td>BusinessHours <code>${md.utils.escapeHtml(entry.name.slice(0, 3))}`);
  });

  it('has no @mention, autolink or bare hostile text outside code spans', () => {
    const outsideCode = html.replace(/<code>[^]*?<\/code>/g, '');
    expect(outsideCode).not.toContain('@');
    expect(outsideCode).not.toContain('attacker');
    expect(outsideCode).not.toContain('No drift');
  });

  it('cuts long values with a marker, and escapes line breaks and bidi characters', () => {
    expect(markdown).not.toContain('x'.repeat(100));
    expect(markdown).toContain(`${'x'.repeat(70)}`);
    expect(markdown).toContain('…');
    expect(markdown).not.toMatch(/[\u202e\u2066\u2028\u2029\u009b]/);
    expect(markdown).toContain('\\u202e');
  });

  it('code spans survive any backtick run: the span always ends where it started', () => {
    for (const text of ['`', '``', 'a ``` b', ' ` ', '']) {
      const rendered = md.renderInline(code(text));
      expect(rendered).toMatch(/^<code>[^]*<\/code>$/);
      expect(rendered.match(/<code>/g)).toHaveLength(1);
    }
  });

  it('the terminal text escapes the same characters', () => {
    const text = renderText(report);
    expect(text).not.toMatch(/[\u202e\u2066\u2028\u2029\u009b\r]/);
    expect(text.split('\n').filter((line) => line.startsWith('line2') || line.startsWith('| Queue'))).toEqual([]);
  });
});
