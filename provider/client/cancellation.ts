/**
 * Cancellation of everything in flight in this process. Pulumi's engine, when the user presses Ctrl-C or sends
 * SIGTERM, asks every provider to cancel and then waits for the steps in flight; without this a request to a
 * hanging server would keep `pulumi up` alive until its deadline. Once cancelled, no new request is sent.
 */
import { setMaxListeners } from 'node:events';

let controller = newController();

/** Every request in flight listens to this signal, so it has as many listeners as requests: not a leak. */
function newController(): AbortController {
  const created = new AbortController();
  setMaxListeners(0, created.signal);
  return created;
}

export function cancelInFlight(reason = 'Pulumi is cancelling the operation'): void {
  if (!controller.signal.aborted) controller.abort(new Error(reason));
}

export function cancellationSignal(): AbortSignal {
  return controller.signal;
}

export function isCancelled(): boolean {
  return controller.signal.aborted;
}

/** For tests: start accepting requests again. */
export function resetCancellation(): void {
  controller = newController();
}

/** setTimeout as a promise that ends early, rejecting, when the operation is cancelled. */
export function cancellableSleep(ms: number): Promise<void> {
  const signal = controller.signal;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
