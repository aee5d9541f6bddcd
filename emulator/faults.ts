/**
 * Faults the tests inject: answer with an error, stall, reset the connection before acting, or act and then
 * drop the response (the case that makes a create ambiguous).
 */
export interface FaultRule {
  id?: number;
  method?: string;
  /** A regular expression matched against the path without the query string. */
  path?: string;
  /** `hang` never answers and never acts: the request ends only when the client gives up. */
  action: 'respond' | 'delay' | 'reset' | 'drop-after-commit' | 'hang';
  status?: number;
  code?: number;
  message?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** How many matching requests the rule affects; unlimited when absent. */
  times?: number;
  /** Chance (0-1) that a matching request is affected, drawn from a seeded generator. */
  probability?: number;
  seed?: number;
  /** Stop affecting requests after this many milliseconds from installation. */
  durationMs?: number;
}

interface ActiveRule extends FaultRule {
  id: number;
  hits: number;
  installedAt: number;
  random: () => number;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): ActiveRule {
    const active: ActiveRule = { ...rule, id: this.nextId++, hits: 0, installedAt: Date.now(), random: seededRandom(rule.seed ?? 1) };
    this.rules.push(active);
    return active;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<Omit<ActiveRule, 'random'>> {
    return this.rules.map(({ random: _random, ...rest }) => rest);
  }

  /** Returns the rule that applies to this request, counting it as a hit. */
  match(method: string, path: string): FaultRule | undefined {
    const at = Date.now();
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      if (rule.durationMs !== undefined && at - rule.installedAt > rule.durationMs) continue;
      if (rule.probability !== undefined && rule.random() >= rule.probability) continue;
      rule.hits += 1;
      return rule;
    }
    return undefined;
  }
}
