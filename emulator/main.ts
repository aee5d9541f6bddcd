import { startEmulator, EMULATOR_DEFAULTS } from './server';
import type { Plan } from './rateLimits';

/** `npm run emulator`: a ZCC emulator on 127.0.0.1 configured from the environment. */
async function main() {
  const env = process.env;
  const emulator = await startEmulator({
    port: env.ZCC_EMULATOR_PORT !== undefined ? Number(env.ZCC_EMULATOR_PORT) : EMULATOR_DEFAULTS.port,
    accountId: env.ZCC_EMULATOR_ACCOUNT_ID,
    clientId: env.ZCC_EMULATOR_CLIENT_ID,
    clientSecret: env.ZCC_EMULATOR_CLIENT_SECRET,
    plan: (env.ZCC_EMULATOR_PLAN as Plan | undefined) ?? 'pro',
    ratePerSecond: env.ZCC_EMULATOR_RATE_LIMIT ? Number(env.ZCC_EMULATOR_RATE_LIMIT) : undefined,
    tokenTtlSeconds: env.ZCC_EMULATOR_TOKEN_TTL ? Number(env.ZCC_EMULATOR_TOKEN_TTL) : undefined,
  });
  console.log(`ZCC emulator listening: ZCC_BASE_URL=${emulator.baseUrl} (account ${emulator.options.accountId}, client ${emulator.options.clientId})`);
  const stop = () => emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
