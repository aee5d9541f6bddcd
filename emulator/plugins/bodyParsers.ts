import { parseMultipart } from '../multipart';
import { serverWide } from './plugin';

/** The bodies Zoom's API takes: JSON (also empty), multipart flow imports, and the form-encoded token request. */
export const bodyParsers = serverWide(async (app) => {
  // Flow imports are multipart/form-data (10 MB files).
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 12 * 1024 * 1024 }, (request, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(request.headers['content-type'])));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Common HTTP clients send Content-Type: application/json with no body (a PUT publish); Zoom accepts it, so the
  // emulator does too. A body that sets __proto__ is refused, as fastify's own parser does.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(
        null,
        JSON.parse(text, (key, value) => {
          if (key === '__proto__') throw new Error('The body sets __proto__.');
          return value;
        }),
      );
    } catch (error) {
      done(Object.assign(new Error(`Invalid JSON body: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
});
