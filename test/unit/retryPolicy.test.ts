import { classify, type Decision, type Outcome } from '../../provider/client/retryPolicy';

// [outcome, idempotent, token already refreshed, decision]
const table: Array<[Outcome, boolean, boolean, Decision]> = [
  [{ kind: 'response', status: 200 }, true, false, 'success'],
  [{ kind: 'response', status: 201 }, false, false, 'success'],
  [{ kind: 'response', status: 204 }, true, false, 'success'],
  [{ kind: 'response', status: 400 }, true, false, 'fail'],
  [{ kind: 'response', status: 404 }, true, false, 'fail'],
  [{ kind: 'response', status: 409 }, false, false, 'fail'],
  [{ kind: 'response', status: 401 }, true, false, 'refresh-token'],
  [{ kind: 'response', status: 401 }, true, true, 'fail'],
  [{ kind: 'response', status: 429 }, false, false, 'throttle'],
  [{ kind: 'response', status: 429, daily: true }, true, false, 'daily-limit'],
  [{ kind: 'response', status: 500 }, true, false, 'retry'],
  [{ kind: 'response', status: 503 }, false, false, 'fail-ambiguous'],
  [{ kind: 'failure', code: 'ECONNREFUSED' }, false, false, 'retry'],
  [{ kind: 'failure', code: 'ENOTFOUND' }, false, false, 'retry'],
  [{ kind: 'failure', code: 'ECONNRESET' }, true, false, 'retry'],
  [{ kind: 'failure', code: 'ECONNRESET' }, false, false, 'fail-ambiguous'],
  [{ kind: 'failure', code: 'DEADLINE' }, true, false, 'retry'],
  [{ kind: 'failure', code: 'DEADLINE' }, false, false, 'fail-ambiguous'],
  [{ kind: 'failure', code: 'TOO_LARGE' }, true, false, 'fail'],
  [{ kind: 'failure', code: 'TOO_LARGE' }, false, false, 'fail-ambiguous'],
  [{ kind: 'failure', code: 'REDIRECT' }, true, false, 'fail'],
  [{ kind: 'failure', code: 'CANCELLED' }, true, false, 'fail'],
  [{ kind: 'failure', code: 'CANCELLED' }, false, false, 'fail'],
];

describe('retry policy', () => {
  it.each(table)('%j idempotent=%s refreshed=%s → %s', (outcome, idempotent, tokenRefreshed, decision) => {
    expect(classify(outcome, { idempotent, tokenRefreshed })).toBe(decision);
  });
});
