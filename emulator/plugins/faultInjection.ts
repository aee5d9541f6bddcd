import { EmulatorError } from '../errors';
import { isControl, pathOf, serverWide, zoomError } from './plugin';
import { recordRequest } from './requestLog';

/**
 * Faults tests install through the control surface (faults.ts): answer an error, delay, hang until the client
 * gives up, reset the connection before acting, or act and then drop the answer (an ambiguous write).
 */
export const faultInjection = serverWide(async (app, { runtime }) => {
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url)) return;
    const fault = runtime.faults.match(request.method, pathOf(request.url));
    if (!fault) return;
    request.fault = fault;
    if (fault.action === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    if (fault.action === 'hang') {
      reply.hijack();
      request.raw.socket.setTimeout(0);
      await new Promise((resolve) => request.raw.socket.once('close', resolve));
      recordRequest(runtime.log, request, 499);
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
  });

  // A committed write whose answer never arrives: the ambiguous failure creates must survive.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.fault?.action === 'drop-after-commit' && reply.statusCode < 400) {
      request.responsePayload = payload;
      recordRequest(runtime.log, request, reply.statusCode);
      request.raw.socket.destroy();
    }
    return payload;
  });
});
