import { buildReport, type StepEvent } from '../../cli/drift/report';
import { renderMarkdown, renderText } from '../../cli/drift/render';

const TYPE = 'pulumi-nodejs:dynamic/zcc:';
const urn = (kind: string, name: string) => `urn:pulumi:prod::center::${TYPE}${kind}::${name}`;
const step = (op: string, kind: string, name: string, old?: Record<string, unknown> | null, next?: Record<string, unknown> | null): StepEvent => ({
  resOutputsEvent: {
    metadata: {
      op,
      urn: urn(kind, name),
      type: `${TYPE}${kind}`,
      old: old === null ? null : old && { inputs: old },
      new: next === null ? null : next && { inputs: next },
    },
  },
});

describe('drift report from engine events', () => {
  it('is clean when refresh and plan change nothing; ignores the stack and providers', () => {
    const report = buildReport('prod', [
      step('refresh', 'Queue', 'support', { name: 'Support', __provider: 'x' }, { name: 'Support', __provider: 'y' }),
      {
        resOutputsEvent: {
          metadata: {
            op: 'update',
            urn: 'urn:pulumi:prod::center::pulumi:providers:pulumi-nodejs::default',
            type: 'pulumi:providers:pulumi-nodejs',
            old: {},
            new: {},
          },
        },
      },
      step('same', 'Queue', 'support', { name: 'Support' }, { name: 'Support' }),
    ]);
    expect(report).toEqual({ version: 1, stack: 'prod', clean: true, summary: { drift: 0, pending: 0 }, drift: [], pending: [], warnings: [] });
    expect(renderText(report)).toMatch(/^No drift and nothing pending on stack prod/);
  });

  it('reports a console edit once (as drift) even though the plan puts it back, and a program change as pending', () => {
    const recorded = { name: 'Support', maxWaitTime: 240 };
    const live = { name: 'Support', maxWaitTime: 999 };
    const report = buildReport('prod', [
      step('refresh', 'Queue', 'support', recorded, live),
      step('update', 'Queue', 'support', live, { name: 'Support', maxWaitTime: 240, wrapUpTime: 30 }),
    ]);
    expect(report.drift).toEqual([
      { kind: 'Queue', name: 'support', urn: urn('Queue', 'support'), change: 'modified', fields: [{ field: 'maxWaitTime', old: 240, new: 999 }] },
    ]);
    expect(report.pending).toEqual([
      { kind: 'Queue', name: 'support', urn: urn('Queue', 'support'), op: 'update', fields: [{ field: 'wrapUpTime', old: undefined, new: 30 }] },
    ]);
  });

  it('a field both edited in the console and changed in the program is in both sections; pending starts from the live value', () => {
    const report = buildReport('prod', [
      step('refresh', 'Queue', 'q', { maxWaitTime: 100 }, { maxWaitTime: 999 }),
      step('update', 'Queue', 'q', { maxWaitTime: 999 }, { maxWaitTime: 200 }),
    ]);
    expect(report.drift[0].fields).toEqual([{ field: 'maxWaitTime', old: 100, new: 999 }]);
    // The account holds 999, so that is what up changes: 999 → 200, not the recorded 100 → 200.
    expect(report.pending[0].fields).toEqual([{ field: 'maxWaitTime', old: 999, new: 200 }]);
  });

  it('members as added/removed, flows as "definition changed", secrets masked', () => {
    const report = buildReport('prod', [
      step('refresh', 'QueueMembers', 'm', { userIds: ['a', 'b'] }, { userIds: ['b', 'c'] }),
      step('refresh', 'Flow', 'ivr', { definition: { nodes: [1] } }, { definition: { nodes: [2] } }),
      step(
        'refresh',
        'Thing',
        't',
        { token: { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', plaintext: '"hunter2"' } },
        { token: 'plain' },
      ),
    ]);
    expect(report.drift.map((entry) => entry.fields[0])).toEqual([
      { field: 'definition', summary: 'definition changed' },
      { field: 'userIds', added: ['c'], removed: ['a'] },
      { field: 'token', old: '[secret]', new: 'plain' },
    ]);
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('a deleted object is drift; its re-create is not pending unless the program changed it; creates and deletes of the program are pending', () => {
    const report = buildReport('prod', [
      step('refresh', 'Queue', 'gone', { name: 'Gone' }, null),
      step('create', 'Queue', 'gone', undefined, { name: 'Gone' }),
      step('refresh', 'Queue', 'renamed', { name: 'Old' }, null),
      step('create', 'Queue', 'renamed', undefined, { name: 'New' }),
      step('create', 'Queue', 'fresh', undefined, { name: 'Fresh', channel: 'voice' }),
      step('refresh', 'Queue', 'dropped', { name: 'Dropped' }, { name: 'Dropped' }),
      step('delete', 'Queue', 'dropped', { name: 'Dropped' }, undefined),
    ]);
    expect(report.drift.map((entry) => [entry.name, entry.change])).toEqual([
      ['gone', 'deleted'],
      ['renamed', 'deleted'],
    ]);
    expect(report.pending.map((entry) => [entry.name, entry.op, entry.fields])).toEqual([
      ['dropped', 'delete', []],
      [
        'fresh',
        'create',
        [
          { field: 'channel', old: undefined, new: 'voice' },
          { field: 'name', old: undefined, new: 'Fresh' },
        ],
      ],
      ['renamed', 'create', [{ field: 'name', old: 'Old', new: 'New' }]],
    ]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| Queue `fresh` | to create | `channel` = `"voice"`<br>`name` = `"Fresh"` |');
    expect(markdown).toContain('| Queue `gone` | deleted in ZCC | — |');
  });

  it('a pending delete says what it does beyond the object (the recorded onDelete), escaped, in text and Markdown', () => {
    const report = buildReport('prod', [
      step('refresh', 'QueueMembers', 'agents', { queueId: 'q1', userIds: ['u1'] }, { queueId: 'q1', userIds: ['u1'] }),
      step('delete', 'QueueMembers', 'agents', { queueId: 'q1', userIds: ['u1'], onDelete: 'removes from its Queue: userIds u1' }, undefined),
      step('delete', 'AddressBook', 'book', { name: 'B', onDelete: 'deletes every contact |\u001b[31m' }, undefined),
      step('delete', 'Queue', 'plain', { name: 'Plain' }, undefined),
    ]);
    expect(Object.fromEntries(report.pending.map((entry) => [entry.name, entry.effect]))).toEqual({
      agents: 'removes from its Queue: userIds u1',
      book: 'deletes every contact |\u001b[31m',
      plain: undefined,
    });
    const text = renderText(report);
    expect(text).toContain('- QueueMembers "agents": to delete: removes from its Queue: userIds u1');
    expect(text).not.toContain('\u001b');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| QueueMembers `agents` | to delete: `removes from its Queue: userIds u1` | — |');
    // The cell's pipe is escaped and ESC is shown as text: the row stays one row, the terminal is not redrawn.
    expect(markdown).toContain('| AddressBook `book` | to delete: `deletes every contact \\|\\u001b[31m` | — |');
  });

  it('keeps Markdown tables intact whatever the names hold', () => {
    const report = buildReport('prod', [step('refresh', 'Queue', 'q', { name: 'A|B' }, { name: 'C`D\nE' })]);
    const row = renderMarkdown(report)
      .split('\n')
      .find((line) => line.startsWith('| Queue'));
    expect(row).toBe('| Queue `q` | changed in ZCC | `name`: `"A\\|B"` → ``"C`D\\nE"`` |');
  });
});

describe('replacements in the report', () => {
  it('a delete-before-replace is marked deleted first; a replacement with no declared change is still pending', () => {
    const report = buildReport('prod', [
      step('refresh', 'Queue', 'q', { channel: 'voice' }, { channel: 'voice' }),
      step('refresh', 'QueueAgent', 'a', { queueId: 'q1', userId: 'u' }, { queueId: 'q1', userId: 'u' }),
      step('delete-replaced', 'QueueAgent', 'a', { queueId: 'q1', userId: 'u' }, undefined),
      step('delete-replaced', 'Queue', 'q', { channel: 'voice' }, undefined),
      step('create-replacement', 'Queue', 'q', { channel: 'voice' }, { channel: 'messaging' }),
      step('replace', 'Queue', 'q', { channel: 'voice' }, { channel: 'messaging' }),
      step('refresh', 'Skill', 's', { name: 'S' }, { name: 'S' }),
      step('create-replacement', 'Skill', 's', { name: 'S' }, { name: 'S', skillCategoryId: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' }),
      step('delete-replaced', 'Skill', 's', { name: 'S' }, undefined),
    ]);
    expect(report.pending.map((entry) => [entry.kind, entry.op, entry.deletedFirst ?? false, entry.fields.length])).toEqual([
      ['Queue', 'replace', true, 1],
      ['Skill', 'replace', false, 1],
    ]);
    expect(renderText(report)).toContain('+- Queue "q": to replace (deleted first: out of service until the new one exists)');
    expect(renderText(report)).toContain('skillCategoryId: (unset) → (known after up)');
  });

  it('shows a nested change as the changed field and values, never a long value cut before them', () => {
    const closure = (name: string, end: string) => ({ name, closureHourType: 'allDay', startTime: '2027-01-01T00:00:00', endTime: end, recurring: false });
    const hours = (timezone: string) => ({ hourType: 'custom', timezone, customHours: [{ dayOfWeek: 'monday', customHourType: 'allDay' }] });
    const report = buildReport('prod', [
      step(
        'refresh',
        'ClosureSet',
        'holidays',
        { closures: [closure('New Year', '2027-01-01T23:59:00'), closure('Labour Day', '2027-05-01T23:59:00')], hours: hours('UTC') },
        { closures: [closure('New Year', '2027-01-02T12:00:00'), closure('Labour Day', '2027-05-01T23:59:00')], hours: hours('Europe/Paris') },
      ),
    ]);
    expect(report.drift[0].fields).toEqual([
      { field: 'closures[0].endTime', old: '2027-01-01T23:59:00', new: '2027-01-02T12:00:00' },
      { field: 'hours.timezone', old: 'UTC', new: 'Europe/Paris' },
    ]);
    expect(renderText(report)).toContain('closures[0].endTime: "2027-01-01T23:59:00" → "2027-01-02T12:00:00"');
  });

  it('names ids the stack knows; a set that loses a disposition deleted in ZCC is drift because of it, not pending', () => {
    const disposition = (op: string, old: unknown, next: unknown): StepEvent => ({
      resOutputsEvent: {
        metadata: {
          op,
          urn: urn('Disposition', 'resolved'),
          type: `${TYPE}Disposition`,
          old: old as never,
          new: next as never,
        },
      },
    });
    const unknown = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
    const report = buildReport('prod', [
      disposition('refresh', { id: 'd_17', inputs: { name: 'Resolved' } }, null),
      step('refresh', 'DispositionSet', 'wrap-up', { name: 'Wrap-up', dispositionIds: ['d_17', 'd_2'] }, { name: 'Wrap-up', dispositionIds: ['d_17', 'd_2'] }),
      disposition('create', null, { inputs: { name: 'Resolved' } }),
      step('update', 'DispositionSet', 'wrap-up', { name: 'Wrap-up', dispositionIds: ['d_17', 'd_2'] }, { name: 'Wrap-up', dispositionIds: [unknown, 'd_2'] }),
    ]);
    expect(report.pending).toEqual([]);
    expect(report.drift.map((entry) => [entry.kind, entry.change, entry.because])).toEqual([
      ['Disposition', 'deleted', undefined],
      ['DispositionSet', 'modified', 'Disposition "resolved" deleted in ZCC; up re-adds it once re-created'],
    ]);
    const text = renderText(report);
    expect(text).toContain('~ DispositionSet "wrap-up": changed in ZCC (because Disposition "resolved" deleted in ZCC; up re-adds it once re-created)');
    expect(text).toContain('removed d_17 (Disposition "Resolved")');
  });

  it('carries the preview warnings of resources (effects outside the stack), in text, Markdown and JSON', () => {
    const report = buildReport('prod', [
      step('same', 'FlowEntryPoints', 'main-line', { flowId: 'f1' }, { flowId: 'f1' }),
      {
        diagnosticEvent: {
          urn: urn('FlowEntryPoints', 'main-line'),
          severity: 'info#err',
          message: 'warning: FlowEntryPoints takes +16505550100 from flow "Sample voice flow" (flow_seed_voice)\n',
        },
      },
      { diagnosticEvent: { urn: 'urn:pulumi:prod::center::pulumi:pulumi:Stack::center-prod', severity: 'warning', message: 'not a resource' } },
      // What a dynamic provider prints reaches Pulumi on the stack, without its resource.
      {
        diagnosticEvent: {
          urn: 'urn:pulumi:prod::center::pulumi:pulumi:Stack::center-prod',
          severity: 'info#err',
          message: 'warning: Disposition "X" already exists in ZCC (d1)\n',
        },
      },
      { diagnosticEvent: { urn: urn('Queue', 'q'), severity: 'info', message: 'plain output' } },
    ]);
    expect(report.clean).toBe(true);
    expect(report.warnings).toEqual([
      { kind: 'Disposition', name: '', urn: '', message: 'Disposition "X" already exists in ZCC (d1)' },
      {
        kind: 'FlowEntryPoints',
        name: 'main-line',
        urn: urn('FlowEntryPoints', 'main-line'),
        message: 'FlowEntryPoints takes +16505550100 from flow "Sample voice flow" (flow_seed_voice)',
      },
    ]);
    expect(renderText(report)).toContain('! FlowEntryPoints "main-line": FlowEntryPoints takes +16505550100 from flow "Sample voice flow"');
    expect(renderMarkdown(report)).toContain('### Warnings: what `up` would do outside the stack');
  });
});
