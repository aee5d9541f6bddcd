import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server';
import { resetRuntime } from '../../provider/runtime';
import { EmulatorControl } from '../../emulator/control';

/** Calls the emulator's test-only control surface. */
export function control(emulator: Emulator, method: string, route: string, body?: unknown): Promise<any> {
  return new EmulatorControl(emulator.origin).send(method, route, body);
}

/**
 * An emulator for the surrounding describe block, with the provider's runtime pointed at it through the
 * environment (outside a Pulumi program there is no stack config), restored afterwards.
 */
export function useEmulatorEnv(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    emulator = await startEmulator(options);
    Object.assign(process.env, {
      ZOOM_ACCOUNT_ID: emulator.options.accountId,
      ZOOM_CLIENT_ID: emulator.options.clientId,
      ZOOM_CLIENT_SECRET: emulator.options.clientSecret,
      ZCC_BASE_URL: emulator.baseUrl,
    });
    resetRuntime();
  });
  afterAll(async () => {
    process.env = saved;
    resetRuntime();
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('the emulator failed to start; see beforeAll');
    return emulator;
  };
}
