import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ZccClient } from '../../provider/client/client';
import { ZccApiError } from '../../provider/client/errors';
import { cancelInFlight, resetCancellation } from '../../provider/client/cancellation';
import { queuesEndpoint } from '../../provider/specs/queueSpec';

/**
 * A server that misbehaves on purpose (node's http on 127.0.0.1): it trickles, hangs, floods, redirects. Each
 * request must end within its deadline with a clear error, read a bounded amount, and never carry the bearer
 * token to another server.
 */
interface Misbehaving {
  origin: string;
  bytesSent: number;
  requests: string[];
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function startMisbehaving(thief: string): Promise<Misbehaving> {
  const state = { bytesSent: 0, requests: [] as string[] };
  const timers = new Set<NodeJS.Timeout>();
  /** A 200 whose body never ends: a byte every 400 ms. */
  const trickle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => {
      state.bytesSent += 1;
      response.write(' ');
    }, 400);
    timers.add(timer);
    request.on('close', () => clearInterval(timer));
  };
  const { server, origin } = await listen((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    state.requests.push(`${request.method} ${path}`);
    if (path === '/slow-token/oauth/token') {
      // A token, but only after 1.5 s: time the old client did not count against the budget.
      const timer = setTimeout(() => response.end(JSON.stringify({ access_token: 'slow-token', expires_in: 3600 })), 1_500);
      timers.add(timer as unknown as NodeJS.Timeout);
      return;
    }
    if (path === '/never-token/oauth/token') return trickle(request, response);
    if (path === '/oauth/token') {
      response.setHeader('content-type', 'application/json');
      return response.end(JSON.stringify({ access_token: 'token-of-the-misbehaving-test', expires_in: 3600 }));
    }
    if (path.endsWith('/trickle')) return trickle(request, response);
    if (path.endsWith('/hang')) return; // never answers
    if (path.endsWith('/huge') || (path.endsWith('/contact_center/queues') && request.method === 'POST')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // Up to 1 GiB, as fast as the client reads it, until the client goes away.
        while (state.bytesSent < 1024 ** 3 && !response.destroyed) {
          state.bytesSent += chunk.length;
          if (!response.write(chunk)) return response.once('drain', pump);
        }
        response.end();
      };
      response.write('{"queues": [');
      return pump();
    }
    if (path.endsWith('/redirect')) {
      response.writeHead(302, { location: `${thief}/v2/steal` });
      return response.end();
    }
    response.writeHead(404).end();
  });
  return {
    origin,
    get bytesSent() {
      return state.bytesSent;
    },
    requests: state.requests,
    close: () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a misbehaving server cannot hang, flood or rob the client', () => {
  let server: Misbehaving;
  let thief: { server: http.Server; origin: string; seen: Array<{ path: string; authorization?: string }> };
  const report: string[] = [];
  const config = { retryBudgetMs: 4_000, timeoutMs: 1_000, backoffMs: { min: 20, max: 100 } };
  const client = () => new ZccClient({ accountId: 'a', clientId: 'c', clientSecret: 's', baseUrl: `${server.origin}/v2`, plan: 'business', ...config });
  const anything = z.unknown();

  beforeAll(async () => {
    const seen: Array<{ path: string; authorization?: string }> = [];
    const started = await listen((request, response) => {
      seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
      response.end('{}');
    });
    thief = { ...started, seen };
    server = await startMisbehaving(thief.origin);
  });
  afterAll(async () => {
    await server.close();
    thief.server.closeAllConnections();
    await new Promise((resolve) => thief.server.close(resolve));
    console.log(`misbehaving server:\n${report.join('\n')}`);
  });

  /** Runs one request, returning its error, the time it took and how much the process's memory grew. */
  async function attempt(run: () => Promise<unknown>): Promise<{ error: ZccApiError; seconds: number; rssGrowthMb: number }> {
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    try {
      await run();
      throw new Error('expected the request to fail');
    } catch (error) {
      if (!(error instanceof ZccApiError)) throw error;
      return { error, seconds: (Date.now() - started) / 1000, rssGrowthMb: (peak - rssBefore) / 1024 ** 2 };
    } finally {
      clearInterval(sampler);
    }
  }

  it('a server that trickles a byte at a time is cut off by the total deadline and the retry budget', async () => {
    const { error, seconds } = await attempt(() => client().http.request('GET', '/trickle', { category: 'light', schema: anything }));
    report.push(`trickle: failed after ${seconds.toFixed(1)} s (deadline 1 s per attempt, budget 4 s): ${error.message}`);
    expect(error.message).toMatch(/GET \/trickle failed: no complete answer within the request timeout.*gave up after \d+ attempts in/);
    expect(seconds).toBeLessThan(config.retryBudgetMs / 1000 + 1);
  });

  it('the retry budget bounds the whole request, the token call included: a trickling token route and API end within it', async () => {
    // Each attempt may take 2 s and the token call 2 s more: 3 s of budget must still be a bound.
    const slowConfig = {
      accountId: 'a',
      clientId: 'c',
      clientSecret: 's',
      baseUrl: `${server.origin}/v2`,
      plan: 'business' as const,
      retryBudgetMs: 3_000,
      timeoutMs: 2_000,
      backoffMs: { min: 20, max: 100 },
    };
    const slow = new ZccClient({ ...slowConfig, oauthUrl: `${server.origin}/slow-token/oauth/token` });
    const slowToken = await attempt(() => slow.http.request('GET', '/trickle', { category: 'light', schema: anything }));
    report.push(
      `token after 1.5 s, then a trickling API (timeout 2 s, budget 3 s): failed after ${slowToken.seconds.toFixed(2)} s: ${slowToken.error.message}`,
    );
    expect(slowToken.seconds).toBeLessThan(3 + 1);
    expect(slowToken.error.message).toMatch(/no complete answer within the request timeout.*gave up after 1 attempts in/);
    // A token route that trickles forever: the token call itself ends with the budget.
    const never = new ZccClient({ ...slowConfig, oauthUrl: `${server.origin}/never-token/oauth/token`, timeoutMs: 5_000 });
    const noToken = await attempt(() => never.http.request('GET', '/trickle', { category: 'light', schema: anything }));
    report.push(`trickling token route (timeout 5 s, budget 3 s): failed after ${noToken.seconds.toFixed(2)} s: ${noToken.error.message}`);
    expect(noToken.seconds).toBeLessThan(3 + 1);
    expect(noToken.error.message).toContain('Could not get a token');
    // A request whose token comes at once spends its budget on attempts: the last one is cut to what is left.
    const fast = new ZccClient(slowConfig);
    const cut = await attempt(() => fast.http.request('GET', '/trickle', { category: 'light', schema: anything }));
    report.push(`trickling API (timeout 2 s, budget 3 s): failed after ${cut.seconds.toFixed(2)} s: ${cut.error.message}`);
    expect(cut.seconds).toBeLessThan(3 + 1);
    expect(cut.seconds).toBeGreaterThan(2.5);
    expect(cut.error.message).toMatch(/gave up after 2 attempts in/);
  }, 20_000);

  it('a server that never answers fails within the retry budget', async () => {
    const { error, seconds } = await attempt(() => client().http.request('GET', '/hang', { category: 'light', schema: anything }));
    report.push(`hang: failed after ${seconds.toFixed(1)} s: ${error.message}`);
    expect(error.details.code).toBe('DEADLINE');
    expect(seconds).toBeLessThan(config.retryBudgetMs / 1000 + 1);
  });

  it('a 1 GB answer is abandoned after the size cap, read once, with bounded memory', async () => {
    const before = server.bytesSent;
    const { error, seconds, rssGrowthMb } = await attempt(() => client().http.request('GET', '/huge', { category: 'light', schema: anything }));
    const sentMb = (server.bytesSent - before) / 1024 ** 2;
    report.push(
      `huge GET: failed after ${seconds.toFixed(1)} s; server sent ${sentMb.toFixed(1)} MB before the client hung up; peak RSS growth ${rssGrowthMb.toFixed(0)} MB: ${error.message}`,
    );
    expect(error.message).toContain('the answer was larger than the client reads');
    expect(error.details.attempts).toBe(1);
    // The cap is 4 MiB; the socket buffers a few more MB before the server notices the hang-up.
    expect(sentMb).toBeLessThan(64);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('a create answered with 1 GB is not retried or re-read in a loop: it fails as ambiguous, once', async () => {
    const before = server.bytesSent;
    const { error, rssGrowthMb } = await attempt(() => client().createIn(queuesEndpoint, { queue_name: 'q', channel: 'voice' }));
    const sentMb = (server.bytesSent - before) / 1024 ** 2;
    report.push(
      `huge POST: ${error.details.attempts} attempt(s), ambiguous=${error.details.ambiguous}, server sent ${sentMb.toFixed(1)} MB, peak RSS growth ${rssGrowthMb.toFixed(0)} MB`,
    );
    expect(error.details.ambiguous).toBe(true);
    expect(error.details.attempts).toBe(1);
    expect(sentMb).toBeLessThan(64);
  });

  it('a redirect to another origin is not followed, so the token never leaves', async () => {
    const { error } = await attempt(() => client().http.request('GET', '/redirect', { category: 'light', schema: anything }));
    report.push(`redirect: ${error.message}`);
    expect(error.message).toContain(`answered HTTP 302, a redirect to ${thief.origin}/v2/steal. The ZCC API never redirects, so it was not followed`);
    expect(thief.seen).toEqual([]);
  });

  it('cancellation (Pulumi cancelling the operation) ends a hanging request at once and sends nothing after', async () => {
    const patient = new ZccClient({
      accountId: 'a',
      clientId: 'c',
      clientSecret: 's',
      baseUrl: `${server.origin}/v2`,
      plan: 'business',
      timeoutMs: 60_000,
      retryBudgetMs: 120_000,
    });
    try {
      setTimeout(() => cancelInFlight(), 300);
      const { error, seconds } = await attempt(() => patient.http.request('GET', '/hang', { category: 'light', schema: anything }));
      report.push(`cancel during a hang: failed ${seconds.toFixed(2)} s after sending (cancelled 0.3 s in): ${error.message}`);
      expect(error.details.cancelled).toBe(true);
      expect(seconds).toBeLessThan(1.5);
      const sentBefore = server.requests.length;
      const next = await attempt(() => patient.http.request('GET', '/hang', { category: 'light', schema: anything }));
      expect(next.error.message).toContain('was not sent: cancelled');
      expect(server.requests.length).toBe(sentBefore);
    } finally {
      resetCancellation();
    }
  });
});
