import type { RequestLogEntry } from './emulatorRuntime';

/**
 * The typed client of the emulator's test-only control surface (`/__emulator/*`), for tests, the demo and
 * benchmarks. Every call carries the control header the emulator requires (see plugins/controlRoutes.ts: a web page cannot
 * send it cross-origin without a CORS preflight, which the emulator never grants).
 */
export const CONTROL_HEADER = 'x-emulator-control';

export interface RequestLog {
  total: number;
  writes: number;
  tokensMinted: number;
  byRoute: Record<string, number>;
  entries: RequestLogEntry[];
}

export class EmulatorControl {
  constructor(readonly origin: string) {}

  /** Sends one control request; fails with the emulator's answer when it is not a success. */
  async send<T = any>(method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { [CONTROL_HEADER]: '1' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.origin}/__emulator${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`emulator control ${method} ${route}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  requests(): Promise<RequestLog> {
    return this.send('GET', '/requests');
  }
  clearRequests(): Promise<unknown> {
    return this.send('DELETE', '/requests');
  }
  objects<T = Record<string, any>>(collection: string): Promise<T[]> {
    return this.send('GET', `/objects/${collection}`);
  }
  queueAgents(): Promise<Record<string, string[]>> {
    return this.send('GET', '/objects/queue_agents');
  }
  reset(): Promise<unknown> {
    return this.send('POST', '/reset');
  }
}
