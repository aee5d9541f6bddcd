/**
 * What one provider process learns while it serves one Pulumi operation (a preview, an up, a refresh): listings
 * taken, objects created or adopted, declarations seen at check, write stamps, objects replaced. Pulumi runs one
 * provider process per operation, so that is one run; this object holds every part of it, instead of module
 * globals, and `newRun()` starts from nothing (tests, which play many runs in one process, and nothing else).
 * Each module names its part and how to make it; what is derived from the specs alone (a kind's store) is not run
 * state and stays with its module.
 */
export class Run {
  private readonly parts = new Map<string, unknown>();

  part<T>(name: string, make: () => T): T {
    if (!this.parts.has(name)) this.parts.set(name, make());
    return this.parts.get(name) as T;
  }

  /** Drops one part: the next use makes it anew. */
  forget(name: string): void {
    this.parts.delete(name);
  }
}

let current = new Run();

export function currentRun(): Run {
  return current;
}

export function newRun(): Run {
  current = new Run();
  return current;
}
