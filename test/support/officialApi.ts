import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Zoom's official request/response shapes, parsed from ../shared/zoom-cc-official-api.md, so that recorded
 * traffic can be checked against the document itself: a later correction of the document re-checks both the
 * client and the emulator. Shares nothing with provider/ or emulator/.
 */
export type Shape =
  | { kind: 'object'; fields: Record<string, { optional: boolean; shape: Shape }> }
  | { kind: 'array'; item: Shape }
  | { kind: 'enum'; values: Array<string | number> }
  | { kind: 'string' | 'number' | 'boolean' | 'any' | 'void' }
  | { kind: 'union'; options: Shape[] };

export interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  query?: Shape;
  body?: Shape;
  response?: Shape;
  /** Part 1 (configuration) or Part 2 (operational). */
  part: 1 | 2;
}

export const OFFICIAL_DOC = path.resolve(__dirname, '../../../shared/zoom-cc-official-api.md');

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}
  private skip() {
    while (this.at < this.text.length && /[\s;,]/.test(this.text[this.at])) this.at++;
  }
  private peek(word: string) {
    this.skip();
    return this.text.startsWith(word, this.at);
  }
  private take(word: string) {
    if (!this.peek(word)) throw new Error(`expected ${word} at ${this.text.slice(this.at, this.at + 40)}`);
    this.at += word.length;
  }
  type(): Shape {
    const options = [this.single()];
    while (this.peek('|')) {
      this.take('|');
      options.push(this.single());
    }
    if (options.length === 1) return options[0];
    if (options.every((o) => o.kind === 'enum')) return { kind: 'enum', values: options.flatMap((o) => (o as { values: Array<string | number> }).values) };
    return { kind: 'union', options };
  }
  private single(): Shape {
    this.skip();
    if (this.peek('{')) return this.object();
    if (this.peek('ReadonlyArray<')) {
      this.take('ReadonlyArray<');
      const item = this.type();
      this.take('>');
      return { kind: 'array', item };
    }
    if (this.peek('"')) {
      const end = this.text.indexOf('"', this.at + 1);
      const value = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      return { kind: 'enum', values: [value] };
    }
    const word = /^[A-Za-z0-9_.-]+( JSON)?/.exec(this.text.slice(this.at))![0];
    this.at += word.length;
    if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'enum', values: [Number(word)] };
    if (word === 'string' || word === 'number' || word === 'boolean' || word === 'void') return { kind: word };
    if (word === 'never') return { kind: 'void' };
    if (word === 'any JSON') return { kind: 'any' };
    throw new Error(`unknown type ${word}`);
  }
  private object(): Shape {
    this.take('{');
    const fields: Record<string, { optional: boolean; shape: Shape }> = {};
    while (!this.peek('}')) {
      const name = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.at))![0];
      this.at += name.length;
      const optional = this.text[this.at] === '?';
      if (optional) this.at++;
      this.take(':');
      fields[name] = { optional, shape: this.type() };
    }
    this.take('}');
    return { kind: 'object', fields };
  }
}

export function parseOfficialApi(file = OFFICIAL_DOC): Operation[] {
  const text = readFileSync(file, 'utf8');
  const operations: Operation[] = [];
  let part: 1 | 2 = 1;
  const sections = text.split(/\n(?=## |# Part )/);
  for (const section of sections) {
    if (section.startsWith('# Part 2')) part = 2;
    const head = /^## (GET|POST|PUT|PATCH|DELETE) (\S+)/.exec(section);
    if (!head) continue;
    const [, method, template] = head;
    const block = (label: RegExp): Shape | undefined => {
      const match = label.exec(section);
      if (!match) return undefined;
      const rest = section.slice(match.index + match[0].length);
      return new Parser(rest).type();
    };
    operations.push({
      method,
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      query: block(/\nQuery( \(required\))?:\n/),
      body: block(/\nBody:\n/),
      response: block(/\nResponse:\n/),
      part,
    });
  }
  return operations;
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
