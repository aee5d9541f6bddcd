import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { allSpecs } from '../../provider/specs';
import { buildModel } from '../../cli/export/program';
import { renderYaml } from '../../cli/export/render/yaml';
import { renderPython } from '../../cli/export/render/python';
import { asciiQuoted, snake } from '../../cli/export/render/quote';
import type { Account, ExportedObject } from '../../cli/export/readAccount';

// js-yaml comes with @pulumi/pulumi: what a reader of Pulumi.yaml sees, parsed by a real YAML parser.
const yaml = require('js-yaml') as { load: (text: string) => any };

const root = path.resolve(__dirname, '../..');
const account = (objects: ExportedObject[], emails: Record<string, string> = {}): Account => ({
  objects,
  unsupported: [],
  warnings: [],
  emails: new Map(Object.entries(emails)),
  lookups: new Map([['root', { kind: 'Team', fn: 'getTeam', args: { name: 'All teams' }, output: 'teamId', label: 'All teams' }]]),
  apiCalls: 0,
});
const options = { portable: false, manageDeletes: false };
const meta = { version: '0.1.0' };
// Text a console admin can type: Pulumi YAML interpolation and its escape, quotes, a newline, bidi and
// separator characters, an astral character, a would-be YAML document marker.
const HOSTILE = 'Sales ${zcc:clientSecret} $${x} "q" \\ \n\u202e\u2028 \u{1F600}\n--- end';

describe('export --language yaml', () => {
  const objects: ExportedObject[] = [
    { kind: 'Queue', id: 'q1', label: HOSTILE, inputs: { name: HOSTILE, channel: 'voice', overflowToQueueId: 'q2' } },
    { kind: 'Queue', id: 'q2', label: 'Overflow', inputs: { name: 'Overflow', channel: 'voice' } },
    { kind: 'QueueMembers', id: 'q1', label: HOSTILE, inputs: { queueId: 'q1', userIds: ['u1'] } },
    { kind: 'Team', id: 't1', label: 'Tier 1', inputs: { name: 'Tier 1', parentTeamId: 'root' } },
    {
      kind: 'Flow',
      id: 'f1',
      label: 'IVR',
      inputs: { name: 'IVR', publish: true, definition: { studioType: 0, nodes: [{ id: 'n', properties: { text: HOSTILE, [HOSTILE]: 1 } }] } },
    },
  ];

  it('writes hostile account text in printable ASCII that Pulumi YAML reads back exactly, and never interpolates', () => {
    const text = renderYaml(buildModel(account(objects, { u1: 'ada@example.com' }), options, meta), 'center');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    const program = yaml.load(text);
    // Pulumi YAML reads `$$` as `$`: every `$` of account text is doubled, so `${…}` of the account is never a reference.
    const unescape = (value: string) => value.replace(/\$\$/g, '$');
    const sales = Object.values(program.resources).find(
      (resource: any) => resource.type === 'zcc:index:Queue' && resource.properties.name !== 'Overflow',
    ) as any;
    expect(unescape(sales.properties.name)).toBe(HOSTILE);
    expect(sales.properties.overflowToQueueId).toBe('${overflowQueue.queueId}');
    expect(sales.options).toEqual({ import: 'q1', retainOnDelete: true });
    const members = Object.values(program.resources).find((resource: any) => resource.type === 'zcc:index:QueueMembers') as any;
    expect(members.properties.userIds).toEqual([expect.stringMatching(/^\$\{user\}$/)]);
    expect(program.variables.user['fn::invoke']).toEqual({ function: 'zcc:index:getUser', arguments: { email: 'ada@example.com' }, return: 'userId' });
    // Zoom's own root team: a lookup by name.
    const team = Object.values(program.resources).find((resource: any) => resource.type === 'zcc:index:Team') as any;
    expect(program.variables[team.properties.parentTeamId.slice(2, -1)]['fn::invoke']).toMatchObject({
      function: 'zcc:index:getTeam',
      arguments: { name: 'All teams' },
    });
    // The flow's definition is inline, its keys and values escaped alike.
    const flow = Object.values(program.resources).find((resource: any) => resource.type === 'zcc:index:Flow') as any;
    const [node] = flow.properties.definition.nodes;
    expect(
      Object.fromEntries(Object.entries(node.properties).map(([key, value]) => [unescape(key), typeof value === 'string' ? unescape(value) : value])),
    ).toEqual({
      text: HOSTILE,
      [HOSTILE]: 1,
    });
    // Same account, same bytes.
    expect(renderYaml(buildModel(account([...objects].reverse(), { u1: 'ada@example.com' }), options, meta), 'center')).toBe(text);
  });

  it('refuses what Pulumi YAML would run or cannot say, naming the object: a fn:: key, an asset file', () => {
    const flow: ExportedObject = { kind: 'Flow', id: 'f1', label: 'IVR', inputs: { name: 'IVR', definition: { 'Fn::ReadFile': '/etc/passwd' } } };
    expect(() => renderYaml(buildModel(account([flow]), options, meta), 'center')).toThrow(
      /Flow "IVR" holds the key "Fn::ReadFile", which Pulumi YAML would run as a function; nothing was written/,
    );
    const asset: ExportedObject = {
      kind: 'Asset',
      id: 'a1',
      label: 'Welcome',
      inputs: { name: 'Welcome', assetType: 'audio', items: [{ language: 'en-US', file: { path: 'x', sha256: 'a'.repeat(64) } }] },
      files: { 'en-US.wav': Buffer.from('RIFF') },
    };
    expect(() => renderYaml(buildModel(account([asset]), options, meta), 'center')).toThrow(
      /asset file\(s\).*cannot be declared in Pulumi YAML.*--language python or typescript/,
    );
  });
});

