import { ZccConfigError } from './errors';
import { shown } from './printable';

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
  /** Deadline of one attempt, from sending to the last byte of the answer (not an idle timeout). */
  timeoutMs?: number;
  /** Deadline of one request over all its attempts and throttling waits, from its first send. */
  retryBudgetMs?: number;
  /** Largest response body read (flow exports ask for more per request). */
  maxResponseBytes?: number;
  /** Attempts per request, first included. */
  maxAttempts?: number;
  /** Sets the starting per-second budgets of the client-side limiter. */
  plan?: ZoomPlan;
  /** Items per list page (Zoom's maximum, 300, unless a test wants many pages). */
  pageSize?: number;
  /** Smallest and largest backoff between retries, before jitter. */
  backoffMs?: { min: number; max: number };
  /**
   * Refresh reads every object with its own GET instead of answering from list endpoints and skipping objects
   * whose `last_modified_time` did not move (for accounts whose timestamps cannot be trusted).
   */
  exactReads?: boolean;
  /** Where the credentials were set, for messages: `zcc:accountId` from stack config, `ZOOM_ACCOUNT_ID` from the environment. */
  credentialSettings?: string[];
  /** ZCC_READ_ONLY or ZCC_REFUSE_WRITES: every request but a GET (and the token call) is refused before it is sent. */
  readOnly?: boolean;
}

/**
 * ZCC_READ_ONLY=true, for CI jobs that must only read (a pull request's preview, nightly drift). It is read from the
 * environment only, never from stack config, which the code under review could change. In such a job the
 * credentials must come from ZOOM_* (a read-only app): credentials held in the stack's config are the deploy
 * credentials, and are refused rather than used.
 */
export const READ_ONLY_ENV = 'ZCC_READ_ONLY';

/**
 * ZCC_REFUSE_WRITES=true: every request but a GET (and the token call) is refused before it is sent, whatever the
 * credentials. `zcc-pulumi adopt` sets it for the up that records an exported account in a stack, so that up can
 * only read. Environment only, like ZCC_READ_ONLY, which implies it.
 */
export const REFUSE_WRITES_ENV = 'ZCC_REFUSE_WRITES';

export const DEFAULT_BASE_URL = 'https://api.zoom.us/v2';

/** One setting the runtime reads: stack config `zcc:<key>`, else the environment variable `env`. */
export interface Setting {
  key: string;
  env: string;
  type: 'string' | 'number' | 'boolean';
  secret?: boolean;
  /** Still read, for stacks configured before its replacement; left out of schema.json and the README. */
  legacy?: boolean;
  description: string;
}

/**
 * Every setting the provider reads, in one place: resolveClientConfig reads them, the runtime copies them from the
 * stack config, schema.json's `config` block and the README's table are checked against this list.
 */
export const SETTINGS: readonly Setting[] = [
  { key: 'accountId', env: 'ZOOM_ACCOUNT_ID', type: 'string', description: "The Server-to-Server OAuth app's Zoom account id." },
  { key: 'clientId', env: 'ZOOM_CLIENT_ID', type: 'string', description: 'Client id of the Server-to-Server OAuth app.' },
  {
    key: 'clientSecret',
    env: 'ZOOM_CLIENT_SECRET',
    type: 'string',
    secret: true,
    description: 'Client secret of the app; set it with `pulumi config set --secret`. Never written to state, logs or errors.',
  },
  {
    key: 'baseUrl',
    env: 'ZCC_BASE_URL',
    type: 'string',
    description: `API base URL including /v2; default ${DEFAULT_BASE_URL}. http(s) only, no user:password@.`,
  },
  {
    key: 'oauthUrl',
    env: 'ZCC_OAUTH_URL',
    type: 'string',
    description: 'Token endpoint; default https://zoom.us/oauth/token for api.zoom.us, else <origin of baseUrl>/oauth/token.',
  },
  { key: 'plan', env: 'ZCC_PLAN', type: 'string', description: 'Zoom plan whose rate limits the client starts from: `pro` (default) or `business`.' },
  {
    key: 'requestTimeout',
    env: 'ZCC_REQUEST_TIMEOUT',
    type: 'number',
    description: 'Seconds one attempt may take from sending to the last byte of the answer (default 30).',
  },
  { key: 'timeoutMs', env: 'ZCC_TIMEOUT_MS', type: 'number', legacy: true, description: 'Milliseconds per attempt; replaced by requestTimeout.' },
  {
    key: 'retryBudget',
    env: 'ZCC_RETRY_BUDGET',
    type: 'number',
    description: 'Seconds one request may take over all its retries and 429 waits, from its first send (default 120).',
  },
  {
    key: 'exactReads',
    env: 'ZCC_EXACT_READS',
    type: 'boolean',
    description: '`true`: refresh reads every object with its own GET instead of list-backed reads.',
  },
];

function settingNamed(key: string): Setting {
  const setting = SETTINGS.find((candidate) => candidate.key === key);
  if (!setting) throw new Error(`internal: no setting zcc:${key} in SETTINGS`);
  return setting;
}

