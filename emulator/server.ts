import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { EmulatorError } from './errors';
import { CONTROL_HEADER } from './control';
import { Faults, type FaultRule } from './faults';
import { RateLimits, type RateCategory, type RateLimitSettings, type Plan } from './rateLimits';
import { EmulatorState } from './state';
import { seed, type SeedOptions } from './seed';
import { now } from './store';
import { defineRoutes, type BehaviourSettings, type RouteContext } from './context';
import { registerQueueRoutes } from './routes/queues';
import { registerUserRoutes } from './routes/users';
import { registerOperationRoutes } from './routes/operations';
import { flowView, registerFlowRoutes } from './routes/flows';
import { parseMultipart } from './multipart';
import { registerSkillRoutes } from './routes/skills';
import { registerRoutingProfileRoutes } from './routes/routingProfiles';

export interface EmulatorOptions {
  port?: number;
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of minted tokens; Zoom's is one hour. */
  tokenTtlSeconds?: number;
  plan?: Plan;
  /** Overrides every category's per-second budget. */
  ratePerSecond?: number;
  behaviour?: Partial<BehaviourSettings>;
  logger?: boolean;
  /** The users the account starts with (count, id prefix). */
  seed?: SeedOptions;
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

export const EMULATOR_DEFAULTS = {
  port: 4010,
  accountId: 'emulator-account',
  clientId: 'emulator-client',
  clientSecret: 'emulator-secret',
} as const;

export interface Emulator {
  app: FastifyInstance;
  state: EmulatorState;
  /** Base URL of the API, ending in /v2 (what ZCC_BASE_URL takes). */
  baseUrl: string;
  origin: string;
  options: Required<Pick<EmulatorOptions, 'accountId' | 'clientId' | 'clientSecret'>>;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__emulator';

/** The JSON answer kept by the onSend hook, parsed and redacted. */
function responseBody(request: FastifyRequest): unknown {
  const payload = (request as FastifyRequest & { responsePayload?: unknown }).responsePayload;
  if (typeof payload !== 'string' || payload === '') return undefined;
  try {
    return redactedBody(JSON.parse(payload));
  } catch {
    return undefined;
  }
}

/** A request body for the log: values under keys that name credentials are replaced, files summarized. */
function redactedBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactedBody);
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  const file = body as { filename?: unknown; content?: unknown } | null;
  if (file && typeof file === 'object' && typeof file.filename === 'string' && Buffer.isBuffer(file.content)) return `<file ${file.filename}, ${file.content.length} bytes>`;
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, /secret|password|token|authorization/i.test(key) ? '[redacted]' : redactedBody(value)]));
}

function zoomError(reply: import('fastify').FastifyReply, error: EmulatorError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).send({ code: error.code, message: error.message });
}

/**
 * The control surface resets state, edits objects and hands out live tokens, with no credential, so it must be
 * reachable from tests only, not from a web page open in the developer's browser: a page can POST `text/plain`
 * to 127.0.0.1 without a preflight, but cannot add a custom header cross-origin without one (never granted
 * here), and DNS rebinding shows up as a foreign Host.
 */