describe('export --language python', () => {
  it('writes hostile text as Python literals that read back exactly, references as attributes, adoption as import_', () => {
    const objects: ExportedObject[] = [
      {
        kind: 'Queue',
        id: 'q1',
        label: 'Sales',
        inputs: { name: HOSTILE, channel: 'voice', maxWaitTime: 300, shortAbandon: { enable: true, threshold: null }, overflowToQueueId: 'q2' },
      },
      { kind: 'Queue', id: 'q2', label: 'B', inputs: { name: 'B', channel: 'voice', overflowToQueueId: 'q1' } },
    ];
    const program = renderPython(buildModel(account(objects), options, meta));
    expect(program).toMatch(/^[\x20-\x7e\n]*$/);
    // A cycle keeps one id, said so in a comment above the declaration.
    expect(program).toContain('# Queue.overflowToQueueId keeps the id of salesQueue, declared below (a cycle)');
    expect(program).toContain('overflow_to_queue_id=bQueue.queue_id,');
    expect(program).toContain('opts=adopt("q1"),');
    // Python parses it, and the literals are the account's values.
    const script = [
      'import ast, json, sys',
      'tree = ast.parse(sys.stdin.read())',
      'calls = [n.value for n in tree.body if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)]',
      'out = {}',
      'for call in calls:',
      '    out[ast.literal_eval(call.args[0])] = {k.arg: ast.literal_eval(k.value) for k in call.keywords if isinstance(k.value, (ast.Constant, ast.Dict))}',
      'print(json.dumps(out))',
    ].join('\n');
    const parsed = JSON.parse(execFileSync('python3', ['-c', script], { input: program }).toString());
    expect(parsed.sales).toEqual({ name: HOSTILE, channel: 'voice', max_wait_time: 300, short_abandon: { enable: true, threshold: null } });
  });

  it('names every input, lookup and output as the generated Python SDK does (sdk/python, make sdks)', () => {
    const sdk = path.join(root, 'sdk/python/pulumi_zcc');
    for (const spec of allSpecs) {
      const file = path.join(sdk, `${snake(spec.kind[0].toLowerCase() + spec.kind.slice(1))}.py`);
      expect({ kind: spec.kind, exists: existsSync(file) }).toEqual({ kind: spec.kind, exists: true });
      const source = readFileSync(file, 'utf8');
      const inputs = Object.keys((z.toJSONSchema(spec.inputSchema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});
      for (const input of inputs)
        expect({ kind: spec.kind, input, found: source.includes(`__props__.__dict__["${snake(input)}"] = ${snake(input)}`) }).toMatchObject({ found: true });
      expect({ kind: spec.kind, idOutput: source.includes(`def ${snake(spec.idOutput)}(self)`) }).toEqual({ kind: spec.kind, idOutput: true });
    }
    expect(readFileSync(path.join(sdk, 'get_user.py'), 'utf8')).toContain('def user_id(self)');
  });

  it('asciiQuoted escapes what is not printable ASCII, astral characters as \\U', () => {
    expect(asciiQuoted('a"b\\c\n\u202e\u{1F600}')).toBe('"a\\"b\\\\c\\n\\u202e\\U0001f600"');
  });
});
