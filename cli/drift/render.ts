import { printable } from '../../provider/client/printable';
import { isKnownAfterUp, type DriftEntry, type DriftReport, type FieldChange, type PendingEntry, type WarningEntry } from './report';

/**
 * The report for people: a terminal summary and a Markdown document for pull requests and job summaries. Every
 * name, value and id comes from an account or a pull request, so it is hostile text: in the terminal it is shown
 * with control, bidi and line-separator characters escaped; in Markdown it only ever appears inside a code span.
 */

const MAX_VALUE = 80;
const KNOWN_AFTER_UP_TEXT = '(known after up)';

/** A value as text, escaped for the terminal and cut to MAX_VALUE characters with a marker. */
function value(v: unknown): string {
  if (v === undefined) return '(unset)';
  if (isKnownAfterUp(v)) return KNOWN_AFTER_UP_TEXT;
  return cut(JSON.stringify(v, (_key, inner: unknown) => (isKnownAfterUp(inner) ? KNOWN_AFTER_UP_TEXT : inner)) ?? String(v));
}

/** Text escaped for the terminal and cut to `max` characters with a marker. */
function cut(text: string, max = MAX_VALUE): string {
  const chars = [...printable(text)];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

const item = (v: unknown) => (typeof v === 'string' ? cut(v) : value(v));
/** Resource names come from the program (a pull request): shown whole up to 120 characters. */
const nameText = (name: string) => cut(name, 120);

/** What changed in one field, as parts: plain words from this template, and values (hostile) to be quoted. */
type Part = { word: string } | { value: string };

/** An id the stack knows is followed by the name a reviewer knows it by: `"d_17" (Disposition "Resolved")`. */
function named(parts: Part[], v: unknown, names: Record<string, string> | undefined): Part[] {
  const name = typeof v === 'string' && names && Object.hasOwn(names, v) ? names[v] : undefined;
  return name === undefined ? parts : [...parts, { word: ' (' }, { value: cut(name, 120) }, { word: ')' }];
}

function fieldParts(change: FieldChange, creating: boolean): Part[] {
  const field: Part = { value: printable(change.field) };
  const names = change.names;
  const valuePart = (v: unknown): Part[] => named([isKnownAfterUp(v) ? { word: KNOWN_AFTER_UP_TEXT } : { value: value(v) }], v, names);
  if (creating && change.summary === undefined && change.added === undefined) return [field, { word: ' = ' }, ...valuePart(change.new)];
  if (change.added !== undefined || change.removed !== undefined) {
    const parts: Part[] = [field, { word: ': ' }];
    const group = (label: string, items: unknown[] | undefined) => {
      if (!items?.length) return;
      if (parts.length > 2) parts.push({ word: '; ' });
      parts.push({ word: `${label} ` });
      items.forEach((one, index) =>
        parts.push(...(index > 0 ? [{ word: ', ' }] : []), ...(isKnownAfterUp(one) ? valuePart(one) : named([{ value: item(one) }], one, names))),
      );
    };
    group('added', change.added);
    group('removed', change.removed);
    return parts;
  }
  if (change.summary !== undefined) return [field, { word: `: ${change.summary}` }];
  return [field, { word: ': ' }, ...valuePart(change.old), { word: ' → ' }, ...valuePart(change.new)];
}

/** One field for the terminal: `maxWaitTime: 240 → 999`. */
export function describeField(change: FieldChange, creating = false): string {
  return fieldParts(change, creating)
    .map((part) => ('word' in part ? part.word : part.value))
    .join('');
}

/** A kind comes from a resource type, which a pull request's program can choose: plain only when it is a word. */
const kindText = (kind: string) => (/^\w+$/.test(kind) ? kind : printable(JSON.stringify(kind)));
const kindMarkdown = (kind: string) => (/^\w+$/.test(kind) ? kind : code(kind));

const DRIFT_WORDS: Record<DriftEntry['change'], string> = { modified: 'changed in ZCC', deleted: 'deleted in ZCC' };
const PENDING_WORDS: Record<PendingEntry['op'], string> = { create: 'to create', update: 'to update', replace: 'to replace', delete: 'to delete' };
const pendingWords = (entry: PendingEntry) =>
  entry.deletedFirst ? 'to replace (deleted first: out of service until the new one exists)' : PENDING_WORDS[entry.op];
/** What a delete does beyond the object, for the terminal (`: removes from its Queue: userIds u1`) and Markdown. */
const effectText = (entry: PendingEntry) => (entry.effect ? `: ${cut(entry.effect, 400)}` : '');
const effectMarkdown = (entry: PendingEntry) => (entry.effect ? `: ${code(cut(entry.effect, 400))}` : '');

/** What up would refuse (reports written before refusals existed have none). */
const refusalsOf = (report: DriftReport) => report.refusals ?? [];

/** A stack name as a shell argument (names are letters, digits, `-`, `_`, `.` and `/`; anything else is quoted). */
const shellArg = (text: string) => (/^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** A sentence of advice: words of this template and commands (which hold the stack's name). */
type Advice = Array<{ word: string } | { command: string }>;

/**
 * What to run, with the exact commands: each one does what its sentence says (tested literally in the drift e2e),
 * in a terminal, and in its CI form (`--yes`: without a terminal Pulumi refuses to ask for confirmation).
 */
export function advice(report: DriftReport): Advice[] {
  const stack = shellArg(report.stack);
  const ci = (command: string): Advice => [{ word: ' In CI (no terminal): ' }, { command: command.replace(' --stack ', ' --yes --stack ') }, { word: '.' }];
  // No command to run while up would fail: it would apply part of the plan and stop at the refused delete.
  if (refusalsOf(report).length > 0)
    return [
      [
        {
          word: 'Resolve what is refused first (point what still uses those objects elsewhere, or keep them in the program): `up` would fail on it with part of the plan applied. Then run this check again.',
        },
      ],
    ];
  if (report.drift.length > 0)
    return [
      [
        { word: `To put the drifted objects back as the program declares them${report.pending.length > 0 ? ' and apply the pending changes' : ''}: ` },
        { command: `pulumi up --refresh --stack ${stack}` },
        { word: ' (plain ' },
        { command: 'pulumi up' },
        { word: ' does not read the account and leaves drift as it is).' },
        ...ci(`pulumi up --refresh --stack ${stack}`),
      ],
      [
        { word: 'To keep the edits made in ZCC instead: change the program to declare them, then ' },
        { command: `pulumi refresh --stack ${stack}` },
        { word: " records them in the stack's state." },
        ...ci(`pulumi refresh --stack ${stack}`),
      ],
    ];
  if (report.pending.length > 0)
    return [[{ word: 'To apply the pending changes: ' }, { command: `pulumi up --stack ${stack}` }, { word: '.' }, ...ci(`pulumi up --stack ${stack}`)]];
  return [];
}

const adviceText = (report: DriftReport) =>
  advice(report).map((sentence) => sentence.map((part) => ('word' in part ? part.word : `\`${printable(part.command)}\``)).join(''));
const adviceMarkdown = (report: DriftReport) =>
  advice(report).map((sentence) => sentence.map((part) => ('word' in part ? part.word : code(part.command))).join(''));

/** `  ! FlowEntryPoints "main-line": …`, or without a name when the warning came without its resource. */
const warningText = (entry: WarningEntry) =>
  `  ! ${entry.kind ? kindText(entry.kind) : 'warning'}${entry.name ? ` "${nameText(entry.name)}"` : ''}: ${cut(entry.message, 400)}`;

export function renderText(report: DriftReport): string {
  const lines: string[] = [];
  const stack = printable(report.stack);
  const warned =
    report.warnings.length > 0
      ? ` ${report.warnings.length} warning(s):\n${report.warnings.map((entry) => `  ! ${kindText(entry.kind)} "${nameText(entry.name)}": ${cut(entry.message, 400)}`).join('\n')}`
      : '';
  if (report.clean) return `No drift and nothing pending on stack ${stack}: Zoom Contact Center matches the program and its last deployment.${warned}`;
  const refused = refusalsOf(report).length > 0 ? `, ${refusalsOf(report).length} refused (up would fail)` : '';
  lines.push(`Stack ${stack}: ${report.summary.drift} resource(s) drifted, ${report.summary.pending} change(s) pending${refused}.`);
  if (report.drift.length > 0) {
    lines.push('', 'Drift (changed in Zoom Contact Center outside Pulumi since the last `pulumi up`):');
    for (const entry of report.drift) {
      const because = entry.because ? ` (because ${printable(entry.because)})` : '';
      lines.push(`  ${entry.change === 'deleted' ? '-' : '~'} ${kindText(entry.kind)} "${nameText(entry.name)}": ${DRIFT_WORDS[entry.change]}${because}`);
      for (const field of entry.fields) lines.push(`      ${describeField(field)}`);
    }
  }
  if (report.pending.length > 0) {
    lines.push('', 'Pending (the program declares what the account does not have yet):');
    for (const entry of report.pending) {
      const sign = { create: '+', update: '~', replace: '+-', delete: '-' }[entry.op];
      lines.push(`  ${sign} ${kindText(entry.kind)} "${nameText(entry.name)}": ${pendingWords(entry)}${effectText(entry)}`);
      for (const field of entry.fields) lines.push(`      ${describeField(field, entry.op === 'create')}`);
    }
  }
  if (refusalsOf(report).length > 0) {
    lines.push('', 'Refused (up would fail on these: the preview runs no check for a delete, so this report does):');
    for (const entry of refusalsOf(report)) lines.push(`  x ${kindText(entry.kind)} "${nameText(entry.name)}": ${cut(entry.message, 1000)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings (what up would do outside the stack, or could not check):');
    for (const entry of report.warnings) lines.push(warningText(entry));
  }
  lines.push('', ...adviceText(report));
  return lines.join('\n');
}

/**
 * Hostile text as an inert Markdown code span inside a table cell: escaped like the terminal (no newline can end
 * the row), fenced with more backticks than any run inside (so it cannot close the span early), and `|` escaped
 * (GitHub splits table cells before it parses code spans). Inside a code span nothing is HTML, a comment, an image,
 * a link or an @mention.
 */
export function code(text: string): string {
  const safe = printable(text);
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^[`\s]|[`\s]$/.test(safe) || safe === '' ? ` ${safe} ` : safe;
  return `${fence}${padded}${fence}`.replace(/\|/g, '\\|');
}

function markdownField(change: FieldChange, creating = false): string {
  return fieldParts(change, creating)
    .map((part) => ('word' in part ? part.word : code(part.value)))
    .join('');
}

/** `diagram`: the Mermaid flowchart of what the change touches (graph.ts), shown when it has a node. */
export function renderMarkdown(report: DriftReport, diagram?: string): string {
  const lines = [`## Zoom Contact Center: stack ${code(report.stack)}`, ''];
  if (report.clean && report.warnings.length === 0) {
    lines.push('No drift and nothing pending: the account matches the program and its last deployment.');
    return `${lines.join('\n')}\n`;
  }
  const refused = refusalsOf(report).length > 0 ? `, **${refusalsOf(report).length}** refused (\`up\` would fail)` : '';
  lines.push(`**${report.summary.drift}** resource(s) drifted, **${report.summary.pending}** change(s) pending${refused}.`, '');
  const fields = (list: FieldChange[], creating = false) => list.map((f) => markdownField(f, creating)).join('<br>') || '—';
  if (report.drift.length > 0) {
    lines.push('### Drift: changed in Zoom Contact Center outside Pulumi', '', '| Resource | Change | Fields |', '|---|---|---|');
    for (const entry of report.drift)
      lines.push(
        `| ${kindMarkdown(entry.kind)} ${code(nameText(entry.name))} | ${DRIFT_WORDS[entry.change]}${entry.because ? ` (because ${code(entry.because)})` : ''} | ${fields(entry.fields)} |`,
      );
    lines.push('');
  }
  if (report.pending.length > 0) {
    lines.push('### Pending: declared in the program, not yet applied', '', '| Resource | Change | Fields |', '|---|---|---|');
    for (const entry of report.pending)
      lines.push(
        `| ${kindMarkdown(entry.kind)} ${code(nameText(entry.name))} | ${pendingWords(entry)}${effectMarkdown(entry)} | ${fields(entry.fields, entry.op === 'create')} |`,
      );
    lines.push('');
  }
  if (refusalsOf(report).length > 0) {
    lines.push('### Refused: `up` would fail on these', '', '| Resource | Why |', '|---|---|');
    for (const entry of refusalsOf(report)) lines.push(`| ${kindMarkdown(entry.kind)} ${code(nameText(entry.name))} | ${code(cut(entry.message, 1000))} |`);
    lines.push('');
  }
  if (report.warnings.length > 0) {
    lines.push('### Warnings: what `up` would do outside the stack', '', '| Resource | Warning |', '|---|---|');
    for (const entry of report.warnings)
      lines.push(`| ${entry.kind ? kindMarkdown(entry.kind) : '—'}${entry.name ? ` ${code(nameText(entry.name))}` : ''} | ${code(cut(entry.message, 400))} |`);
    lines.push('');
  }
  if (diagram && /\n {2}n1\[/.test(diagram)) lines.push('### Routing this touches', '', '```mermaid', diagram, '```', '');
  lines.push(...adviceMarkdown(report).flatMap((line, index) => (index > 0 ? ['', line] : [line])));
  return `${lines.join('\n')}\n`;
}
