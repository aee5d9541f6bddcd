import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server';
import { resetRuntime } from '../../provider/runtime';
import { EmulatorControl } from '../../emulator/control';
import { check } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';

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

/** What every provider input carries in a real program: the dynamic provider's reference (here a stub). */
export const STUB = { __provider: 'stub' };

/**
 * The setup engine tests share: an emulator for the file (useEmulatorEnv, unlimited plan unless told), each test
 * starting from a reset account with no listings remembered and an empty request log; `checked` runs check and
 * fails the test on a failure.
 */
export function useEngineTest(options: EmulatorOptions = { plan: 'unlimited' }) {
  const emulator = useEmulatorEnv(options);
  const send = (method: string, route: string, body?: unknown) => control(emulator(), method, route, body);
  beforeEach(async () => {
    forgetAllListings();
    await send('POST', '/reset');
    await send('DELETE', '/requests');
  });
  const checked = async (kind: string, inputs: Record<string, unknown>) => {
    const result = await check(kind, {}, { ...inputs, ...STUB });
    expect(result.failures).toBeUndefined();
    return result.inputs!;
  };
  return { emulator, control: send, stub: STUB, checked };
}
