import { ZccClient } from './client/client';
import { SETTINGS, resolveClientConfig } from './client/config';

/**
 * Module-level state of the provider process. Every dynamic resource of a stack runs in one process and
 * `require`s this module, so they share one client: one token, one set of rate limiters.
 */
const stackConfig = new Map<string, string>();
let client: ZccClient | undefined;
let clientKey = '';

const CONFIG_KEYS = SETTINGS.map((setting) => setting.key);

/** Called from the provider's `configure` with the stack's config (`zcc:*`). */
export function configureFromStack(get: (key: string) => string | undefined): void {
  for (const key of CONFIG_KEYS) {
    const value = get(`zcc:${key}`);
    if (value !== undefined) stackConfig.set(`zcc:${key}`, value);
  }
}

export function getClient(): ZccClient {
  const config = resolveClientConfig((key) => stackConfig.get(key));
  const key = JSON.stringify([
    config.baseUrl,
    config.accountId,
    config.clientId,
    config.clientSecret,
    config.plan,
    config.timeoutMs,
    config.retryBudgetMs,
    config.exactReads,
    config.readOnly,
  ]);
  if (!client || key !== clientKey) {
    client = new ZccClient(config);
    clientKey = key;
  }
  return client;
}

/** Known secrets, so messages can be scrubbed of them. */
export function knownSecrets(): string[] {
  return [stackConfig.get('zcc:clientSecret'), process.env.ZOOM_CLIENT_SECRET].filter((v): v is string => !!v);
}

/** For tests: forget configuration and the cached client. */
export function resetRuntime(): void {
  stackConfig.clear();
  client = undefined;
  clientKey = '';
}
