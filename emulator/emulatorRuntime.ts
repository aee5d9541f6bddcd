import { randomBytes } from 'node:crypto';
import type { BehaviourSettings } from './context';
import { Faults, type FaultRule } from './faults';
import { RateLimits, type Plan, type RateCategory } from './rateLimits';
import { seed, type SeedOptions } from './seed';
import { EmulatorState } from './state';

declare module 'fastify' {
  interface FastifyRequest {
    /** The fault rule that matched this request, if any (plugins/faultInjection.ts). */
    fault?: FaultRule;
    /** The object this write holds the write lock of (plugins/writeLock.ts). */
    writeKey?: string;
    /** The answer as sent, kept for the request log (plugins/requestLog.ts). */
    responsePayload?: unknown;
  }
}

export interface RuntimeOptions {
  accountId: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  plan: Plan;
  ratePerSecond?: number;
  behaviour: Partial<BehaviourSettings>;
  seed?: SeedOptions;
}

/** Bearer tokens minted by /oauth/token, each with its expiry. */
export class TokenStore {
  private readonly expiries = new Map<string, number>();
  constructor(public ttlSeconds: number) {}

  mint(): string {
    const token = randomBytes(24).toString('base64url');
    this.expiries.set(token, Date.now() + this.ttlSeconds * 1000);
    return token;
  }
  isValid(token: string): boolean {
    const expiry = this.expiries.get(token);
    return expiry !== undefined && expiry > Date.now();
  }
  expireAll(): number {
    for (const token of this.expiries.keys()) this.expiries.set(token, 0);
    return this.expiries.size;
  }
  all(): string[] {
    return [...this.expiries.keys()];
  }
  clear(): void {
    this.expiries.clear();
  }
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** The parsed JSON (or form) body, with anything that looks like a credential redacted. */
  body?: unknown;
  /** The JSON the emulator answered with (credentials redacted), for conformance checks against the document. */
  response?: unknown;
  route: string;
  status: number;
  category?: RateCategory;
  fault?: string;
  at: string;
}

/** Every API request answered (or abandoned) since the last clear, for tests to check traffic. */
export class RequestLogBook {
  entries: RequestLogEntry[] = [];
  tokensMinted = 0;
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...entry });
  }
  clear(): void {
    this.entries = [];
    this.tokensMinted = 0;
  }
}

/** What the plugins share: the account's state and the emulator's moving parts, resettable as a whole. */
export class EmulatorRuntime {
  readonly state = new EmulatorState();
  readonly behaviour: BehaviourSettings;
  readonly tokens: TokenStore;
  readonly faults = new Faults();
  /** The API routes served, as `GET /contact_center/queues/:queueId`. */
  readonly routes = new Set<string>();
  readonly rateLimits: RateLimits;
  readonly log = new RequestLogBook();

  constructor(readonly options: RuntimeOptions) {
    this.behaviour = this.defaultBehaviour();
    this.tokens = new TokenStore(options.tokenTtlSeconds);
    this.rateLimits = new RateLimits(RateLimits.defaults(options.plan, options.ratePerSecond));
    seed(this.state, options.seed);
  }

  private defaultBehaviour(): BehaviourSettings {
    return { uniqueQueueNames: true, concurrentWrite429: true, ...this.options.behaviour };
  }

  /** Back to the state the emulator started in: seed data, default settings, no token, fault or log entry. */
  reset(): void {
    this.state.clear();
    seed(this.state, this.options.seed);
    this.tokens.clear();
    this.tokens.ttlSeconds = this.options.tokenTtlSeconds;
    this.faults.clear();
    this.rateLimits.settings = RateLimits.defaults(this.options.plan, this.options.ratePerSecond);
    this.rateLimits.reset();
    Object.assign(this.behaviour, this.defaultBehaviour());
    this.log.clear();
  }
}
