import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { ZccApiError } from './errors';
import { AdaptiveRateLimiter } from './rateLimiter';
import { continuesOperation } from './operation';
import { TokenProvider } from './tokenProvider';
import { PLAN_BUDGETS, REQUEST_DEFAULTS, type RateCategory, type ZccClientConfig } from './config';
import { cancellableSleep, cancellationSignal, isCancelled } from './cancellation';
import { classify, type Outcome } from './retryPolicy';
import { printable } from './printable';

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
  /** Largest response body to read; larger ones are abandoned unread (flow exports need more than the default). */
  maxResponseBytes?: number;
  /** The answer is a file's bytes (an asset item's file), returned as a Buffer; no schema applies. */
  binary?: true;
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

/** Retry-After is seconds, or an HTTP/ISO date for daily limits. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const FAILURE_TEXT: Record<string, string> = {
  DEADLINE: 'no complete answer within the request timeout',
  TOO_LARGE: 'the answer was larger than the client reads',
  CANCELLED: 'cancelled, because Pulumi is cancelling the operation',
};

/**
 * One HTTP attempt, bounded in time (a total deadline, not an idle timeout: a server that trickles a byte every
 * few seconds is cut off too) and in size, never following redirects (a redirect could carry the bearer token
 * to another origin), and abandoned at once when Pulumi cancels.
 */
async function sendOnce(
  http: AxiosInstance,
  request: {
    method: HttpMethod;
    path: string;
    query?: RequestOptions<unknown>['query'];
    body?: unknown;
    token: string;
    timeoutMs: number;
    maxBytes: number;
    binary?: true;
  },
): Promise<{ response?: AxiosResponse; failure?: string }> {
  const deadline = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await http.request({
      method: request.method,
      url: request.path,
      params: request.query,
      data: request.body,
      signal: AbortSignal.any([deadline, cancellationSignal()]),
      maxContentLength: request.maxBytes,
      maxRedirects: 0,
      ...(request.binary ? { responseType: 'arraybuffer' as const } : {}),
      // A FormData body (a flow import) sets its own multipart Content-Type with the boundary.
      headers:
        request.body === undefined || request.body instanceof FormData
          ? { Authorization: `Bearer ${request.token}` }
          : { Authorization: `Bearer ${request.token}`, 'Content-Type': 'application/json' },
    });
    if (response.status >= 300 && response.status < 400) return { failure: 'REDIRECT', response };
    return { response };
  } catch (error) {
    if (isCancelled()) return { failure: 'CANCELLED' };
    if (deadline.aborted) return { failure: 'DEADLINE' };
    const { code, message } = error as { code?: string; message?: string };
    if (/maxContentLength/.test(message ?? '')) return { failure: 'TOO_LARGE' };
    return { failure: code ?? 'ERR_NETWORK' };
  }
}

export class ZccHttp {
  readonly tokens: TokenProvider;
  readonly stats: RequestStats = { requests: 0, retries: 0, throttled: 0, tokenRefreshes: 0 };
  private readonly axios: AxiosInstance;

  constructor(readonly config: ZccClientConfig) {
    this.axios = axios.create({ baseURL: config.baseUrl, validateStatus: () => true, maxRedirects: 0 });
    this.tokens = new TokenProvider(config, this.axios);
  }

  request<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<T> {
    const write = method !== 'GET';
    if (write && this.config.readOnly)
      return Promise.reject(
        new ZccApiError(`${method} ${path} was not sent: this run may only read (ZCC_READ_ONLY or ZCC_REFUSE_WRITES is set).`, {
          method,
          path,
          code: 'read_only',
        }),
      );
    return serialized(write ? options.objectKey : undefined, () => this.attempts(method, path, options));
  }

