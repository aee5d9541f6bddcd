import { createHash } from 'node:crypto';

/** An insertion-ordered table whose ids are deterministic for a given sequence of inserts. */
export class Table<T extends object> {
  private readonly rows = new Map<string, T>();
  private counter = 0;

  constructor(
    readonly name: string,
    private readonly idField: keyof T & string,
  ) {}

  nextId(): string {
    this.counter += 1;
    return createHash('sha1').update(`${this.name}:${this.counter}`).digest('base64url').slice(0, 22).replace(/[-_]/g, 'x');
  }

  insert(row: T): T {
    this.rows.set(String(row[this.idField]), row);
    return row;
  }

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  delete(id: string): boolean {
    return this.rows.delete(id);
  }

  all(): T[] {
    return [...this.rows.values()];
  }

  clear(): void {
    this.rows.clear();
    this.counter = 0;
  }
}

/**
 * The time of a change, strictly increasing: two changes in the same millisecond still get different
 * `last_modified_time`s, as a client that skips unchanged objects by that time must be able to rely on.
 */
let lastChange = 0;
export const now = () => {
  lastChange = Math.max(Date.now(), lastChange + 1);
  return new Date(lastChange).toISOString();
};
