// Parses Mermaid diagrams with Mermaid's own parser (the `mermaid` package, which needs a DOM: jsdom). Mermaid is
// ESM-only, which jest on Node 20 does not load, so tests run this file with node: it reads a JSON list of diagrams
// from the file named by its argument and prints a JSON list of { ok, type?, error? }.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
const results = [];
for (const text of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ ok: true, type: parsed.diagramType });
  } catch (error) {
    results.push({ ok: false, error: String(error.message ?? error).split('\n').slice(0, 3).join(' ') });
  }
}
process.stdout.write(JSON.stringify(results));
