import type { DriftEntry, DriftReport, FieldChange, PendingEntry } from './report';

/** The report for people: a terminal summary and a Markdown document for pull requests and job summaries. */

const MAX_VALUE = 80;

function value(v: unknown): string {
  if (v === undefined) return '(unset)';
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const list = (items: unknown[]) => items.map((item) => (typeof item === 'string' ? item : value(item))).join(', ');

/** One field; `creating` shows declared values alone (there is nothing before a create). */
export function describeField(change: FieldChange, creating = false): string {
  if (creating && change.summary === undefined && change.added === undefined) return `${change.field} = ${value(change.new)}`;
  if (change.added !== undefined || change.removed !== undefined) {
    const parts = [change.added?.length ? `added ${list(change.added)}` : '', change.removed?.length ? `removed ${list(change.removed)}` : ''].filter(Boolean);
    return `${change.field}: ${parts.join('; ')}`;
  }
  if (change.summary !== undefined) return `${change.field}: ${change.summary}`;
  return `${change.field}: ${value(change.old)} → ${value(change.new)}`;
}

const DRIFT_WORDS: Record<DriftEntry['change'], string> = { modified: 'changed in ZCC', deleted: 'deleted in ZCC' };
const PENDING_WORDS: Record<PendingEntry['op'], string> = { create: 'to create', update: 'to update', replace: 'to replace', delete: 'to delete' };

export function renderText(report: DriftReport): string {
  const lines: string[] = [];
  if (report.clean) return `No drift and nothing pending on stack ${report.stack}: Zoom Contact Center matches the program and its last deployment.`;
  lines.push(`Stack ${report.stack}: ${report.summary.drift} resource(s) drifted, ${report.summary.pending} change(s) pending.`);
  if (report.drift.length > 0) {
    lines.push('', 'Drift (changed in Zoom Contact Center outside Pulumi since the last `pulumi up`):');
    for (const entry of report.drift) {
      lines.push(`  ${entry.change === 'deleted' ? '-' : '~'} ${entry.kind} "${entry.name}": ${DRIFT_WORDS[entry.change]}`);
      for (const field of entry.fields) lines.push(`      ${describeField(field)}`);
    }
  }
  if (report.pending.length > 0) {
    lines.push('', 'Pending (the program declares what the account does not have yet):');
    for (const entry of report.pending) {
      const sign = { create: '+', update: '~', replace: '+-', delete: '-' }[entry.op];
      lines.push(`  ${sign} ${entry.kind} "${entry.name}": ${PENDING_WORDS[entry.op]}`);
      for (const field of entry.fields) lines.push(`      ${describeField(field, entry.op === 'create')}`);
    }
  }
  lines.push('', 'Run `pulumi up` to apply the program (it also puts drifted settings back), or change the program to accept the edits.');
  return lines.join('\n');
}

/** Markdown cells: pipes and newlines would break the table; backticks would end the code span. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");

export function renderMarkdown(report: DriftReport): string {
  const lines = [`## Zoom Contact Center: stack \`${cell(report.stack)}\``, ''];
  if (report.clean) {
    lines.push('No drift and nothing pending: the account matches the program and its last deployment.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`**${report.summary.drift}** resource(s) drifted, **${report.summary.pending}** change(s) pending.`, '');
  if (report.drift.length > 0) {
    lines.push('### Drift: changed in Zoom Contact Center outside Pulumi', '', '| Resource | Change | Fields |', '|---|---|---|');
    for (const entry of report.drift)
      lines.push(
        `| ${entry.kind} \`${cell(entry.name)}\` | ${DRIFT_WORDS[entry.change]} | ${entry.fields.map((f) => cell(describeField(f))).join('<br>') || '—'} |`,
      );
    lines.push('');
  }
  if (report.pending.length > 0) {
    lines.push('### Pending: declared in the program, not yet applied', '', '| Resource | Change | Fields |', '|---|---|---|');
    for (const entry of report.pending)
      lines.push(
        `| ${entry.kind} \`${cell(entry.name)}\` | ${PENDING_WORDS[entry.op]} | ${entry.fields.map((f) => cell(describeField(f, entry.op === 'create'))).join('<br>') || '—'} |`,
      );
    lines.push('');
  }
  lines.push('`pulumi up` applies the program and puts drifted settings back; or change the program to accept the edits.');
  return `${lines.join('\n')}\n`;
}
