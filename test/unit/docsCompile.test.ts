import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every `ts` block of README.md and docs/ compiles against the package's own SDK (strict). A block is a snippet:
 * names it uses from earlier snippets (`support`, `languages`, …) are declared with their SDK types, unless the block
 * declares them itself. A docs example that stops compiling (a renamed property, an API that is not exported) fails.
 */
jest.setTimeout(120_000);

const repo = path.join(__dirname, '../..');
const documents = ['README.md', ...readdirSync(path.join(repo, 'docs')).map((file) => `docs/${file}`)].filter((file) => file.endsWith('.md'));

/** What the snippets refer to without declaring: the objects the docs build up from one section to the next. */
const EARLIER: Record<string, string> = {
  support: 'zcc.Queue',
  languages: 'zcc.SkillCategory',
  german: 'zcc.Skill',
  billing: 'zcc.Skill',
  ivr: 'zcc.Flow',
  office: 'zcc.BusinessHours',
  holidays: 'zcc.ClosureSet',
  resolved: 'zcc.Disposition',
  followUp: 'zcc.Disposition',
  outcomes: 'zcc.DispositionSet',
  customer: 'zcc.VariableGroup',
  voicemailBox: 'zcc.Inbox',
  tier1: 'zcc.Team',
  leads: 'zcc.Role',
  sales: 'zcc.AddressBookUnit',
  customers: 'zcc.AddressBook',
  prompts: 'zcc.AssetCategory',
  holdMusic: 'zcc.Asset',
  renewalList: 'zcc.CampaignContactList',
  doNotCall: 'zcc.CampaignContactList',
};

function blocks(): Array<{ name: string; code: string }> {
  return documents.flatMap((file) =>
    [...readFileSync(path.join(repo, file), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
      name: `${file.replace(/[/.]/g, '_')}_${index}`,
      code: match[1],
    })),
  );
}

describe('the TypeScript in README.md and docs/', () => {
  it('compiles, every block, against the SDK', () => {
    const found = blocks();
    expect(found.length).toBeGreaterThanOrEqual(30);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zcc-docs-'));
    try {
      for (const { name, code } of found) {
        const declared = new Set([...code.matchAll(/\b(?:const|let|function|class|interface)\s+(\w+)/g)].map((match) => match[1]));
        const uses = Object.entries(EARLIER).filter(([id]) => !declared.has(id) && new RegExp(`\\b${id}\\b`).test(code));
        const imports = /import \* as zcc from 'zcc-pulumi(\/native)?'/.test(code) ? '' : uses.length > 0 ? "import * as zcc from 'zcc-pulumi';\n" : '';
        const prelude = uses.map(([id, type]) => `declare const ${id}: ${type};`).join('\n');
        // A module of its own (export {}), so two snippets may both declare `team`.
        writeFileSync(path.join(dir, `${name}.ts`), `${imports}${code}\n${prelude}\nexport {};\n`);
      }
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: 'commonjs',
            moduleResolution: 'node10',
            esModuleInterop: true,
            skipLibCheck: true,
            types: ['node'],
            typeRoots: [path.join(repo, 'node_modules/@types')],
            baseUrl: dir,
            ignoreDeprecations: '6.0',
            paths: {
              'zcc-pulumi': [path.join(repo, 'sdk/index.ts')],
              'zcc-pulumi/native': [path.join(repo, 'sdk/generated/native.ts')],
              '@pulumi/pulumi': [path.join(repo, 'node_modules/@pulumi/pulumi')],
            },
            noUnusedLocals: false,
          },
          include: ['*.ts'],
        }),
      );
      let output = '';
      try {
        execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output.replaceAll(`${dir}/`, '')).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
