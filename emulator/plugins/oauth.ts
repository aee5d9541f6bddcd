import type { PluginOptions } from './plugin';
import type { FastifyInstance } from 'fastify';

/**
 * Server-to-Server OAuth: `POST /oauth/token` with `grant_type=account_credentials`, the account id, and the client
 * id and secret as HTTP Basic credentials; answers a bearer token that lives `tokenTtlSeconds` (Zoom: one hour).
 */
export async function oauth(app: FastifyInstance, { runtime }: PluginOptions) {
  const { accountId, clientId, clientSecret } = runtime.options;
  app.post('/oauth/token', async (request, reply) => {
    const query = request.query as Record<string, string>;
    const body = (request.body ?? {}) as Record<string, string>;
    const grantType = query.grant_type ?? body.grant_type;
    const account = query.account_id ?? body.account_id;
    if (grantType !== 'account_credentials') return reply.code(400).send({ reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    const header = request.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    const separator = decoded.indexOf(':');
    if (decoded.slice(0, separator) !== clientId || decoded.slice(separator + 1) !== clientSecret) {
      return reply.code(401).send({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    if (account !== accountId) return reply.code(400).send({ reason: 'Invalid account_id', error: 'invalid_request' });
    runtime.log.tokensMinted += 1;
    const origin = `http://127.0.0.1:${request.socket.localPort}`;
    return {
      access_token: runtime.tokens.mint(),
      token_type: 'bearer',
      expires_in: runtime.tokens.ttlSeconds,
      scope: 'contact_center:read:admin contact_center:write:admin',
      api_url: origin,
    };
  });
}
