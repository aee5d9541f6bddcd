import { AdaptiveRateLimiter } from '../../provider/client/rateLimiter';
import { continuesOperation, inOperation } from '../../provider/client/operation';
import { parseRetryAfter } from '../../provider/client/http';
import { redact } from '../../provider/client/errors';
import { oauthUrlFor, resolveClientConfig } from '../../provider/client/config';

describe('client building blocks', () => {
  it('parses Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('2030-01-01T00:00:10Z', Date.parse('2030-01-01T00:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('halves its rate on a 429 and recovers gradually', () => {
    const limiter = new AdaptiveRateLimiter(20);
    expect(limiter.currentRate).toBe(18);
    limiter.onThrottle();
    expect(limiter.currentRate).toBe(9);
    limiter.onSuccess();
    expect(limiter.currentRate).toBeGreaterThan(9);
    expect(limiter.currentRate).toBeLessThan(10);
  });

  it('recovers multiplicatively once 429s have stopped for a second', () => {
    const now = jest.spyOn(Date, 'now');
    now.mockReturnValue(1_000_000);
    const limiter = new AdaptiveRateLimiter(20);
    for (let i = 0; i < 6; i++) limiter.onThrottle();
    expect(limiter.currentRate).toBe(2); // the floor: a tenth of the budget
    limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(2.4); // still inside the second after the last 429: additive
    now.mockReturnValue(1_002_000);
    limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(3.6);
    for (let i = 0; i < 20; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBeGreaterThan(10);
    now.mockRestore();
  });

  it('spaces calls evenly, and time spent idle earns no burst that could cross a per-second window', async () => {
    const limiter = new AdaptiveRateLimiter(20);
    for (let i = 0; i < 5; i++) limiter.onSuccess(); // at the budget: 20/s, 50 ms apart
    const times: number[] = [];
    const take = (n: number) => Promise.all(Array.from({ length: n }, () => limiter.acquire().then(() => times.push(Date.now()))));
    await take(10);
    await new Promise((resolve) => setTimeout(resolve, 600)); // idle long enough to have saved up 12 calls
    const afterIdle = times.length;
    await take(30);
    const gaps = times.slice(afterIdle + 1).map((t, i) => t - times[afterIdle + i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20); // never two at once (≥ 25 ms less timer rounding)
    // No window of one second holds more than the budget (a saved-up burst would put 12 more into the first one).
    const busiest = Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(21);
  });

  it('serves calls that continue an operation before calls that would start new ones', async () => {
    const limiter = new AdaptiveRateLimiter(100);
    const order: string[] = [];
    const take = (name: string, urgent = false) => limiter.acquire(undefined, urgent).then(() => order.push(name));
    await Promise.all([take('new 1'), take('new 2'), take('new 3'), take('continues 1', true), take('continues 2', true)]);
    // The first went at once; the rest waited, and the continuations jumped the queue in their own order.
    expect(order).toEqual(['new 1', 'continues 1', 'continues 2', 'new 2', 'new 3']);
  });

  it('counts the calls of one operation: the first starts it, the others continue it', async () => {
    expect(continuesOperation()).toBe(false); // outside any operation
    const seen = await inOperation(async () => [continuesOperation(), await Promise.resolve().then(continuesOperation), continuesOperation()]);
    expect(seen).toEqual([false, true, true]);
    expect(await inOperation(async () => continuesOperation())).toBe(false);
  });

  it('redacts bearer tokens, basic credentials and known secrets', () => {
    const text = 'Authorization: Bearer abc.def-123 and Basic Zm9vOmJhcg== {"client_secret":"s3cr3t"} my-known-secret';
    const out = redact(text, ['my-known-secret']);
    expect(out).not.toMatch(/abc\.def-123|Zm9vOmJhcg==|s3cr3t|my-known-secret/);
  });

  it('in a read-only job (ZCC_READ_ONLY) takes credentials from ZOOM_* only, refusing the stack-held deploy credentials', () => {
    const env = { ZCC_READ_ONLY: 'true', ZOOM_ACCOUNT_ID: 'acc', ZOOM_CLIENT_ID: 'reader', ZOOM_CLIENT_SECRET: 'read-only-secret' };
    expect(resolveClientConfig(() => undefined, env)).toMatchObject({ clientId: 'reader', readOnly: true });
    const stackHeld = (key: string) => ({ 'zcc:clientSecret': 'deploy-secret' })[key];
    expect(() => resolveClientConfig(stackHeld, env)).toThrow(
      /^ZCC_READ_ONLY is set, but the stack's config holds zcc:clientSecret: those are the deploy credentials/,
    );
    expect(() => resolveClientConfig(stackHeld, env)).not.toThrow(/deploy-secret/);
    expect(resolveClientConfig(stackHeld, { ...env, ZCC_READ_ONLY: 'false' })).toMatchObject({ clientSecret: 'deploy-secret', readOnly: false });
    expect(() => resolveClientConfig(() => undefined, { ...env, ZCC_READ_ONLY: 'yes' })).toThrow('ZCC_READ_ONLY must be true or false, got "yes".');
  });

  it('resolves config from stack config before env, and names what is missing without values', () => {
    const config = resolveClientConfig((key) => ({ 'zcc:accountId': 'acc', 'zcc:clientId': 'cid' })[key], {
      ZOOM_CLIENT_SECRET: 'from-env',
      ZOOM_CLIENT_ID: 'ignored',
    });
    expect(config).toMatchObject({ accountId: 'acc', clientId: 'cid', clientSecret: 'from-env', baseUrl: 'https://api.zoom.us/v2' });
    expect(() => resolveClientConfig(() => undefined, {})).toThrow(/zcc:accountId \(or ZOOM_ACCOUNT_ID\).*zcc:clientSecret/);
    expect(oauthUrlFor({ baseUrl: 'https://api.zoom.us/v2' })).toBe('https://zoom.us/oauth/token');
    expect(oauthUrlFor({ baseUrl: 'http://127.0.0.1:4010/v2' })).toBe('http://127.0.0.1:4010/oauth/token');
  });
});
