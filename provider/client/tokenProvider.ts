import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { ZccApiError } from './errors';
import type { ZccClientConfig } from './config';
import { REQUEST_DEFAULTS, oauthUrlFor } from './config';
import { cancellationSignal, isCancelled } from './cancellation';
import { printable } from './printable';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** Refresh this long before Zoom's stated expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

/** Server-to-Server OAuth (`account_credentials`) tokens: cached, minted one at a time. */
export class TokenProvider {
  private token: { value: string; expiresAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  /** Refused credentials stay refused for the process: every caller gets this one error, not a new token call. */
  private refused: ZccApiError | undefined;
  minted = 0;

  constructor(
    private readonly config: ZccClientConfig,
    private readonly http: AxiosInstance = axios.create(),
  ) {}

  /**
   * A live token. `withinMs` bounds the wait (the caller's retry budget left): a mint takes at most that long, and a
   * caller that joins a mint already under way stops waiting for it then, with the same error.
   */
  async get(withinMs?: number): Promise<string> {
    if (this.refused) throw this.refused;
    if (this.token && this.token.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return this.token.value;
    const minting = this.mint(withinMs);
    if (withinMs === undefined) return minting;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.noAnswer('no answer within the retry budget')), Math.max(0, withinMs));
    });
    try {
      return await Promise.race([minting, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets `rejected` (a token the API refused) so the next get() mints a new one; concurrent callers share it. */
  invalidate(rejected: string): void {
    if (this.token?.value === rejected) this.token = undefined;
  }

  private mint(withinMs?: number): Promise<string> {
    this.inFlight ??= this.fetchToken(withinMs).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private noAnswer(why: string): ZccApiError {
    const url = oauthUrlFor(this.config);
    return new ZccApiError(`Could not get a token from the Zoom OAuth endpoint ${url} (${why}).`, {
      method: 'POST',
      path: new URL(url).pathname,
      code: 'DEADLINE',
    });
  }

  private async fetchToken(withinMs?: number): Promise<string> {
    const url = oauthUrlFor(this.config);
    const path = new URL(url).pathname;
    const timeoutMs = Math.max(1, Math.min(this.config.timeoutMs ?? REQUEST_DEFAULTS.timeoutMs, withinMs ?? Number.POSITIVE_INFINITY));
    let response;
    try {
      response = await this.http.post(url, undefined, {
        params: { grant_type: 'account_credentials', account_id: this.config.accountId },
        auth: { username: this.config.clientId, password: this.config.clientSecret },
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), cancellationSignal()]),
        maxContentLength: 64 * 1024,
        maxRedirects: 0,
        validateStatus: () => true,
      });
    } catch (error) {
      const code = isCancelled() ? 'cancelled' : ((error as { code?: string }).code ?? 'network error');
      throw new ZccApiError(
        `Could not get a token from the Zoom OAuth endpoint ${url} (${code === 'ERR_CANCELED' ? 'no answer within the request timeout' : code}).`,
        { method: 'POST', path, code, cancelled: isCancelled() },
      );
    }
    if (response.status !== 200) {
      const reason = (response.data as { reason?: string; error?: string } | undefined)?.reason ?? `HTTP ${response.status}`;
      const [account, client, secret] = this.config.credentialSettings ?? ['zcc:accountId', 'zcc:clientId', 'zcc:clientSecret'];
      // 400/401/403 are a verdict on the credentials (Zoom answers invalid_client); 429 and 5xx may pass.
      const verdict = [400, 401, 403].includes(response.status);
      const refusal = new ZccApiError(
        `Zoom refused the Server-to-Server OAuth credentials (${printable(reason)}). Check ${account}, ${client} and ${secret}.`,
        {
          method: 'POST',
          path,
          status: response.status,
          credentialsRefused: verdict,
        },
      );
      if (verdict) this.refused = refusal;
      throw refusal;
    }
    const parsed = tokenResponse.safeParse(response.data);
    if (!parsed.success) throw new ZccApiError('The Zoom OAuth endpoint answered without an access token.', { method: 'POST', path, status: response.status });
    this.minted += 1;
    this.token = { value: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return this.token.value;
  }
}
