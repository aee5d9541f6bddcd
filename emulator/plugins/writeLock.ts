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
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url) || !runtime.behaviour.concurrentWrite429) return;
    const key = writeKeyOf(request);
    if (!key) return;
    if (writesInFlight.has(key))
      return zoomError(reply, new EmulatorError(429, 429, 'Another request is modifying this resource. Try again later.', { 'retry-after': '1' }));
    writesInFlight.add(key);
    request.writeKey = key;
    // Released when the exchange ends however it ends: answered, dropped after the commit, reset or abandoned
    // (the 'close' of the response fires in each case; onResponse does not when the socket is destroyed).
    reply.raw.once('close', () => writesInFlight.delete(key));
  });
});
