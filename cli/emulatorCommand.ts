import { EMULATOR_DEFAULTS, startEmulator } from '../emulator/server';
import type { Plan } from '../emulator/rateLimits';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';

export const emulatorOptions: Record<string, OptionSpec> = {
  port: {
    value: true,
    placeholder: '<port>',
    description: `Port on 127.0.0.1 (default ${EMULATOR_DEFAULTS.port}, env ZCC_EMULATOR_PORT; 0 picks a free one).`,
  },
  plan: { value: true, placeholder: '<plan>', description: 'Rate-limit plan: pro (default), business or unlimited (env ZCC_EMULATOR_PLAN).' },
  seed: {
    value: true,
    placeholder: '<seed>',
    description:
      'What the account starts with: default (60 users ada.lovelace1@example.com…, skill categories "Languages" and "Products", one published sample flow per channel, 60 past engagements) or none (env ZCC_EMULATOR_SEED).',
  },
  'rate-limit': { value: true, placeholder: '<n>', description: 'Requests per second for every category, overriding the plan (env ZCC_EMULATOR_RATE_LIMIT).' },
};

const PLANS: Plan[] = ['pro', 'business', 'unlimited'];

/**
 * `zcc-pulumi emulator`: a ZCC emulator on 127.0.0.1 until SIGINT/SIGTERM. Credentials come from
 * ZCC_EMULATOR_ACCOUNT_ID / _CLIENT_ID / _CLIENT_SECRET (defaults printed), so a program's ZOOM_* can match.
 */
export async function runEmulator(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const portText = (options.port as string | undefined) ?? env.ZCC_EMULATOR_PORT;
  const port = portText === undefined ? EMULATOR_DEFAULTS.port : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`zcc-pulumi emulator: --port must be a port number from 0 to 65535; got ${JSON.stringify(portText)}.`);
  const plan = ((options.plan as string | undefined) ?? env.ZCC_EMULATOR_PLAN ?? 'pro') as Plan;
  if (!PLANS.includes(plan)) throw new UsageError(`zcc-pulumi emulator: --plan must be one of ${PLANS.join(', ')}; got ${JSON.stringify(plan)}.`);
  const rateText = (options['rate-limit'] as string | undefined) ?? env.ZCC_EMULATOR_RATE_LIMIT;
  const ratePerSecond = rateText === undefined ? undefined : Number(rateText);
  if (ratePerSecond !== undefined && !(ratePerSecond > 0))
    throw new UsageError(`zcc-pulumi emulator: --rate-limit must be a positive number; got ${JSON.stringify(rateText)}.`);
  const seedText = (options.seed as string | undefined) ?? env.ZCC_EMULATOR_SEED ?? 'default';
  if (seedText !== 'default' && seedText !== 'none')
    throw new UsageError(`zcc-pulumi emulator: --seed must be default or none; got ${JSON.stringify(seedText)}.`);
  const emulator = await startEmulator({
    seed: { none: seedText === 'none' },
    port,
    plan,
    ratePerSecond,
    accountId: env.ZCC_EMULATOR_ACCOUNT_ID,
    clientId: env.ZCC_EMULATOR_CLIENT_ID,
    clientSecret: env.ZCC_EMULATOR_CLIENT_SECRET,
    tokenTtlSeconds: env.ZCC_EMULATOR_TOKEN_TTL ? Number(env.ZCC_EMULATOR_TOKEN_TTL) : undefined,
  });
  const { accountId, clientId } = emulator.options;
  console.log(`ZCC emulator listening: ZCC_BASE_URL=${emulator.baseUrl} (account ${accountId}, client ${clientId}, plan ${plan}, seed ${seedText})`);
  console.log(
    `Point a program at it: ZCC_BASE_URL=${emulator.baseUrl} ZOOM_ACCOUNT_ID=${accountId} ZOOM_CLIENT_ID=${clientId} ZOOM_CLIENT_SECRET=<ZCC_EMULATOR_CLIENT_SECRET, default ${EMULATOR_DEFAULTS.clientSecret}>`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}
