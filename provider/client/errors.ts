import { printable } from './printable';

/**
 * An error answered by the ZCC API (or the failure to get an answer), safe to show: it never carries headers or
 * tokens, and control characters of server text or ids are escaped.
 */
export class ZccApiError extends Error {
  override readonly name = 'ZccApiError';
  constructor(
    message: string,
    readonly details: {
      status?: number;
      code?: number | string;
      method: string;
      path: string;
      requestId?: string;
      /** True when a write may or may not have been applied (timeout, reset after send, 5xx). */
      ambiguous?: boolean;
      /** When a daily limit resets, for 429s that must not be waited out. */
      resetAt?: string;
      attempts?: number;
      /** The request was not sent, or was abandoned, because Pulumi is cancelling the operation. */
      cancelled?: boolean;
      /** Zoom's OAuth endpoint refused the credentials: every call of the process fails the same way. */
      credentialsRefused?: boolean;
    },
  ) {
    super(printable(message));
  }
  get status() {
    return this.details.status;
  }
  get code() {
    return this.details.code;
  }
  get method() {
    return this.details.method;
  }
  get path() {
    return this.details.path;
  }
  get requestId() {
    return this.details.requestId;
  }
  get isNotFound() {
    return this.details.status === 404;
  }
  get isConflict() {
    return this.details.status === 409;
  }
  /** A write that may or may not have been applied: a create must be looked up before it is sent again. */
  get isAmbiguous() {
    return this.details.ambiguous === true;
  }
}

/** Predicates for callers, so nobody compares raw status codes. */
export const isNotFound = (error: unknown): boolean => error instanceof ZccApiError && error.isNotFound;
export const isConflict = (error: unknown): boolean => error instanceof ZccApiError && error.isConflict;
/** The credentials were refused: one cause for every failing call, to be reported once. */
export function isCredentialsRefusal(error: unknown): error is ZccApiError {
  return error instanceof ZccApiError && error.details.credentialsRefused === true;
}

export const isAmbiguous = (error: unknown): boolean => error instanceof ZccApiError && error.isAmbiguous;

/** The result of `run`, or undefined when the API answers 404 (the object is gone). */
export async function unlessNotFound<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** An id that cannot be one literal path segment: refused before any request is sent. */
export class ZccPathError extends Error {
  override readonly name = 'ZccPathError';
}

/** Missing or malformed provider configuration (credentials, base URL). */
export class ZccConfigError extends Error {
  override readonly name = 'ZccConfigError';
}

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/("?(?:access_token|client_secret|clientSecret)"?\s*[:=]\s*"?)[^\s"'&,]+/gi, '$1[redacted]'],
];

/** Removes anything that looks like a credential, plus the given known secrets, from text meant for users. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}
