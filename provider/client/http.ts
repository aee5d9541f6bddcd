import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { ZccApiError } from './errors';
import { AdaptiveRateLimiter } from './rateLimiter';
import { TokenProvider } from './tokenProvider';
import { PLAN_BUDGETS, type RateCategory, type ZccClientConfig } from './config';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions<T> {
  category: RateCategory;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** zod schema of the response body; omitted for 204 answers. */
  schema?: z.ZodType<T>;
  /**
   * Whether repeating the request is harmless. Creates (POST) are not: after an ambiguous failure the error
   * is thrown with `ambiguous: true` so the caller can look the object up before trying again.
   */
  idempotent?: boolean;
  /** Writes to one object are serialized under this key. */
  objectKey?: string;
}

export interface RequestStats {
  requests: number;
  retries: number;
  throttled: number;
  tokenRefreshes: number;
}

// Shared by every client in the provider process: Zoom's limits are per account and category.
const limiters = new Map<string, AdaptiveRateLimiter>();
const objectLocks = new Map<string, Promise<unknown>>();

function limiterFor(config: ZccClientConfig, category: RateCategory): AdaptiveRateLimiter {
  const key = `${config.baseUrl}|${config.accountId}|${category}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new AdaptiveRateLimiter(PLAN_BUDGETS[config.plan ?? 'pro'][category]);
    limiters.set(key, limiter);
  }
  return limiter;
}

async function serialized<T>(key: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!key) return run();
  const previous = objectLocks.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(run);
  objectLocks.set(key, current);
  try {
    return await current;
  } finally {
    if (objectLocks.get(key) === current) objectLocks.delete(key);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds, or an HTTP/ISO date for daily limits. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// Errors that prove the request never reached the server, so even a create may be sent again.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export class ZccHttp {
  readonly tokens: TokenProvider;
  readonly stats: RequestStats = { requests: 0, retries: 0, throttled: 0, tokenRefreshes: 0 };
  private readonly axios: AxiosInstance;

  constructor(readonly config: ZccClientConfig) {
    this.axios = axios.create({ baseURL: config.baseUrl, timeout: config.timeoutMs ?? 30_000, validateStatus: () => true });
    this.tokens = new TokenProvider(config, this.axios);
  }

  request<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<T> {
    const write = method !== 'GET';
    return serialized(write ? options.objectKey : undefined, () => this.attempt(method, path, options));
  }

  private async attempt<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<T> {
    const idempotent = options.idempotent ?? method !== 'POST';
    const maxAttempts = this.config.maxAttempts ?? 8;
    const backoff = this.config.backoffMs ?? { min: 200, max: 8_000 };
    const limiter = limiterFor(this.config, options.category);
    let refreshedToken = false;
    const started = Date.now();
    let lastError: ZccApiError | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) this.stats.retries += 1;
      await limiter.acquire();
      const token = await this.tokens.get();
      this.stats.requests += 1;
      let response: AxiosResponse;
      try {
        response = await this.axios.request({
          method,
          url: path,
          params: options.query,
          data: options.body,
          headers: options.body === undefined ? { Authorization: `Bearer ${token}` } : { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERR_NETWORK';
        const sent = !NOT_SENT.has(code);
        lastError = new ZccApiError(`${method} ${path} failed: ${code === 'ECONNABORTED' ? 'timed out' : code}.`, {
          method,
          path,
          code,
          ambiguous: sent && !idempotent,
          attempts: attempt,
        });
        if (sent && !idempotent) throw lastError;
        await sleep(jitter(backoff, attempt));
        continue;
      }
      const requestId = headerString(response.headers['x-zm-trackingid']);
      if (response.status >= 200 && response.status < 300) {
        limiter.onSuccess();
        if (!options.schema) return undefined as T;
        const parsed = options.schema.safeParse(response.data);
        if (!parsed.success) {
          throw new ZccApiError(`${method} ${path} answered with an unexpected body: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, {
            method,
            path,
            status: response.status,
            requestId,
          });
        }
        return parsed.data;
      }
      const body = (response.data ?? {}) as { code?: number; message?: string };
      const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
      lastError = new ZccApiError(`${method} ${path} failed with HTTP ${response.status}${body.code !== undefined ? ` (code ${body.code})` : ''}: ${message}`, {
        method,
        path,
        status: response.status,
        code: body.code,
        requestId,
        attempts: attempt,
      });
      if (response.status === 401 && !refreshedToken) {
        // One re-mint per request: a second 401 means the credentials themselves are wrong.
        refreshedToken = true;
        this.stats.tokenRefreshes += 1;
        this.tokens.invalidate(token);
        attempt -= 1;
        continue;
      }
      if (response.status === 429) {
        this.stats.throttled += 1;
        const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        const daily = headerString(response.headers['x-ratelimit-type'])?.toLowerCase().includes('daily') || /daily/i.test(message);
        if (daily) {
          const resetAt = retryAfterMs !== undefined ? new Date(Date.now() + retryAfterMs).toISOString() : undefined;
          throw new ZccApiError(
            `The Zoom daily API limit for this account is used up (${method} ${path}). It resets ${resetAt ? `at ${resetAt}` : 'at midnight UTC'}; run again after that. Objects created so far are recorded in state.`,
            { ...lastError.details, resetAt },
          );
        }
        limiter.onThrottle(retryAfterMs);
        // A 429 means the server did not act, so even a create may be sent again. Throttling is waited out
        // for up to throttleBudgetMs rather than counted against the attempts meant for real failures.
        if (Date.now() - started < (this.config.throttleBudgetMs ?? 300_000)) attempt -= 1;
        if (retryAfterMs === undefined) await sleep(jitter(backoff, Math.min(attempt + 1, 6)));
        continue;
      }
      if (response.status >= 500) {
        if (!idempotent) throw new ZccApiError(lastError.message, { ...lastError.details, ambiguous: true });
        await sleep(jitter(backoff, attempt));
        continue;
      }
      throw lastError;
    }
    throw new ZccApiError(`${lastError?.message ?? `${method} ${path} failed`} (gave up after ${maxAttempts} attempts)`, {
      ...(lastError?.details ?? { method, path }),
      attempts: maxAttempts,
    });
  }
}

function headerString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Full jitter on a capped exponential backoff. */
function jitter(backoff: { min: number; max: number }, attempt: number): number {
  const ceiling = Math.min(backoff.max, backoff.min * 2 ** (attempt - 1));
  return backoff.min / 2 + Math.random() * ceiling;
}
