import type { FastifyRequest } from 'fastify';
import { EmulatorError } from '../errors';
import { serverWide, zoomError } from './plugin';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const LOCAL_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/**
 * Why a request does not come from this machine's own programs, or undefined when it does. The emulator listens on
 * 127.0.0.1 only, but a web page open in the developer's browser can still reach it: through DNS rebinding (a
 * name of the attacker's that resolves to 127.0.0.1, which shows up as a foreign Host) or as a cross-origin request
 * (a foreign Origin). With the emulator's documented default credentials such a page could otherwise mint a token,
 * list users and create queues.
 */
export function foreignCaller(request: FastifyRequest): string | undefined {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  const origin = request.headers.origin;
  if (!LOCAL_HOSTS.includes(host)) return `refuses Host ${JSON.stringify(request.headers.host ?? '')}`;
  if (origin !== undefined && !LOCAL_ORIGIN.test(origin)) return `refuses Origin ${JSON.stringify(origin)}`;
  return undefined;
}

/** Every route, the API and the token route included, answers local callers only (403 otherwise). */
export const localOnly = serverWide(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    const why = foreignCaller(request);
    if (why) return zoomError(reply, new EmulatorError(403, 403, `The ZCC emulator answers local programs only: it ${why}.`));
    return undefined;
  });
});
