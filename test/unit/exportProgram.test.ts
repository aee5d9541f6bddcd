import type { ResourceSpec } from '../../provider/engine/spec';
import { flowReferenceKey } from '../../cli/export/kinds';
import { buildProgram } from '../../cli/export/program';
import { fileSafe, foldKey, identifier, identifierChar, NameSpace, slug } from '../../cli/export/naming';
import { fillPlaceholders } from '../../sdk/flowFile';
import type { Account, ExportedObject } from '../../cli/export/readAccount';

const account = (
  objects: ExportedObject[],
  emails: Record<string, string> = {},
  lookups: Account['lookups'] extends Map<string, infer L> ? Record<string, L> : never = {},
): Account => ({
  objects,
  unsupported: [],
  warnings: [],
  emails: new Map(Object.entries(emails)),
  lookups: new Map(Object.entries(lookups)),
  apiCalls: 0,
});
const queue = (id: string, name: string, extra: Record<string, unknown> = {}): ExportedObject => ({
  kind: 'Queue',
  id,
  label: name,
  inputs: { name, channel: 'voice', ...extra },
});
const options = { portable: false, manageDeletes: false };

describe('export naming', () => {
  it('finds ids in flow files under the key of every kind the specs declare or refer to, in either spelling', () => {
    const key = flowReferenceKey();
    for (const found of [
      'queue_id',
      'queueId',
      'queue_ids',
      'skill_category_id',
      'skillCategoryId',
      'business_hour_id',
      'businessHoursId',
      'closure_set_id',
      'routing_profile_id',
      'agent_routing_profile_id',
      'inbox_id',
      'asset_id',
      'intent_group_id',
      'entry_point_id',
      'address_book_ids',
      'user_id',
      'team_ids',
      'variable_group_id',
    ])
      expect({ found, matches: key.test(found) }).toEqual({ found, matches: true });
    for (const other of ['queue_name', 'id', 'prompt', 'skill', 'queue_idx', 'ivr_id'])
      expect({ other, matches: key.test(other) }).toEqual({ other, matches: false });
    // A kind added to the specs is found with no list to extend.
    const extra = { kind: 'CallbackPolicy', references: { campaignId: 'Campaign' } } as unknown as ResourceSpec;
    expect(flowReferenceKey([extra]).test('campaign_id')).toBe(true);
    expect(flowReferenceKey([extra]).test('callback_policy_id')).toBe(true);
  });

  it('slugs keep letters of every script and drop punctuation and emoji', () => {
    expect(['Main IVR (EN)', 'Поддержка 24/7', 'サポート', 'Café ☕', '☕', 'a__b'].map(slug)).toEqual([
      'main-ivr-en',
      'поддержка-24-7',
      'サポート',
      'café',
      '',
      'a-b',
    ]);
    expect(identifier('поддержка-24-7', 'Queue')).toBe('поддержка247Queue');
    expect(identifier('24-7', 'Queue')).toBe('_247Queue');
    const names = new NameSpace('-');
    expect(['support', 'support', 'Support', 'support-2'].map((name) => names.claim(name))).toEqual(['support', 'support-2', 'Support-3', 'support-2-2']);
  });
});

