import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from './officialApiDocument';

/**
 * `make contract`: writes contract/official-api.json from ../shared/zoom-cc-official-api.md (Zoom's published
 * shapes), so the repository carries the contract its tests check against. `--check` (in `make check`) fails when
 * the committed copy is stale against the document, where the document exists; a clone without ../shared (what
 * anyone who clones the public repository has) checks against the committed copy alone.
 */
const root = path.resolve(__dirname, '../..');
const documentFile = path.resolve(root, '../shared/zoom-cc-official-api.md');
const contractFile = path.join(root, 'contract/official-api.json');

function generated(text: string): string {
  const contract = {
    generatedFrom: '../shared/zoom-cc-official-api.md',
    generatedBy: 'make contract (scripts/generateContract.ts); do not edit by hand',
    sha256: createHash('sha256').update(text).digest('hex'),
    operations: parseDocument(text),
  };
  // One operation per line: a change of the document is a reviewable diff of the operations it touches.
  const { operations, ...head } = contract;
  const header = JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "operations": [\n');
  return `${header}${operations.map((op) => `    ${JSON.stringify(op)}`).join(',\n')}\n  ]\n}\n`;
}

const check = process.argv.includes('--check');
if (!existsSync(documentFile)) {
  if (!existsSync(contractFile)) {
    console.error(`contract/official-api.json is missing and ${documentFile} is not there to generate it from.`);
    process.exit(1);
  }
  console.log('contract/official-api.json: ../shared/zoom-cc-official-api.md is not beside this clone; the committed contract is used as it is.');
  process.exit(0);
}
const wanted = generated(readFileSync(documentFile, 'utf8'));
if (check) {
  const current = existsSync(contractFile) ? readFileSync(contractFile, 'utf8') : '';
  if (current !== wanted) {
    console.error('contract/official-api.json is stale against ../shared/zoom-cc-official-api.md: run `make contract`.');
    process.exit(1);
  }
  console.log('contract/official-api.json is up to date with ../shared/zoom-cc-official-api.md');
} else {
  mkdirSync(path.dirname(contractFile), { recursive: true });
  writeFileSync(contractFile, wanted);
  console.log(`wrote ${path.relative(root, contractFile)} (${(JSON.parse(wanted) as { operations: unknown[] }).operations.length} operations)`);
}
