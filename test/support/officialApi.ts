import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, type DocumentedOperation, type Shape } from '../../scripts/officialApiDocument';

/**
 * Zoom's official request/response shapes, from contract/official-api.json (generated from
 * ../shared/zoom-cc-official-api.md by `make contract`; `make check` fails when it is stale), so that recorded
 * traffic is checked against the document itself, also in a clone without ../shared.
 */
export type { Shape };

export interface Operation extends DocumentedOperation {
  pattern: RegExp;
}

export const CONTRACT_FILE = path.resolve(__dirname, '../../contract/official-api.json');

const withPattern = (op: DocumentedOperation): Operation => ({ ...op, pattern: new RegExp(`^${op.template.replace(/\{[^}]+\}/g, '[^/]+')}$`) });

/** The documented operations: from the committed contract, or from a document's text when one is given. */
export function parseOfficialApi(documentFile?: string): Operation[] {
  if (documentFile) return parseDocument(readFileSync(documentFile, 'utf8')).map(withPattern);
  const contract = JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as { operations: DocumentedOperation[] };
  return contract.operations.map(withPattern);
}

/** The operation a request is, by method and path (without /v2), or undefined when the document has none. */
export function operationFor(operations: Operation[], method: string, apiPath: string): Operation | undefined {
  // A literal segment wins over a parameter (`/skills/categories` is not `/skills/{skillId}`).
  const matches = operations.filter((op) => op.method === method && op.pattern.test(apiPath));
  return matches.sort((a, b) => (b.template.match(/\{/g)?.length ?? 0) - (a.template.match(/\{/g)?.length ?? 0)).pop();
}

/** Where `value` departs from `shape`: unknown fields, wrong types, values outside an enum, missing required fields. */
export function mismatches(value: unknown, shape: Shape, at: string, options: { requireRequired: boolean }): string[] {
  switch (shape.kind) {
    case 'any':
      return [];
    case 'void':
      return value === undefined || value === null || value === '' ? [] : [`${at}: expected no body`];
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === shape.kind ? [] : [`${at}: expected ${shape.kind}, got ${JSON.stringify(value)}`];
    case 'enum':
      // The document's intro keeps an oddity: `status_name` lists the built-in names (and "string") as an enum,
      // while a custom status (a not-ready reason) has its own name. Any text passes there; nowhere else.
      if (/\.status_name$/.test(at) && typeof value === 'string') return [];
      return shape.values.includes(value as string | number)
        ? []
        : [`${at}: ${JSON.stringify(value)} is not one of ${shape.values.map((v) => JSON.stringify(v)).join(', ')}`];
    case 'union':
      return shape.options.some((option) => mismatches(value, option, at, options).length === 0)
        ? []
        : [`${at}: ${JSON.stringify(value)} matches none of the allowed types`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return value.flatMap((item, index) => mismatches(item, shape.item, `${at}[${index}]`, options));
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      const out: string[] = [];
      for (const [key, item] of Object.entries(value)) {
        const field = shape.fields[key];
        if (!field) out.push(`${at}.${key}: not in the document`);
        else if (item !== undefined) out.push(...mismatches(item, field.shape, `${at}.${key}`, options));
      }
      if (options.requireRequired) {
        for (const [key, field] of Object.entries(shape.fields))
          if (!field.optional && (value as Record<string, unknown>)[key] === undefined) out.push(`${at}.${key}: required, missing`);
      }
      return out;
    }
  }
}

/** Query strings carry text: coerce each value to the documented type before comparing. */
export function queryObject(raw: string, shape: Shape | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = shape?.kind === 'object' ? shape.fields : {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const field = fields[key]?.shape;
    if (field?.kind === 'array') out[key] = value.split(',');
    else if (field?.kind === 'number' || (field?.kind === 'enum' && typeof field.values[0] === 'number')) out[key] = Number(value);
    else if (field?.kind === 'boolean') out[key] = value === 'true';
    else out[key] = value;
  }
  return out;
}