describe('export program', () => {
  it('turns ids into references, users into email lookups, and is the same for any input order', () => {
    const objects: ExportedObject[] = [
      queue('q2', 'Support', { overflowToQueueId: 'q1', agentRoutingProfileId: 'p1' }),
      queue('q1', 'Support!'),
      { kind: 'AgentRoutingProfile', id: 'p1', label: 'Tiered', inputs: { name: 'Tiered' } },
      { kind: 'QueueMembers', id: 'q2', label: 'Support', inputs: { queueId: 'q2', userIds: ['u1', 'u2'] } },
    ];
    const emails = { u1: 'ada@example.com', u2: 'ben@example.com' };
    const first = buildProgram(account(objects, emails), options, { version: '0.1.0' });
    const second = buildProgram(account([...objects].reverse(), emails), options, { version: '0.1.0' });
    expect(second.program).toBe(first.program);
    // Both queues slug to "support": names (then ids) order the suffixes.
    expect(first.program).toContain('const supportQueue = new zcc.Queue("support", {\n  adoptId: "q2",\n  name: "Support",');
    expect(first.program).toContain('const support2Queue = new zcc.Queue("support-2", {\n  adoptId: "q1",\n  name: "Support!",');
    expect(first.program).toContain('overflowToQueueId: support2Queue.queueId,');
    expect(first.program).toContain('agentRoutingProfileId: tieredAgentRoutingProfile.agentRoutingProfileId,');
    expect(first.program).toContain('queueId: supportQueue.queueId,\n  userIds: [user("ada@example.com"), user("ben@example.com")],');
    // What a declaration refers to is declared before it.
    expect(first.program.indexOf('const tieredAgentRoutingProfile')).toBeLessThan(first.program.indexOf('const supportQueue'));
    expect(first.program.indexOf('const support2Queue')).toBeLessThan(first.program.indexOf('const supportQueue'));
    expect(first.program).toContain('}, keep);');
    expect(buildProgram(account(objects, emails), { portable: false, manageDeletes: true }, { version: '0.1.0' }).program).toContain(
      'const keep: pulumi.CustomResourceOptions = {};',
    );
  });

  it('a reference cycle keeps one id (said so) without --portable, and fails with it', () => {
    const objects = [queue('q1', 'A', { overflowToQueueId: 'q2' }), queue('q2', 'B', { overflowToQueueId: 'q1' })];
    const { program } = buildProgram(account(objects), options, { version: '0.1.0' });
    expect(program).toContain('overflowToQueueId: "q2" /* bQueue, declared below: a cycle */');
    expect(program).toContain('overflowToQueueId: aQueue.queueId');
    expect(() => buildProgram(account(objects), { ...options, portable: true }, { version: '0.1.0' })).toThrow(
      /refer to each other in a cycle.*Queue "A", Queue "B"/s,
    );
  });

  it('--portable: no ids, flow files with placeholders, and a loud failure for ids it cannot name', () => {
    const flow: ExportedObject = {
      kind: 'Flow',
      id: 'f1',
      label: 'IVR',
      inputs: {
        name: 'IVR',
        publish: true,
        definition: { studioType: 0, nodes: [{ id: 'route', properties: { queueId: 'q1', skill_id: 's1', userId: 'u1' } }] },
      },
    };
    const objects: ExportedObject[] = [
      queue('q1', 'Support'),
      { kind: 'SkillCategory', id: 'c1', label: 'Langs', inputs: { name: 'Langs', skillType: 'text' } },
      { kind: 'Skill', id: 's1', label: 'German', inputs: { name: 'German', skillCategoryId: 'c1' } },
      flow,
    ];
    const result = buildProgram(account(objects, { u1: 'ada@example.com' }), { ...options, portable: true }, { version: '0.1.0' });
    expect(result.program).not.toMatch(/adoptId|"q1"|"s1"|"c1"|"f1"|"u1"/);
    expect(result.program).toContain(
      'definition: zcc.readFlowFile("flows/ivr.json", {\n    "germanSkill.skillId": germanSkill.skillId,\n    "supportQueue.queueId": supportQueue.queueId,\n    "user:ada@example.com": user("ada@example.com"),\n  }),',
    );
    expect(JSON.parse(String(result.files.get('flows/ivr.json')! as string)).nodes[0].properties).toEqual({
      queueId: '{{zcc:supportQueue.queueId}}',
      skill_id: '{{zcc:germanSkill.skillId}}',
      userId: '{{zcc:user:ada@example.com}}',
    });
    // Without --portable the file is the export as it is.
    expect(JSON.parse(buildProgram(account(objects, { u1: 'ada@example.com' }), options, { version: '0.1.0' }).files.get('flows/ivr.json')! as string)).toEqual(
      flow.inputs.definition,
    );

    // A flow naming the account's schedules, wrap-up codes and variable groups: references too.
    const scheduled: ExportedObject = {
      kind: 'Flow',
      id: 'f2',
      label: 'Hours',
      inputs: {
        name: 'Hours',
        definition: { studioType: 0, nodes: [{ id: 'check', properties: { businessHourId: 'bh1', closure_set_id: 'cs1', dispositionIds: ['d1'] } }] },
      },
    };
    const schedules: ExportedObject[] = [
      { kind: 'BusinessHours', id: 'bh1', label: 'Office', inputs: { name: 'Office', timezone: 'UTC', hours: { hourType: 'alwaysOpen' } } },
      { kind: 'ClosureSet', id: 'cs1', label: 'Holidays', inputs: { name: 'Holidays', timezone: 'UTC', closures: [] } },
      { kind: 'Disposition', id: 'd1', label: 'Resolved', inputs: { name: 'Resolved' } },
      scheduled,
    ];
    const portable = buildProgram(account(schedules), { ...options, portable: true }, { version: '0.1.0' });
    expect(JSON.parse(String(portable.files.get('flows/hours.json')!)).nodes[0].properties).toEqual({
      businessHourId: '{{zcc:officeBusinessHours.businessHourId}}',
      closure_set_id: '{{zcc:holidaysClosureSet.closureSetId}}',
      dispositionIds: ['{{zcc:resolvedDisposition.dispositionId}}'],
    });
    // Declared after what it names: hours and closures before the flow.
    expect(portable.program.indexOf('new zcc.BusinessHours(')).toBeLessThan(portable.program.indexOf('new zcc.Flow('));

    // Zoom's own objects (the root team) are named by a lookup, in the program and in flow files.
    const tier1: ExportedObject = { kind: 'Team', id: 't1', label: 'Tier 1', inputs: { name: 'Tier 1', parentTeamId: 'root' } };
    const rooted = buildProgram(
      account([tier1], {}, { root: { kind: 'Team', fn: 'getTeam', args: { name: 'All teams' }, output: 'teamId', label: 'All teams' } }),
      { ...options, portable: true },
      { version: '0.1.0' },
    );
    expect(rooted.program).toContain('parentTeamId: zcc.getTeam({ name: "All teams" }).then((found) => found.teamId)');

    const inbox = [queue('q1', 'Support', { overflowToInboxId: 'inbox9' })];
    expect(buildProgram(account(inbox), options, { version: '0.1.0' }).program).toContain('overflowToInboxId: "inbox9"');
    expect(() => buildProgram(account(inbox), { ...options, portable: true }, { version: '0.1.0' })).toThrow(
      'Queue "Support": overflowToInboxId is "inbox9", which names no exported Inbox',
    );
  });
});

