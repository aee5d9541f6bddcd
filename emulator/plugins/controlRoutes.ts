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
    if (collection === 'queue_agents') return Object.fromEntries(state.queueAgents);
    if (collection === 'queue_supervisors') return Object.fromEntries(state.queueSupervisors);
    if (collection === 'user_skills') return Object.fromEntries(state.userSkills);
    if (collection === 'queue_operating_hours') return Object.fromEntries(state.queueOperatingHours);
    if (collection === 'queue_dispositions') return Object.fromEntries(state.queueDispositions);
    if (collection === 'queue_disposition_sets') return Object.fromEntries(state.queueDispositionSets);
    if (collection === 'inbox_queues') return Object.fromEntries(state.inboxQueues);
    if (collection === 'inbox_users') return Object.fromEntries(state.inboxUsers);
    if (collection === 'team_agents') return Object.fromEntries(state.teamAgents);
    if (collection === 'team_supervisors') return Object.fromEntries(state.teamSupervisors);
    if (collection === 'queue_teams') return Object.fromEntries(state.queueTeams);
    if (collection === 'flow_entry_points') return Object.fromEntries(state.flowEntries);
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
    if ('last_modified_time' in row) Object.assign(row, { last_modified_time: now(), modified_by: 'console' });
    return row;
  });
  app.delete('/objects/:collection/:id', async (request, reply) => {
    const { collection, id } = request.params as Record<string, string>;
    const table = state.tables()[collection];
    if (!table?.delete(id)) return reply.code(404).send({ code: 404, message: `No ${collection} row ${id}` });
    // A console deletion takes what hangs on the object with it (its entry points are free again).
    if (collection === 'flows') state.flowEntries.delete(id);
    if (collection === 'queues') {
      for (const map of [state.queueAgents, state.queueSupervisors, state.queueOperatingHours, state.queueDispositions, state.queueDispositionSets])
        map.delete(id);
    }
    return { ok: true };
  });

  // Membership and skills edited behind the provider's back, as an admin would in the console.
  // A queue's operating hours ({business_hour_id?, closure_set_id?}; {} follows the defaults) and the dispositions
  // and sets it offers (`<assign_type>:<id>` strings), set as a console admin would.
  app.put('/queue_operating_hours/:queueId', async (request) => {
    const { queueId } = request.params as Record<string, string>;
    state.queueOperatingHours.set(queueId, request.body as Record<string, string>);
    return { ok: true };
  });
  app.put('/queue_dispositions/:queueId', async (request) => {
    const { queueId } = request.params as Record<string, string>;
    state.queueDispositions.set(queueId, request.body as string[]);
    return { ok: true };
  });
  app.put('/queue_disposition_sets/:queueId', async (request) => {
    const { queueId } = request.params as Record<string, string>;
    state.queueDispositionSets.set(queueId, request.body as string[]);
    return { ok: true };
  });
  app.put('/inbox_queues/:inboxId', async (request) => {
    state.inboxQueues.set((request.params as Record<string, string>).inboxId, request.body as string[]);
    return { ok: true };
  });
  app.put('/inbox_users/:inboxId', async (request) => {
    state.inboxUsers.set((request.params as Record<string, string>).inboxId, request.body as string[]);
    return { ok: true };
  });
  app.put('/flow_entry_points/:flowId', async (request) => {
    state.flowEntries.set((request.params as Record<string, string>).flowId, request.body as Array<{ entry_id: string }>);
    return { ok: true };
  });
  for (const [route, map] of [
    ['team_agents', state.teamAgents],
    ['team_supervisors', state.teamSupervisors],
    ['queue_teams', state.queueTeams],
  ] as const)
    app.put(`/${route}/:id`, async (request) => {
      map.set((request.params as Record<string, string>).id, request.body as string[]);
      return { ok: true };
    });
  app.put('/queue_agents/:queueId', async (request) => {
    state.queueAgents.set((request.params as Record<string, string>).queueId, [...(request.body as string[])]);
    return { ok: true };
  });
  app.put('/queue_supervisors/:queueId', async (request) => {
    state.queueSupervisors.set((request.params as Record<string, string>).queueId, [...(request.body as string[])]);
    return { ok: true };
  });
  app.put('/user_skills/:userId', async (request) => {
    state.userSkills.set((request.params as Record<string, string>).userId, [
      ...(request.body as Array<{ skill_id: string; user_proficiency_level?: number }>),
    ]);
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
