import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The resource operation (one create, read, update or delete) a call belongs to. A call that continues an
 * operation already under way (the PATCH after a queue's POST, a retry) goes ahead of calls that would start new
 * ones: finishing a queue lets its member set start on another budget, while starting a hundred more queues only
 * makes every one of them finish later.
 */
const current = new AsyncLocalStorage<{ calls: number }>();

export function inOperation<T>(run: () => Promise<T>): Promise<T> {
  return current.run({ calls: 0 }, run);
}

/** Counts one call of the current operation; true when the operation has sent one before. */
export function continuesOperation(): boolean {
  const operation = current.getStore();
  if (!operation) return false;
  return operation.calls++ > 0;
}
