import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorState } from './state';
import type { RateCategory } from './rateLimits';

export interface BehaviourSettings {
  /** Reject a second queue with the same name (409). Real ZCC may accept duplicates; tests flip this. */
  uniqueQueueNames: boolean;
  /** Answer 429 to a write that overlaps another write to the same object, as Zoom does. */
  concurrentWrite429: boolean;
}

export interface RouteContext {
  state: EmulatorState;
  behaviour: BehaviourSettings;
  accountId: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Answer the body as it is with this type (a file download) instead of JSON. */
  contentType?: string;
}

export type Handler = (request: FastifyRequest, ctx: RouteContext) => Reply | Promise<Reply>;

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Registers a ZCC route under /v2 with its rate-limit category, so every route is labelled. `route.outsideApi`
 * registers one outside /v2 (a file download at a URL an API answer gave, as Zoom serves them from its file host).
 */
export function defineRoutes(app: FastifyInstance, ctx: RouteContext) {
  const register = (prefix: string) => (method: Method, path: string, category: RateCategory, handler: Handler) => {
    app.route({
      method,
      url: `${prefix}${path}`,
      config: { category },
      handler: async (request, reply) => {
        const result = await handler(request, ctx);
        const status = result.status ?? 200;
        if (status === 204 || result.body === undefined) return reply.code(status).send();
        if (result.contentType) return reply.code(status).type(result.contentType).send(result.body);
        return reply.code(status).send(result.body);
      },
    });
  };
  return Object.assign(register('/v2'), { outsideApi: register('') });
}

export const params = (request: FastifyRequest) => request.params as Record<string, string>;
export const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
