/**
 * What to do after one attempt of a request: a pure function of what happened, so the whole policy is one
 * table (test/unit/retryPolicy.test.ts) rather than branches spread through the transport.
 */
export type Outcome =
  | { kind: 'response'; status: number; daily?: boolean }
  /** No usable answer: `code` is Node's or axios's error code, or one of ours (DEADLINE, TOO_LARGE, CANCELLED). */
  | { kind: 'failure'; code: string };

export type Decision =
  | 'success'
  /** Send again after a backoff. */
  | 'retry'
  /** The token was refused: mint a new one and send again (once per request). */
  | 'refresh-token'
  /** Rate limited: slow down, wait out Retry-After, send again; the server did not act, so even a create may. */
  | 'throttle'
  /** The daily budget is spent: waiting minutes would not help, so fail with the reset time. */
  | 'daily-limit'
  /** Fail; the server may have acted on a write (a create must be looked up before it is sent again). */
  | 'fail-ambiguous'
  | 'fail';

// Errors that prove the request never reached the server, so even a create may be sent again.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
// Failures that sending again cannot fix.
const FINAL = new Set(['TOO_LARGE', 'CANCELLED', 'REDIRECT']);

export function classify(outcome: Outcome, request: { idempotent: boolean; tokenRefreshed: boolean }): Decision {
  if (outcome.kind === 'failure') {
    if (FINAL.has(outcome.code)) return request.idempotent || outcome.code === 'CANCELLED' ? 'fail' : 'fail-ambiguous';
    if (NOT_SENT.has(outcome.code)) return 'retry';
    return request.idempotent ? 'retry' : 'fail-ambiguous';
  }
  const { status } = outcome;
  if (status >= 200 && status < 300) return 'success';
  if (status === 401) return request.tokenRefreshed ? 'fail' : 'refresh-token';
  if (status === 429) return outcome.daily ? 'daily-limit' : 'throttle';
  if (status >= 500) return request.idempotent ? 'retry' : 'fail-ambiguous';
  return 'fail';
}
