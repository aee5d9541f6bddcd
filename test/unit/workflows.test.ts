import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The example workflows follow the rules examples/github-workflows/README.md explains; a line-level check of each. */
const dir = path.join(__dirname, '../../examples/github-workflows');
const workflows = readdirSync(dir)
  .filter((file) => file.endsWith('.yml'))
  .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));

describe('example GitHub workflows', () => {
  it('are the three documented ones', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual(['zcc-deploy.yml', 'zcc-drift.yml', 'zcc-pr-preview.yml']);
  });

  it.each(workflows.map((w) => [w.file, w.text]))('%s pins every action by commit SHA with its version in a comment', (_file, text) => {
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, rest] of uses) {
      expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/# v\d+\.\d+\.\d+/);
    }
  });

  it.each(workflows.map((w) => [w.file, w.text]))('%s declares permissions, installs without scripts before any secret is in scope', (_file, text) => {
    expect(text).toMatch(/^permissions:/m);
    const install = text.indexOf('npm ci --ignore-scripts');
    expect(install).toBeGreaterThan(0);
    expect(text).not.toMatch(/npm (ci|install)(?! --ignore-scripts)/);
    // No job-wide env: secrets appear only in the env of steps after the install.
    const firstSecret = text.indexOf('secrets.');
    expect(firstSecret).toBeGreaterThan(install);
  });

  it('only the deploy job, in the protected environment, gets write credentials', () => {
    for (const { file, text } of workflows) {
      const writes = /secrets\.(ZOOM_CLIENT_SECRET|PULUMI_ACCESS_TOKEN)\b/.test(text);
      expect({ file, writes, environment: /environment: zcc-production/.test(text) }).toEqual({
        file,
        writes: file === 'zcc-deploy.yml',
        environment: file === 'zcc-deploy.yml',
      });
    }
    const preview = workflows.find((w) => w.file === 'zcc-pr-preview.yml')!.text;
    // The job that may write to the pull request checks out nothing and holds no secret.
    const comment = preview.slice(preview.indexOf('  comment:'));
    expect(comment).not.toMatch(/checkout|secrets\./);
    expect(comment).toContain('<!-- zcc-pulumi-preview -->');
    // The comment is rendered here, by a released zcc-pulumi, from the JSON report: the pull request's job hands
    // over JSON only, never Markdown.
    expect(preview).toMatch(/name: zcc-preview\n\s+path: zcc-preview\.json\n/);
    expect(comment).toMatch(/npm install --ignore-scripts .*"zcc-pulumi@\$ZCC_PULUMI_VERSION"/);
    expect(comment).toContain('zcc-pulumi drift --report ../zcc-preview.json --markdown ../zcc-preview.md');
  });

  it('the jobs that only read say so (ZCC_READ_ONLY): writes and stack-held deploy credentials are refused', () => {
    for (const file of ['zcc-pr-preview.yml', 'zcc-drift.yml']) {
      const text = workflows.find((w) => w.file === file)!.text;
      expect({
        file,
        readOnly: /ZCC_READ_ONLY: "true"/.test(text),
        readOnlyApp: /ZOOM_CLIENT_SECRET: \$\{\{ secrets\.ZOOM_READONLY_CLIENT_SECRET \}\}/.test(text),
      }).toEqual({
        file,
        readOnly: true,
        readOnlyApp: true,
      });
    }
  });
});
