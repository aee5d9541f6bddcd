/**
 * Zoom's official request/response shapes, parsed from ../shared/zoom-cc-official-api.md (Part 1, its
 * continuations, and Part 2). scripts/generateContract.ts writes them into contract/official-api.json, so a clone
 * without ../shared still has the contract, and `make check` fails when that copy is stale against the document.
 * Shares nothing with provider/ or emulator/: the conformance tests check both against it.
 */
export type Shape =
  | { kind: 'object'; fields: Record<string, { optional: boolean; shape: Shape }> }
  | { kind: 'array'; item: Shape }
  | { kind: 'enum'; values: Array<string | number> }
  | { kind: 'string' | 'number' | 'boolean' | 'any' | 'void' }
  | { kind: 'union'; options: Shape[] };

export interface DocumentedOperation {
  method: string;
  template: string;
  query?: Shape;
  body?: Shape;
  response?: Shape;
  /** Part 1 (configuration) or Part 2 (operational). */
  part: 1 | 2;
}

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

export function parseDocument(text: string): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
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
      query: block(/\nQuery( \(required\))?:\n/),
      body: block(/\nBody:\n/),
      response: block(/\nResponse:\n/),
      part,
    });
  }
  return operations;
}