describe('export of hostile account data', () => {
  const flow = (id: string, name: string, definition: Record<string, unknown> = { studioType: 0 }): ExportedObject => ({
    kind: 'Flow',
    id,
    label: name,
    inputs: { name, definition },
  });
  const filesOf = (objects: ExportedObject[], portable = false) => [
    ...buildProgram(account(objects), { ...options, portable }, { version: '0.1.0' }).files.keys(),
  ];

  it('file names that differ only by case or normalization get distinct names on macOS and Windows too', () => {
    expect(foldKey('ΑΣ')).toBe(foldKey('ασ'));
    expect(foldKey('STRASSE')).toBe(foldKey('straße'));
    expect(foldKey('é')).toBe(foldKey('e\u0301'));
    const files = filesOf([flow('f1', 'ΑΣ'), flow('f2', 'ασ'), flow('f3', 'Straße'), flow('f4', 'STRASSE'), flow('f5', 'Cafe\u0301'), flow('f6', 'Café')]);
    expect(new Set(files.map((file) => foldKey(file))).size).toBe(6);
    // Slugs are NFKC (so "Cafe\u0301" is written "café"); names sort by the account's labels, then ids.
    expect(files).toEqual(['flows/café.json', 'flows/café-2.json', 'flows/strasse.json', 'flows/straße-2.json', 'flows/ας.json', 'flows/ασ-2.json']);
  });

  it('a 90-character CJK name (within Zoom’s 128) gives a file name under 255 bytes, stable and distinct', () => {
    const long = '客户服务热线'.repeat(15);
    const files = filesOf([flow('f1', long), flow('f2', `${long}二`), flow('f3', long)]);
    for (const file of files) expect(Buffer.byteLength(file.slice('flows/'.length))).toBeLessThanOrEqual(255);
    expect(new Set(files).size).toBe(3);
    expect(filesOf([flow('f1', long), flow('f2', `${long}二`), flow('f3', long)])).toEqual(files);
    expect(fileSafe(slug(long))).toMatch(/^(客户服务热线)+[^-]*-[0-9a-f]{10}$/);
  });

  it('Windows device names are not file names', () => {
    expect(filesOf([flow('f1', 'CON'), flow('f2', 'nul'), flow('f3', 'com1'), flow('f4', 'console')])).toEqual([
      'flows/con-file.json',
      'flows/com1-file.json',
      'flows/console.json',
      'flows/nul-file.json',
    ]);
  });

  it('identifiers hold only characters every supported TypeScript accepts', () => {
    const ts = require('typescript') as typeof import('typescript');
    const names = ['𐗀𐗁 Sunuwar', 'Ꟍ latin small', 'サポート', 'Поддержка', '𠀀 ext-b', '٣ arabic digit', 'ǅ title'];
    for (const name of names) {
      const ident = identifier(slug(name), 'Queue');
      const codePoints = [...ident].map((char) => char.codePointAt(0)!);
      const valid = codePoints.every((cp, index) => (index === 0 ? ts.isIdentifierStart : ts.isIdentifierPart)(cp, ts.ScriptTarget.ESNext));
      expect({ name, ident, valid }).toEqual({ name, ident, valid: true });
    }
    expect(identifier(slug('𐗀𐗁 Sunuwar'), 'Queue')).toBe('sunuwarQueue');
    expect(identifier(slug('サポート'), 'Queue')).toBe('サポートQueue');
  });

  it('the identifier table is accepted by the TypeScript this repository compiles with, character by character', () => {
    const ts = require('typescript') as typeof import('typescript');
    const rejected: string[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      const char = String.fromCharCode(cp);
      if (identifierChar(char, true) && !ts.isIdentifierStart(cp, ts.ScriptTarget.ESNext)) rejected.push(`start ${cp.toString(16)}`);
      if (identifierChar(char, false) && !ts.isIdentifierPart(cp, ts.ScriptTarget.ESNext)) rejected.push(`part ${cp.toString(16)}`);
    }
    expect(rejected).toEqual([]);
    expect(identifierChar('𐗀', false)).toBe(false);
  });

  it('account text that looks like a placeholder stays literal in a --portable flow file', () => {
    const definition = { studioType: 0, nodes: [{ id: 'say', text: '{{zcc:x}}', other: '{{zcc!}}y', plain: 'hello {{zcc:x}}' }] };
    const result = buildProgram(account([flow('f1', 'IVR', definition)]), { ...options, portable: true }, { version: '0.1.0' });
    const file = JSON.parse(String(result.files.get('flows/ivr.json')! as string));
    expect(file.nodes[0]).toEqual({ id: 'say', text: '{{zcc!}}{{zcc:x}}', other: '{{zcc!}}{{zcc!}}y', plain: 'hello {{zcc:x}}' });
    // readFlowFile is given refs (none here), so the marks come off and nothing is taken for a placeholder.
    expect(result.program).toContain('definition: zcc.readFlowFile("flows/ivr.json", {}),');
    expect(fillPlaceholders(file, {}, 'flows/ivr.json')).toEqual(definition);
  });
});
