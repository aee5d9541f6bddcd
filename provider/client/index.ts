export * from './client';
export * from './config';
export * from './errors';
export * from './schemas';
export { ZccHttp, parseRetryAfter } from './http';
export { AdaptiveRateLimiter } from './rateLimiter';
