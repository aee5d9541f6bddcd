#!/usr/bin/env node
// Drift detection for Zoom Contact Center stacks, for CI.
//
// Runs `pulumi preview --refresh --expect-no-changes --diff` in the current Pulumi project and, when ZCC no
// longer matches the program, prints which resource drifted in which field, then exits 1. Exits 0 when there
// is no drift and 2 when the preview itself failed (credentials, network, program errors).
//
//   node drift-check.js [--stack <name>] [-- extra pulumi args]
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const stackIndex = args.indexOf('--stack');
const stack = stackIndex >= 0 ? args[stackIndex + 1] : process.env.PULUMI_STACK;
const passthrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const command = ['preview', '--refresh', '--expect-no-changes', '--diff', '--non-interactive', '--color', 'never', ...(stack ? ['--stack', stack] : []), ...passthrough];

const result = spawnSync(process.env.PULUMI_COMMAND || 'pulumi', command, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const output = `${result.stdout || ''}${result.stderr || ''}`;
if (result.error) {
  console.error(`drift-check: could not run pulumi: ${result.error.message}`);
  process.exit(2);
}
if (result.status === 0) {
  console.log('No drift: Zoom Contact Center matches the program.');
  process.exit(0);
}

/** Resource blocks of the --diff output: `~ type: (update)` then `[urn=…::name]` then field lines. */
function parseDrift(text) {
  const drifted = [];
  let current;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const header = line.match(/^\s*(\+-|-\+|[~+\-])\s*([\w:/.-]+): \((update|replace|create|delete|create-replacement|delete-replaced)\)/);
    if (header) {
      current = { op: header[3], type: header[2].split(':').pop(), name: '', fields: [] };
      drifted.push(current);
      continue;
    }
    if (!current) continue;
    const urn = line.match(/\[urn=.*::([^:\]]+)\]$/);
    if (urn) {
      current.name = urn[1];
      continue;
    }
    const field = line.match(/^\s*([~+\-])\s+(\w+)\s*:\s*(.*)$/);
    const item = line.match(/^\s*([~+\-])\s+\[(\d+)\]\s*:\s*(.*)$/);
    if (field) current.fields.push({ change: field[1], name: field[2], detail: field[3] === '[' || field[3] === '{' ? '' : field[3] });
    else if (item && current.fields.length > 0) {
      // An element of a list that changed: add it to the list's entry, e.g. userIds ("agent_007" => "agent_002").
      const last = current.fields[current.fields.length - 1];
      last.detail = [last.detail, item[1] === '-' ? `removed ${item[3]}` : item[1] === '+' ? `added ${item[3]}` : item[3]].filter(Boolean).join(', ');
    } else if (/^\s*(Resources:|Diagnostics:|--outputs:--)/.test(line)) current = undefined;
  }
  return drifted.filter((entry) => entry.type !== 'Stack');
}

const drifted = parseDrift(output);
const planned = /--expect-no-changes|no changes were expected/i.test(output) || drifted.length > 0;
if (!planned) {
  console.error('drift-check: pulumi preview failed for another reason than drift:\n');
  console.error(output);
  process.exit(2);
}
console.log(`DRIFT: ${drifted.length} resource(s) in Zoom Contact Center no longer match the program:`);
for (const entry of drifted) {
  const fields = entry.fields.length ? entry.fields.map((f) => `${f.name}${f.detail ? ` (${f.detail})` : ''}`).join('; ') : '(whole resource)';
  console.log(`  - ${entry.type} "${entry.name}" would ${entry.op}: ${fields}`);
}
console.log('\nRun `pulumi up` to restore the declared configuration, or change the program to accept the edits.');
console.log('\nFull preview:\n');
console.log(output);
process.exit(1);
