import { EmulatorError } from '../errors';
import type { RateCategory } from '../rateLimits';
import { isControl, pathOf, serverWide, zoomError } from './plugin';

/**
 * Every API call needs a live bearer token (401, code 124, otherwise) and spends its route's rate-limit category
 * (429 with Retry-After, or the daily limit's headers, when the budget is spent).
 */
export const authAndRateLimit = serverWide(async (app, { runtime }) => {
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (isControl(path) || path === '/oauth/token') return;
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!runtime.tokens.isValid(token)) return zoomError(reply, new EmulatorError(401, 124, 'Invalid access token.'));
    const category = (request.routeOptions.config as { category?: RateCategory } | undefined)?.category;
    if (!category) return;
    const decision = runtime.rateLimits.take(category);
    if (!decision.allowed) return zoomError(reply, new EmulatorError(429, 429, decision.message!, decision.headers));
  });
});
