import { EmulatorError } from '../errors';
import { serverWide, zoomError } from './plugin';

/** Every failure answers as Zoom does, `{code, message}`: route errors, fastify's own 4xx, and unknown paths. */
export const zoomErrors = serverWide(async (app) => {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof EmulatorError) return zoomError(reply, error);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) return zoomError(reply, new EmulatorError(status, 300, `Invalid request: ${(error as Error).message}`));
    return zoomError(reply, new EmulatorError(500, 500, 'Internal server error.'));
  });
  app.setNotFoundHandler((request, reply) =>
    zoomError(reply, new EmulatorError(404, 404, `No such endpoint: ${request.method} ${request.url.split('?')[0]}.`)),
  );
});