  /**
   * Sends until success, a final failure, or the retry budget is spent: `maxAttempts` bounds real failures,
   * `retryBudgetMs` bounds the whole request (throttling included) from its first send, so no call spins for minutes.
   */
  private async attempts<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<T> {
    const idempotent = options.idempotent ?? method !== 'POST';
    const maxAttempts = this.config.maxAttempts ?? REQUEST_DEFAULTS.maxAttempts;
    const timeoutMs = this.config.timeoutMs ?? REQUEST_DEFAULTS.timeoutMs;
    const budgetMs = this.config.retryBudgetMs ?? REQUEST_DEFAULTS.retryBudgetMs;
    const maxBytes = options.maxResponseBytes ?? this.config.maxResponseBytes ?? REQUEST_DEFAULTS.maxResponseBytes;
    const backoff = this.config.backoffMs ?? { min: 200, max: 8_000 };
    const limiter = limiterFor(this.config, options.category);
    const cancelled = () => new ZccApiError(`${method} ${path} was not sent: ${FAILURE_TEXT.CANCELLED}.`, { method, path, code: 'CANCELLED', cancelled: true });
    let tokenRefreshed = false;
    let started: number | undefined;
    let failures = 0;
    let sent = 0;
    let lastError: ZccApiError | undefined;
    // Calls that finish work under way go first (client/operation.ts); a retry always continues.
    let urgent = continuesOperation();
    const giveUp = (error: ZccApiError, spent: number) => {
      const why = failures >= maxAttempts ? `${sent} attempts` : `${sent} attempts in ${(spent / 1000).toFixed(1)} s (zcc:retryBudget is ${budgetMs / 1000} s)`;
      return new ZccApiError(`${error.message} (gave up after ${why})`, { ...error.details, attempts: sent });
    };
    for (;;) {
      try {
        await limiter.acquire(cancellationSignal(), urgent);
      } catch {
        throw cancelled();
      }
      urgent = true;
      // The budget runs from the first send, and the token call is part of sending: it gets only what is left.
      started ??= Date.now();
      let token: string;
      try {
        token = await this.tokens.get(budgetMs - (Date.now() - started));
      } catch (error) {
        if (lastError && error instanceof ZccApiError && error.details.code === 'DEADLINE') throw giveUp(lastError, Date.now() - started);
        throw error;
      }
      const remaining = budgetMs - (Date.now() - started);
      // A long Retry-After pause (or a slow token) may have used up the budget while this request waited its turn.
      if (remaining <= 0) throw giveUp(lastError ?? this.describe(method, path, { kind: 'failure', code: 'DEADLINE' }, undefined, sent), Date.now() - started);
      if (sent > 0) this.stats.retries += 1;
      sent += 1;
      this.stats.requests += 1;
      const result = await sendOnce(this.axios, {
        method,
        path,
        query: options.query,
        body: options.body,
        token,
        timeoutMs: Math.max(1, Math.min(timeoutMs, remaining)),
        maxBytes,
        binary: options.binary,
      });
      const { response, failure } = result;
      const daily = response?.status === 429 && isDailyLimit(response);
      const outcome: Outcome = failure ? { kind: 'failure', code: failure } : { kind: 'response', status: response!.status, daily };
      const decision = classify(outcome, { idempotent, tokenRefreshed });
      if (decision === 'success') {
        limiter.onSuccess();
        if (options.binary) return Buffer.from(response!.data as ArrayBuffer) as T;
        return this.parse(method, path, response!, options.schema);
      }
      const error = this.describe(method, path, outcome, response, sent);
      lastError = error;
      if (decision === 'fail' || decision === 'fail-ambiguous') {
        if (decision === 'fail-ambiguous') error.details.ambiguous = true;
        if (outcome.kind === 'failure' && outcome.code === 'CANCELLED') error.details.cancelled = true;
        throw error;
      }
      if (decision === 'daily-limit') {
        const retryAfterMs = parseRetryAfter(response!.headers['retry-after']);
        const resetAt = retryAfterMs !== undefined ? new Date(Date.now() + retryAfterMs).toISOString() : undefined;
        throw new ZccApiError(
          `The Zoom daily API limit for this account is used up (${method} ${path}). It resets ${resetAt ? `at ${resetAt}` : 'at midnight UTC'}; run again after that. Objects created so far are recorded in state.`,
          { ...error.details, resetAt },
        );
      }
      if (decision === 'refresh-token') {
        // One re-mint per request: a second 401 means the credentials themselves are wrong.
        tokenRefreshed = true;
        this.stats.tokenRefreshes += 1;
        this.tokens.invalidate(token);
        continue;
      }
      let waitMs: number | undefined;
      if (decision === 'throttle') {
        this.stats.throttled += 1;
        const retryAfterMs = parseRetryAfter(response!.headers['retry-after']);
        limiter.onThrottle(retryAfterMs);
        // Waiting out Retry-After happens in the limiter; without it, back off a little.
        if (retryAfterMs === undefined) waitMs = jitter(backoff, Math.min(failures + 2, 6));
      } else {
        failures += 1;
        waitMs = jitter(backoff, failures);
      }
      const spent = Date.now() - started;
      if (failures >= maxAttempts || spent + (waitMs ?? 0) >= budgetMs) throw giveUp(error, spent);
      if (waitMs !== undefined) {
        try {
          await cancellableSleep(waitMs);
        } catch {
          throw cancelled();
        }
      }
    }
  }

