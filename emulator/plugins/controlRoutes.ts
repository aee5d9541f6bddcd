import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONTROL_HEADER } from '../control';
import type { BehaviourSettings } from '../context';
import type { FaultRule } from '../faults';
import { flowView } from '../routes/flows';
import type { RateLimitSettings } from '../rateLimits';
import { now } from '../table';
import { foreignCaller } from './localOnly';
import type { PluginOptions } from './plugin';

/**
 * The control surface resets state, edits objects and hands out live tokens, with no credential, so it must be
 * reachable from tests only, not from a web page open in the developer's browser: a page can POST `text/plain`
 * to 127.0.0.1 without a preflight, but cannot add a custom header cross-origin without one (never granted
 * here), and DNS rebinding shows up as a foreign Host.
 */
async function guardControl(request: FastifyRequest, reply: FastifyReply) {
  const why = request.headers[CONTROL_HEADER] !== '1' ? `requires the header ${CONTROL_HEADER}: 1` : foreignCaller(request);
  if (why) return reply.code(403).send({ code: 403, message: `The emulator control surface ${why}.` });
  return undefined;
}

/** A flow as the API shows it, with every version's file as text. */
const flowText = (flow: Parameters<typeof flowView>[0]) => ({
  ...flowView(flow),
  versions: flow.versions.map((v) => ({ ...v, file: v.file.toString('utf8') })),
});

/** Test-only routes under /__emulator (registered with that prefix): state, edits behind the provider's back, faults, log. */
export async function controlRoutes(app: FastifyInstance, { runtime }: PluginOptions) {
  const { state, tokens, faults, rateLimits, behaviour, log } = runtime;
  app.addHook('onRequest', guardControl);

  app.get('/health', async () => ({ ok: true }));
  app.get('/routes', async () => [...runtime.routes].sort());
  app.post('/reset', async () => {
    runtime.reset();
    return { ok: true };
  });

  app.get('/requests', async () => {
    const byRoute: Record<string, number> = {};
    for (const entry of log.entries) byRoute[entry.route] = (byRoute[entry.route] ?? 0) + 1;
    const writes = log.entries.filter((e) => e.method !== 'GET' && e.path !== '/oauth/token').length;
    return { total: log.entries.length, writes, tokensMinted: log.tokensMinted, byRoute, entries: log.entries };
  });
  app.delete('/requests', async () => {
    log.clear();
    return { ok: true };
  });

  app.get('/objects/:collection', async (request, reply) => {
    const { collection } = request.params as Record<string, string>;
    const relation = state.relations()[collection];
    if (relation) return Object.fromEntries(relation.map);
    // Flows as the API shows them, with every version's file as text.
    if (collection === 'flows') return state.flows.all().map(flowText);
    const table = state.tables()[collection];
    if (!table) return reply.code(404).send({ code: 404, message: `Unknown collection ${collection}` });
    return table.all();
  });
  app.get('/objects/:collection/:id', async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    const row = state.tables()[collection]?.get(id);
    if (!row) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    if (collection === 'flows') return flowText(row as Parameters<typeof flowView>[0]);
    return row;
  });
  app.patch('/objects/:collection/:id', async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    const row = state.tables()[collection]?.get(id);
    if (!row) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    Object.assign(row, request.body as object);
    // A console edit is a change like any other: it moves the modification time, as the list-backed reads expect.
    if ('last_modified_time' in row) Object.assign(row, { last_modified_time: now(), ...('modified_by' in row ? { modified_by: 'console' } : {}) });
    return row;
  });
  app.delete('/objects/:collection/:id', async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    // A console deletion takes what hangs on the object with it (a flow's entry points are free again).
    if (!state.deleteObject(collection, id)) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    return { ok: true };
  });

  // Members, links and settings edited behind the provider's back, as an admin would in the console: any relation
  // of state.relations() by its name, the owner's id and the whole new value (a queue's agents, an inbox's queues,
  // a queue's operating hours {business_hour_id?, closure_set_id?}, its dispositions as `<assign_type>:<id>`).
  app.put('/:relation/:id', async (request, reply) => {
    const { relation, id } = request.params as Record<string, string>;
    const target = state.relations()[relation];
    if (!target) return reply.code(404).send({ code: 404, message: `Unknown relation ${relation}` });
    target.map.set(id, Array.isArray(request.body) ? [...(request.body as unknown[])] : request.body);
    return { ok: true };
  });

  app.post('/faults', async (request) => faults.add(request.body as FaultRule));
  app.get('/faults', async () => faults.list());
  app.delete('/faults', async () => {
    faults.clear();
    return { ok: true };
  });

  // For secret-leak tests: every bearer token minted so far.
  app.get('/tokens', async () => tokens.all());
  app.post('/tokens/expire', async () => ({ ok: true, expired: tokens.expireAll() }));

  app.put('/settings', async (request) => {
    const body = request.body as { rateLimits?: Partial<RateLimitSettings>; behaviour?: Partial<BehaviourSettings>; tokenTtlSeconds?: number };
    if (body.rateLimits) {
      const next = { ...rateLimits.settings, ...body.rateLimits };
      if (next.dailyLimit === null) next.dailyLimit = Number.POSITIVE_INFINITY;
      rateLimits.settings = next;
      rateLimits.reset();
    }
    if (body.behaviour) Object.assign(behaviour, body.behaviour);
    if (body.tokenTtlSeconds !== undefined) tokens.ttlSeconds = body.tokenTtlSeconds;
    return { rateLimits: rateLimits.settings, behaviour, tokenTtlSeconds: tokens.ttlSeconds };
  });
}
