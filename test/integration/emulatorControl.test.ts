import { useEmulatorEnv } from './emulatorEnv';
import { CONTROL_HEADER } from '../../emulator/control';

/** The control surface answers tests only: never a web page in the developer's browser. */
const emulator = useEmulatorEnv();

describe('the emulator control surface refuses what a browser page could send', () => {
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

  it('refuses a foreign Host (DNS rebinding) even with the header', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${emulator().origin}/__emulator/tokens`,
        { headers: { [CONTROL_HEADER]: '1', host: 'rebound.example:4010' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
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
