import path from 'node:path';
import { cancelInFlight } from '../client/cancellation';

/**
 * Lets Pulumi's cancellation reach our HTTP requests. On Ctrl-C or SIGTERM the engine calls `Cancel` on every
 * provider and then waits for the steps in flight. Pulumi's dynamic-provider host answers `Cancel` and does
 * nothing else, so a request to a hanging server would hold `pulumi up` until its deadline. This watches the
 * provider's gRPC server for that call (grpc-js looks a handler up per incoming call) and aborts what is in
 * flight, so the steps fail at once and the CLI exits. Outside the dynamic-provider process, or with a grpc-js
 * that no longer has the method, it does nothing: requests then end at their deadline instead.
 */
let installed = false;

export function installCancellationHook(): void {
  if (installed) return;
  installed = true;
  if (!/dynamic-provider/.test(process.argv[1] ?? '')) return;
  try {
    const pulumiDir = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
    const grpc = require(require.resolve('@grpc/grpc-js', { paths: [pulumiDir] })) as { Server?: { prototype: Record<string, unknown> } };
    const proto = grpc.Server?.prototype;
    const original = proto?._retrieveHandler;
    if (typeof original !== 'function') return;
    proto!._retrieveHandler = function (this: unknown, rpcPath: string, ...rest: unknown[]) {
      if (rpcPath === '/pulumirpc.ResourceProvider/Cancel') cancelInFlight();
      return original.call(this, rpcPath, ...rest);
    };
  } catch {
    // No grpc-js where @pulumi/pulumi keeps it: leave cancellation to the request deadlines.
  }
}
