import { useEmulatorEnv } from './emulatorEnv';
import { CONTROL_HEADER } from '../../emulator/control';

/** The control surface answers tests only: never a web page in the developer's browser. */
const emulator = useEmulatorEnv();

describe('the emulator refuses what a browser page could send', () => {
  const send = (route: string, init: RequestInit) => fetch(`${emulator().origin}/__emulator${route}`, init);

  it('refuses a text/plain POST to reset (no preflight needed, so a page could send it)', async () => {
    const response = await send('/reset', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toContain(`requires the header ${CONTROL_HEADER}: 1`);
  });

  it('refuses to hand out tokens without the header', async () => {
    expect((await send('/tokens', { method: 'GET' })).status).toBe(403);
  });

  it('refuses a foreign Origin even with the header', async () => {
    const response = await send('/requests', { method: 'GET', headers: { [CONTROL_HEADER]: '1', origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toContain('refuses Origin "https://evil.example"');
  });

  /** A request with a Host header of our choosing (fetch does not let a caller set Host). */
  async function withHost(method: string, url: string, host: string, headers: Record<string, string> = {}) {
    const http = await import('node:http');
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(url, { method, headers: { ...headers, host } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('refuses a foreign Host (DNS rebinding) even with the header', async () => {
    const answer = await withHost('GET', `${emulator().origin}/__emulator/tokens`, 'rebound.example:4010', { [CONTROL_HEADER]: '1' });
    expect(answer.status).toBe(403);
  });

  it('refuses a foreign Host on the API and the token route too: a rebound page gets no token and no data', async () => {
    const basic = Buffer.from('emulator-client:emulator-secret').toString('base64');
    const token = await withHost('POST', `${emulator().origin}/oauth/token?grant_type=account_credentials&account_id=emulator-account`, 'rebind.evil.example', {
      authorization: `Basic ${basic}`,
    });
    expect(token.status).toBe(403);
    expect(token.body).not.toContain('access_token');
    expect(JSON.parse(token.body).message).toContain('refuses Host "rebind.evil.example"');
    const users = await withHost('GET', `${emulator().baseUrl}/contact_center/users`, 'rebind.evil.example:4010', { authorization: 'Bearer whatever' });
    expect(users.status).toBe(403);
    // The same calls from a local Host are answered (the token route with a token, the API with 401 for a bad one).
    const local = await withHost('POST', `${emulator().origin}/oauth/token?grant_type=account_credentials&account_id=emulator-account`, 'localhost', {
      authorization: `Basic ${basic}`,
    });
    expect(local.status).toBe(200);
    expect((await withHost('GET', `${emulator().baseUrl}/contact_center/users`, '127.0.0.1', { authorization: 'Bearer whatever' })).status).toBe(401);
  });

  it('answers a local caller with the header', async () => {
    const response = await send('/requests', { method: 'GET', headers: { [CONTROL_HEADER]: '1' } });
    expect(response.status).toBe(200);
  });

  it('answers no CORS preflight, so a page cannot obtain permission to send the header', async () => {
    const response = await send('/reset', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': CONTROL_HEADER },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });
});
