import type { FastifyRequest } from 'fastify';
import type { RateCategory } from '../rateLimits';
import type { RequestLogBook } from '../emulatorRuntime';
import { isControl, pathOf, serverWide } from './plugin';

/** A body for the log: values under keys that name credentials are replaced, files summarized. */
export function redactedBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactedBody);
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  const file = body as { filename?: unknown; content?: unknown } | null;
  if (file && typeof file === 'object' && typeof file.filename === 'string' && Buffer.isBuffer(file.content))
    return `<file ${file.filename}, ${file.content.length} bytes>`;
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, /secret|password|token|authorization/i.test(key) ? '[redacted]' : redactedBody(value)]),
  );
}

/** The JSON answer kept by the onSend hook, parsed and redacted. */
function responseBody(request: FastifyRequest): unknown {
  const payload = request.responsePayload;
  if (typeof payload !== 'string' || payload === '') return undefined;
  try {
    return redactedBody(JSON.parse(payload));
  } catch {
    return undefined;
  }
}

const logged = new WeakSet<FastifyRequest>();

/** Logs one API request once (control calls are not logged): method, route template, query, bodies, status. */
export function recordRequest(log: RequestLogBook, request: FastifyRequest, status: number): void {
  const path = pathOf(request.url);
  if (isControl(path) || logged.has(request)) return;
  logged.add(request);
  log.add({
    method: request.method,
    path,
    query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
    body: redactedBody(request.body),
    response: responseBody(request),
    route: `${request.method} ${request.routeOptions.url ?? path}`,
    status,
    category: (request.routeOptions.config as { category?: RateCategory } | undefined)?.category,
    fault: request.fault?.action,
    at: new Date().toISOString(),
  });
}

/** The request log tests read from `GET /__emulator/requests`. */
export const requestLog = serverWide(async (app, { runtime }) => {
  app.addHook('onSend', async (request, _reply, payload) => {
    request.responsePayload = payload;
    return payload;
  });
  // The client gave up (a timeout): logged as nginx does, 499, so attempts are counted.
  app.addHook('onRequestAbort', async (request) => recordRequest(runtime.log, request, 499));
  app.addHook('onResponse', async (request, reply) => recordRequest(runtime.log, request, reply.statusCode));
});
