import { ZccConfigError } from './errors';

export type RateCategory = 'light' | 'medium' | 'heavy';
export type ZoomPlan = 'pro' | 'business';

export interface ZccCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
}

export interface ZccClientConfig extends ZccCredentials {
  /** API base including /v2, e.g. https://api.zoom.us/v2 or the emulator's. */
  baseUrl: string;
  /** Token endpoint; derived from baseUrl when absent. */
  oauthUrl?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Attempts per request, first included. */
  maxAttempts?: number;
  /** Sets the starting per-second budgets of the client-side limiter. */
  plan?: ZoomPlan;
  /** Items per list page (Zoom's maximum, 300, unless a test wants many pages). */
  pageSize?: number;
  /** How long to keep waiting out 429s on one request before failing. */
  throttleBudgetMs?: number;
  /** Smallest and largest backoff between retries, before jitter. */
  backoffMs?: { min: number; max: number };
}

export const DEFAULT_BASE_URL = 'https://api.zoom.us/v2';

export const PLAN_BUDGETS: Record<ZoomPlan, Record<RateCategory, number>> = {
  pro: { light: 20, medium: 10, heavy: 5 },
  business: { light: 40, medium: 20, heavy: 10 },
};

export function oauthUrlFor(config: Pick<ZccClientConfig, 'baseUrl' | 'oauthUrl'>): string {
  if (config.oauthUrl) return config.oauthUrl;
  const url = new URL(config.baseUrl);
  if (url.hostname === 'api.zoom.us') return 'https://zoom.us/oauth/token';
  return `${url.origin}/oauth/token`;
}

type Lookup = (key: string) => string | undefined;

/**
 * Resolves settings from stack config (`zcc:*`) first, then the environment. Errors name the setting to add,
 * never a value.
 */
export function resolveClientConfig(config: Lookup, env: NodeJS.ProcessEnv = process.env): ZccClientConfig {
  const pick = (configKey: string, envKey: string) => {
    const value = config(`zcc:${configKey}`) ?? env[envKey];
    return value === undefined || value === '' ? undefined : value;
  };
  const accountId = pick('accountId', 'ZOOM_ACCOUNT_ID');
  const clientId = pick('clientId', 'ZOOM_CLIENT_ID');
  const clientSecret = pick('clientSecret', 'ZOOM_CLIENT_SECRET');
  const missing = [
    !accountId && 'zcc:accountId (or ZOOM_ACCOUNT_ID)',
    !clientId && 'zcc:clientId (or ZOOM_CLIENT_ID)',
    !clientSecret && 'zcc:clientSecret (or ZOOM_CLIENT_SECRET)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ZccConfigError(`Zoom Contact Center credentials are missing: set ${missing.join(', ')}. Use \`pulumi config set --secret zcc:clientSecret\` for the secret.`);
  }
  const baseUrl = pick('baseUrl', 'ZCC_BASE_URL') ?? DEFAULT_BASE_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new ZccConfigError(`zcc:baseUrl / ZCC_BASE_URL is not a URL: ${baseUrl}`);
  }
  const plan = pick('plan', 'ZCC_PLAN');
  if (plan !== undefined && plan !== 'pro' && plan !== 'business') throw new ZccConfigError(`zcc:plan must be "pro" or "business", got "${plan}"`);
  const timeout = pick('timeoutMs', 'ZCC_TIMEOUT_MS');
  return {
    accountId: accountId!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    oauthUrl: pick('oauthUrl', 'ZCC_OAUTH_URL'),
    plan: (plan as ZoomPlan | undefined) ?? 'pro',
    timeoutMs: timeout ? Number(timeout) : undefined,
  };
}