  private parse<T>(method: HttpMethod, path: string, response: AxiosResponse, schema: z.ZodType<T> | undefined): T {
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(response.data);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ZccApiError(`${method} ${path} answered with an unexpected body: ${issues.join('; ')}`, {
      method,
      path,
      status: response.status,
      requestId: headerString(response.headers['x-zm-trackingid']),
    });
  }

  private describe(method: HttpMethod, path: string, outcome: Outcome, response: AxiosResponse | undefined, attempts: number): ZccApiError {
    if (outcome.kind === 'failure' && !response) {
      return new ZccApiError(`${method} ${path} failed: ${FAILURE_TEXT[outcome.code] ?? outcome.code}.`, { method, path, code: outcome.code, attempts });
    }
    const status = response!.status;
    const requestId = headerString(response!.headers['x-zm-trackingid']);
    if (status >= 300 && status < 400) {
      const location = headerString(response!.headers.location) ?? '(no location)';
      return new ZccApiError(
        `${method} ${path} answered HTTP ${status}, a redirect to ${withoutUserinfo(location)}. The ZCC API never redirects, so it was not followed (the bearer token must not reach another server); check zcc:baseUrl.`,
        { method, path, status, code: 'REDIRECT', requestId, attempts },
      );
    }
    const body = (response!.data ?? {}) as { code?: number; message?: string };
    const message = typeof body.message === 'string' ? body.message.slice(0, 500) : `HTTP ${status}`;
    const code = typeof body.code === 'number' || typeof body.code === 'string' ? body.code : undefined;
    return new ZccApiError(`${method} ${path} failed with HTTP ${status}${code !== undefined ? ` (code ${printable(String(code))})` : ''}: ${message}`, {
      method,
      path,
      status,
      code,
      requestId,
      attempts,
    });
  }
}

function isDailyLimit(response: AxiosResponse): boolean {
  const body = (response.data ?? {}) as { message?: unknown };
  return (
    !!headerString(response.headers['x-ratelimit-type'])?.toLowerCase().includes('daily') || (typeof body.message === 'string' && /daily/i.test(body.message))
  );
}

function headerString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function withoutUserinfo(location: string): string {
  try {
    const url = new URL(location);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return location.slice(0, 200);
  }
}

/** Full jitter on a capped exponential backoff. */
function jitter(backoff: { min: number; max: number }, attempt: number): number {
  const ceiling = Math.min(backoff.max, backoff.min * 2 ** (attempt - 1));
  return backoff.min / 2 + Math.random() * ceiling;
}