export const REQUEST_DEFAULTS = {
  timeoutMs: 30_000,
  retryBudgetMs: 120_000,
  maxAttempts: 8,
  /** Zoom's list pages (300 items) are well under 1 MB; 4 MiB leaves room without letting a server flood us. */
  maxResponseBytes: 4 * 1024 * 1024,
};

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
  const pick = (configKey: string) => {
    const value = config(`zcc:${configKey}`) ?? env[settingNamed(configKey).env];
    return value === undefined || value === '' ? undefined : value;
  };
  const settingOf = (configKey: string) => (config(`zcc:${configKey}`) ? `zcc:${configKey}` : settingNamed(configKey).env);
  const readOnlyText = env[READ_ONLY_ENV];
  if (readOnlyText !== undefined && readOnlyText !== '' && !['true', 'false', '1', '0'].includes(readOnlyText))
    throw new ZccConfigError(`${READ_ONLY_ENV} must be true or false, got ${shown(readOnlyText)}.`);
  const readOnly = readOnlyText === 'true' || readOnlyText === '1';
  const refuseWrites = readOnly || env[REFUSE_WRITES_ENV] === 'true' || env[REFUSE_WRITES_ENV] === '1';
  const fromStack = ['accountId', 'clientId', 'clientSecret'].filter((key) => config(`zcc:${key}`)).map((key) => `zcc:${key}`);
  if (readOnly && fromStack.length > 0)
    throw new ZccConfigError(
      `${READ_ONLY_ENV} is set, but the stack's config holds ${fromStack.join(', ')}: those are the deploy credentials, and this job may only read. Give it a read-only app's ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and keep the stack's credentials out of its reach (docs: examples/github-workflows/README.md).`,
    );
  const accountId = pick('accountId');
  const clientId = pick('clientId');
  const clientSecret = pick('clientSecret');
  const missing = [
    !accountId && 'zcc:accountId (or ZOOM_ACCOUNT_ID)',
    !clientId && 'zcc:clientId (or ZOOM_CLIENT_ID)',
    !clientSecret && 'zcc:clientSecret (or ZOOM_CLIENT_SECRET)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ZccConfigError(
      `Zoom Contact Center credentials are missing: set ${missing.join(', ')}. Use \`pulumi config set --secret zcc:clientSecret\` for the secret.`,
    );
  }
  const baseUrl = checkedUrl('zcc:baseUrl / ZCC_BASE_URL', pick('baseUrl') ?? DEFAULT_BASE_URL);
  const oauthUrl = pick('oauthUrl');
  if (oauthUrl !== undefined) checkedUrl('zcc:oauthUrl / ZCC_OAUTH_URL', oauthUrl);
  const plan = pick('plan');
  if (plan !== undefined && plan !== 'pro' && plan !== 'business') throw new ZccConfigError(`zcc:plan must be "pro" or "business", got ${shown(plan)}.`);
  const requestTimeout = seconds('zcc:requestTimeout / ZCC_REQUEST_TIMEOUT', pick('requestTimeout'), 0.1, 600);
  const legacyTimeoutMs = seconds('zcc:timeoutMs / ZCC_TIMEOUT_MS', pick('timeoutMs'), 100, 600_000);
  const retryBudget = seconds('zcc:retryBudget / ZCC_RETRY_BUDGET', pick('retryBudget'), 1, 3600);
  const exactReads = pick('exactReads');
  if (exactReads !== undefined && !['true', 'false', '1', '0'].includes(exactReads))
    throw new ZccConfigError(`zcc:exactReads / ZCC_EXACT_READS must be true or false, got ${shown(exactReads)}.`);
  return {
    accountId: accountId!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    oauthUrl,
    plan: (plan as ZoomPlan | undefined) ?? 'pro',
    timeoutMs: requestTimeout !== undefined ? requestTimeout * 1000 : legacyTimeoutMs,
    retryBudgetMs: retryBudget !== undefined ? retryBudget * 1000 : undefined,
    exactReads: exactReads === 'true' || exactReads === '1',
    credentialSettings: [settingOf('accountId'), settingOf('clientId'), settingOf('clientSecret')],
    readOnly: refuseWrites,
  };
}

/** A number of seconds (or milliseconds, for the legacy key) within bounds, or undefined when not set. */
function seconds(setting: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max)
    throw new ZccConfigError(`${setting} must be a number from ${min} to ${max}, got ${shown(value)}.`);
  return number;
}

/**
 * An http(s) URL without a user name or password: userinfo would be printed in errors, stored in state and sent
 * as Basic auth instead of the bearer token. The message never repeats the password.
 */
function checkedUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ZccConfigError(`${setting} is not a URL: ${shown(value.replace(/\/\/[^/@]*@/, '//***@'))}.`);
  }
  if (url.username || url.password) {
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
    throw new ZccConfigError(
      `${setting} must not contain a user name or password (got ${shown(url.toString())}). Credentials go in zcc:clientId and zcc:clientSecret.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ZccConfigError(`${setting} must be an http or https URL, got ${shown(url.protocol)}.`);
  return value;
}
