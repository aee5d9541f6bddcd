import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allSpecs } from '../../provider/specs';
import { EXPORT_ORDER, USER } from '../../cli/export/kinds';
import { SETTINGS } from '../../provider/client/config';
import * as sdk from '../../sdk';

/**
 * A kind is one declaration (its spec): this guard fails when a spec is missing from export, the lookups, the SDK,
 * schema.json or the docs, so nothing depends on a list someone must remember to extend.
 */
const root = path.resolve(__dirname, '../..');
const docs = readFileSync(path.join(root, 'docs/resources.md'), 'utf8');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
// schema.json as committed (`make check` fails when it is stale against the specs).
const schema = JSON.parse(readFileSync(path.join(root, 'schema.json'), 'utf8')) as {
  resources: Record<string, unknown>;
  functions: Record<string, unknown>;
  config: { variables: Record<string, unknown> };
};
const kinds = new Set(allSpecs.map((spec) => spec.kind));

describe.each(allSpecs.map((spec) => [spec.kind, spec] as const))('%s', (kind, spec) => {
  it('says how export writes it, and export writes it after what it references', () => {
    const role = spec.exportAs;
    if (role.role === 'none') {
      expect(role.because.length).toBeGreaterThan(10);
      return;
    }
    const position = EXPORT_ORDER.indexOf(spec);
    expect(position).toBeGreaterThanOrEqual(0);
    const before = new Set(EXPORT_ORDER.slice(0, position).map((other) => other.kind));
    // A kind export does not declare (User: named by an email lookup) is referred to, not ordered.
    const declared = (target: string) => allSpecs.some((other) => other.kind === target && other.exportAs.role !== 'none');
    for (const target of Object.values(spec.references ?? {}))
      if (declared(target) && target !== kind) expect([kind, before.has(target)]).toEqual([kind, true]);
    if (role.role === 'set') {
      expect(role.owner === USER || before.has(role.owner)).toBe(true);
      for (const input of [role.members].flat()) expect(Object.keys(spec.inputSchema.shape)).toContain(input);
    }
    if (role.role === 'object' && role.fileInput) expect(Object.keys(spec.inputSchema.shape)).toContain(role.fileInput.input);
  });

  it('has a lookup when users refer to existing ones by name, in the SDK, schema.json and the docs', () => {
    const named = spec.exportAs.role === 'object' && 'name' in spec.inputSchema.shape;
    expect([kind, spec.lookup !== undefined]).toEqual([kind, named]);
    if (!spec.lookup) return;
    expect(typeof (sdk as Record<string, unknown>)[`get${kind}`]).toBe('function');
    expect(schema.functions[`zcc:index:get${kind}`]).toBeDefined();
    expect(docs).toContain(`\`get${kind}\``);
    expect(spec.lookup.returns[spec.idOutput]?.required).toBe(true);
  });

  it('is a class of the SDK, a resource of schema.json and a section of the docs', () => {
    expect(typeof (sdk as Record<string, unknown>)[kind]).toBe('function');
    expect(schema.resources[`zcc:index:${kind}`]).toBeDefined();
    expect(docs).toContain(`## ${kind}\n`);
  });

  it("is named in the README's list of what the package manages", () => {
    const manages = readme.slice(readme.indexOf('**What it manages.**'), readme.indexOf('Every kind with a name has a lookup'));
    expect([kind, manages.includes(`\`${kind}\``)]).toEqual([kind, true]);
  });
});

describe('settings', () => {
  it('schema.json and the README list every setting the runtime reads (legacy spellings aside)', () => {
    const current = SETTINGS.filter((setting) => !setting.legacy);
    expect(Object.keys(schema.config.variables).sort()).toEqual(current.map((setting) => setting.key).sort());
    for (const setting of current)
      expect([setting.key, readme.includes(`| \`zcc:${setting.key}\``) && readme.includes(`\`${setting.env}\``)]).toEqual([setting.key, true]);
  });
});
