import type { FastifyRequest } from 'fastify';
import { EmulatorError } from '../errors';
import { isControl, pathOf, serverWide, zoomError } from './plugin';

/** The object a write changes: a queue for its agents and supervisors, a flow for its publish. */
function writeKeyOf(request: FastifyRequest): string | undefined {
  if (request.method === 'GET' || !request.routeOptions.url?.includes(':')) return undefined;
  return pathOf(request.url).replace(/\/(publish|agents|supervisors)(\/[^/]+)?$/, '');
}

/** Zoom answers 429 to a write that arrives while another write to the same object is still running. */
export const writeLock = serverWide(async (app, { runtime }) => {
  const writesInFlight = new Set<string>();
  const release = async (request: FastifyRequest) => {
    if (request.writeKey) writesInFlight.delete(request.writeKey);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url) || !runtime.behaviour.concurrentWrite429) return;
    const key = writeKeyOf(request);
    if (!key) return;
    if (writesInFlight.has(key))
      return zoomError(reply, new EmulatorError(429, 429, 'Another request is modifying this resource. Try again later.', { 'retry-after': '1' }));
    writesInFlight.add(key);
    request.writeKey = key;
  });
});