function guardControl(request: FastifyRequest, reply: import('fastify').FastifyReply) {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  const origin = request.headers.origin;
  const localOrigin = (value: string) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(value);
  let why: string | undefined;
  if (request.headers[CONTROL_HEADER] !== '1') why = `requires the header ${CONTROL_HEADER}: 1`;
  else if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) why = `refuses Host ${JSON.stringify(request.headers.host ?? '')}`;
  else if (origin !== undefined && !localOrigin(origin)) why = `refuses Origin ${JSON.stringify(origin)}`;
  if (why) return reply.code(403).send({ code: 403, message: `The emulator control surface ${why}.` });
  return undefined;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accountId = options.accountId ?? EMULATOR_DEFAULTS.accountId;
  const clientId = options.clientId ?? EMULATOR_DEFAULTS.clientId;
  const clientSecret = options.clientSecret ?? EMULATOR_DEFAULTS.clientSecret;
  let tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const behaviour: BehaviourSettings = { uniqueQueueNames: true, concurrentWrite429: true, ...options.behaviour };
  const state = new EmulatorState();
  seed(state, options.seed);
  const tokens = new Map<string, number>();
  const rateLimits = new RateLimits(RateLimits.defaults(options.plan ?? 'pro', options.ratePerSecond));
  const faults = new Faults();
  let log: RequestLogEntry[] = [];
  let seq = 0;
  let tokensMinted = 0;

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  const ctx: RouteContext = { state, behaviour, accountId };

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof EmulatorError) return zoomError(reply, error);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) return zoomError(reply, new EmulatorError(status, 300, `Invalid request: ${(error as Error).message}`));
    return zoomError(reply, new EmulatorError(500, 500, 'Internal server error.'));
  });
  app.setNotFoundHandler((request, reply) => zoomError(reply, new EmulatorError(404, 404, `No such endpoint: ${request.method} ${request.url.split('?')[0]}.`)));

  const logged = new WeakSet<FastifyRequest>();
  function record(request: FastifyRequest, status: number) {
    const path = request.url.split('?')[0];
    if (path.startsWith(CONTROL_PREFIX) || logged.has(request)) return;
    logged.add(request);
    const fault = (request as FastifyRequest & { fault?: FaultRule }).fault;
    log.push({
      seq: ++seq,
      method: request.method,
      path,
      query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
      body: redactedBody(request.body),
      response: responseBody(request),
      route: `${request.method} ${request.routeOptions.url ?? path}`,
      status,
      category: (request.routeOptions.config as { category?: RateCategory } | undefined)?.category,
      fault: fault?.action,
      at: new Date().toISOString(),
    });
  }

  // Zoom answers 429 to a write that arrives while another write to the same object is still running.
  const writesInFlight = new Set<string>();
  const writeKey = (request: FastifyRequest) => {
    if (request.method === 'GET' || !request.routeOptions.url?.includes(':')) return undefined;
    return request.url.split('?')[0].replace(/\/(publish|agents|supervisors)(\/[^/]+)?$/, '');
  };
  const releaseWrite = (request: FastifyRequest) => {
    const key = (request as FastifyRequest & { writeKey?: string }).writeKey;
    if (key) writesInFlight.delete(key);
  };
  app.addHook('onResponse', async (request) => releaseWrite(request));
  app.addHook('onRequestAbort', async (request) => {
    // The client gave up (timeout): log it as nginx does, 499, so attempts are counted.
    record(request, 499);
    releaseWrite(request);
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith(CONTROL_PREFIX)) return guardControl(request, reply);
    const key = behaviour.concurrentWrite429 ? writeKey(request) : undefined;
    if (key) {
      if (writesInFlight.has(key)) {
        return zoomError(reply, new EmulatorError(429, 429, 'Another request is modifying this resource. Try again later.', { 'retry-after': '1' }));
      }
      writesInFlight.add(key);
      (request as FastifyRequest & { writeKey?: string }).writeKey = key;
    }
    const fault = faults.match(request.method, path);
    if (fault) {
      (request as FastifyRequest & { fault?: FaultRule }).fault = fault;
      if (fault.action === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
      if (fault.action === 'hang') {
        reply.hijack();
        request.raw.socket.setTimeout(0);
        await new Promise((resolve) => request.raw.socket.once('close', resolve));
        record(request, 499);
        return;
      }
      if (fault.action === 'reset') {
        request.raw.socket.destroy();
        return reply;
      }
      if (fault.action === 'respond') {
        const status = fault.status ?? 500;
        return zoomError(reply, new EmulatorError(status, fault.code ?? status, fault.message ?? 'Injected fault.', fault.headers ?? {}));
      }
    }
    if (path === '/oauth/token') return;
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const expiry = tokens.get(token);
    if (!expiry || expiry <= Date.now()) return zoomError(reply, new EmulatorError(401, 124, 'Invalid access token.'));
    const category = (request.routeOptions.config as { category?: RateCategory } | undefined)?.category;
    if (category) {
      const decision = rateLimits.take(category);
      if (!decision.allowed) return zoomError(reply, new EmulatorError(429, 429, decision.message!, decision.headers));
    }
  });

  // A committed write whose response never arrives: the ambiguous failure creates must survive.
  app.addHook('onSend', async (request, reply, payload) => {
    (request as FastifyRequest & { responsePayload?: unknown }).responsePayload = payload;
    const fault = (request as FastifyRequest & { fault?: FaultRule }).fault;
    if (fault?.action === 'drop-after-commit' && reply.statusCode < 400) {
      record(request, reply.statusCode);
      request.raw.socket.destroy();
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => record(request, reply.statusCode));

  app.post('/oauth/token', async (request, reply) => {
    const query = request.query as Record<string, string>;
    const body = (request.body ?? {}) as Record<string, string>;
    const grantType = query.grant_type ?? body.grant_type;
    const account = query.account_id ?? body.account_id;
    if (grantType !== 'account_credentials') return reply.code(400).send({ reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    const header = request.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    const separator = decoded.indexOf(':');
    if (decoded.slice(0, separator) !== clientId || decoded.slice(separator + 1) !== clientSecret) {
      return reply.code(401).send({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    if (account !== accountId) return reply.code(400).send({ reason: 'Invalid account_id', error: 'invalid_request' });
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, Date.now() + tokenTtlSeconds * 1000);
    tokensMinted += 1;
    return { access_token: token, token_type: 'bearer', expires_in: tokenTtlSeconds, scope: 'contact_center:read:admin contact_center:write:admin', api_url: `${origin()}` };
  });
  // Flow imports are multipart/form-data (10 MB files).
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 12 * 1024 * 1024 }, (request, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(request.headers['content-type'])));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Common HTTP clients send Content-Type: application/json with no body (a PUT publish); Zoom accepts it, so the
  // emulator does too. A body that sets __proto__ is refused, as fastify's own parser does.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, (key, value) => {
        if (key === '__proto__') throw new Error('The body sets __proto__.');
        return value;
      }));
    } catch (error) {
      done(Object.assign(new Error(`Invalid JSON body: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const route = defineRoutes(app, ctx);
  registerQueueRoutes(route);
  registerUserRoutes(route);
  registerOperationRoutes(route);
  registerFlowRoutes(route);
  registerSkillRoutes(route);
  registerRoutingProfileRoutes(route);

  // ---- test-only control surface ----
  app.get(`${CONTROL_PREFIX}/health`, async () => ({ ok: true }));
  app.post(`${CONTROL_PREFIX}/reset`, async () => {
    for (const table of Object.values(state.tables())) table.clear();
    state.queueAgents.clear();
    state.queueSupervisors.clear();
    state.queueAgentOptIn.clear();
    state.userSkills.clear();
    state.engagementEvents.clear();
    seed(state, options.seed);
    tokens.clear();
    faults.clear();
    rateLimits.reset();
    rateLimits.settings = RateLimits.defaults(options.plan ?? 'pro', options.ratePerSecond);
    Object.assign(behaviour, { uniqueQueueNames: true, concurrentWrite429: true, ...options.behaviour });
    tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
    log = [];
    tokensMinted = 0;
    return { ok: true };
  });
  app.get(`${CONTROL_PREFIX}/requests`, async () => {
    const byRoute: Record<string, number> = {};
    for (const entry of log) byRoute[entry.route] = (byRoute[entry.route] ?? 0) + 1;
    const writes = log.filter((e) => e.method !== 'GET' && e.path !== '/oauth/token').length;
    return { total: log.length, writes, tokensMinted, byRoute, entries: log };
  });
  app.delete(`${CONTROL_PREFIX}/requests`, async () => {
    log = [];
    tokensMinted = 0;
    return { ok: true };
  });
  app.get(`${CONTROL_PREFIX}/objects/:collection`, async (request, reply) => {
    const { collection } = request.params as Record<string, string>;
    if (collection === 'queue_agents') return Object.fromEntries(state.queueAgents);
    if (collection === 'queue_supervisors') return Object.fromEntries(state.queueSupervisors);
    if (collection === 'user_skills') return Object.fromEntries(state.userSkills);
    // Flows as the API shows them, with every version's file as text.
    if (collection === 'flows') return state.flows.all().map((flow) => ({ ...flowView(flow), versions: flow.versions.map((v) => ({ ...v, file: v.file.toString('utf8') })) }));
    const table = state.tables()[collection];
    if (!table) return reply.code(404).send({ code: 404, message: `Unknown collection ${collection}` });
    return table.all();
  });
  app.patch(`${CONTROL_PREFIX}/objects/:collection/:id`, async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    const row = state.tables()[collection]?.get(id);
    if (!row) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    Object.assign(row, request.body as object);
    // A console edit is a change like any other: it moves the modification time, as the list-backed reads expect.
    if ('last_modified_time' in row) Object.assign(row, { last_modified_time: now(), modified_by: 'console' });
    return row;
  });
  app.delete(`${CONTROL_PREFIX}/objects/:collection/:id`, async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    const table = state.tables()[collection];
    if (!table?.delete(id)) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    if (collection === 'queues') {
      state.queueAgents.delete(id);
      state.queueSupervisors.delete(id);
    }
    return { ok: true };
  });
  // Membership edited behind the provider's back, as an admin would in the console.
  app.put(`${CONTROL_PREFIX}/queue_agents/:queueId`, async (request) => {
    const { queueId } = request.params as Record<string, string>;
    state.queueAgents.set(queueId, [...(request.body as string[])]);
    return { ok: true };
  });
  app.put(`${CONTROL_PREFIX}/queue_supervisors/:queueId`, async (request) => {
    const { queueId } = request.params as Record<string, string>;
    state.queueSupervisors.set(queueId, [...(request.body as string[])]);
    return { ok: true };
  });
  app.put(`${CONTROL_PREFIX}/user_skills/:userId`, async (request) => {
    const { userId } = request.params as Record<string, string>;
    state.userSkills.set(userId, [...(request.body as Array<{ skill_id: string; user_proficiency_level?: number }>)]);
    return { ok: true };
  });

  app.post(`${CONTROL_PREFIX}/faults`, async (request) => faults.add(request.body as FaultRule));
  app.get(`${CONTROL_PREFIX}/faults`, async () => faults.list());
  app.delete(`${CONTROL_PREFIX}/faults`, async () => {
    faults.clear();
    return { ok: true };
  });
  // For secret-leak tests: every bearer token minted so far.
  app.get(`${CONTROL_PREFIX}/tokens`, async () => [...tokens.keys()]);
  app.post(`${CONTROL_PREFIX}/tokens/expire`, async () => {
    for (const token of tokens.keys()) tokens.set(token, 0);
    return { ok: true, expired: tokens.size };
  });
  app.put(`${CONTROL_PREFIX}/settings`, async (request) => {
    const body = request.body as { rateLimits?: Partial<RateLimitSettings>; behaviour?: Partial<BehaviourSettings>; tokenTtlSeconds?: number };
    if (body.rateLimits) {
      const next = { ...rateLimits.settings, ...body.rateLimits };
      if (next.dailyLimit === null) next.dailyLimit = Number.POSITIVE_INFINITY;
      rateLimits.settings = next;
      rateLimits.reset();
    }
    if (body.behaviour) Object.assign(behaviour, body.behaviour);
    if (body.tokenTtlSeconds !== undefined) tokenTtlSeconds = body.tokenTtlSeconds;
    return { rateLimits: rateLimits.settings, behaviour, tokenTtlSeconds };
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  function origin() {
    return `http://127.0.0.1:${port}`;
  }
  return {
    app,
    state,
    origin: origin(),
    baseUrl: `${origin()}/v2`,
    options: { accountId, clientId, clientSecret },
    close: () => app.close(),
  };
}
