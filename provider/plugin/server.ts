import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, create, diff, read, readForImport, remove, update } from '../handlers';
import { configureFromStack } from '../runtime';
import { findByName, findEntryPoint, findUser, findUsers } from '../lookups';
import { SETTINGS } from '../client/config';

/**
 * The native provider plugin's gRPC service (`pulumi-resource-zcc`): the same engine and specs as the dynamic
 * resources, behind Pulumi's ResourceProvider protocol, with the `zcc:index:<Kind>` tokens and config block of
 * schema.json. A server of its own, modelled on @pulumi/pulumi's dynamic-provider host, so that Configure,
 * CheckConfig and DiffConfig reach it (the SDK's provider server answers Configure itself and drops the config).
 * It accepts no secrets (`acceptSecrets: false`): Pulumi sends plain values and keeps secrecy in state itself.
 */

// Pulumi's generated protocol modules and the gRPC runtime they were built with, from the program's @pulumi/pulumi.
const pulumiDir = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));
/* eslint-disable @typescript-eslint/no-explicit-any */
const grpc: any = fromPulumi('@grpc/grpc-js');
const structproto: any = fromPulumi('google-protobuf/google/protobuf/struct_pb');
const emptyproto: any = fromPulumi('google-protobuf/google/protobuf/empty_pb');
const anyproto: any = fromPulumi('google-protobuf/google/protobuf/any_pb');
const provproto: any = require('@pulumi/pulumi/proto/provider_pb');
const provrpc: any = require('@pulumi/pulumi/proto/provider_grpc_pb');
const plugproto: any = require('@pulumi/pulumi/proto/plugin_pb');
const statusproto: any = require('@pulumi/pulumi/proto/status_pb');

type Props = Record<string, unknown>;
type Callback = (error: unknown, value?: unknown, metadata?: unknown) => void;
type Call = { request: any };

const packageRoot = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
const CONFIG_KEYS = new Set(SETTINGS.map((setting) => setting.key));

/** The resource kind of a URN (`urn:pulumi:s::p::zcc:index:Queue::name`, or a child's `…$zcc:index:Queue::name`). */
export function kindOfUrn(urn: string): string {
  const type = urn.split('::')[2]?.split('$').pop() ?? '';
  const match = /^zcc:index:(\w+)$/.exec(type);
  if (!match) throw new Error(`pulumi-resource-zcc: ${JSON.stringify(type)} is not a zcc resource type.`);
  return match[1];
}

const toJs = (struct: any): Props => (struct ? (struct.toJavaScript() as Props) : {});
const toStruct = (value: Props | undefined) => structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value ?? {})));

/** A failed call as gRPC reports it; a create that made its object carries the id and state (ErrorResourceInitFailed). */
function failure(error: unknown) {
  const e = error as { message?: string; id?: string; properties?: Props; reasons?: string[] };
  const message = e?.message ?? String(error);
  const metadata = new grpc.Metadata();
  if (e?.id) {
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(e.id);
    detail.setProperties(toStruct(e.properties));
    detail.setReasonsList(e.reasons ?? [message]);
    const packed = new anyproto.Any();
    packed.pack(detail.serializeBinary(), 'pulumirpc.ErrorResourceInitFailed');
    status.addDetails(packed);
    metadata.add('grpc-status-details-bin', Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, message, metadata };
}

/** Runs one call: its answer, or its failure, reported to Pulumi (never thrown into the gRPC runtime). */
function serve(callback: Callback, run: () => Promise<unknown>): void {
  run().then(
    (value) => callback(null, value),
    (error: unknown) => {
      const response = failure(error);
      callback(response, null, response.metadata);
    },
  );
}

/** Pulumi's marker of a secret value in a Struct (`{ [SECRET_SIG]: SECRET_VALUE_SIG, value }`). */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';
/** A value with Pulumi's secret wrapper taken off: config arrives wrapped before the engine knows we take none. */
function unwrapSecret(value: unknown): unknown {
  return value && typeof value === 'object' && SECRET_SIG in (value as Props) ? (value as Props).value : value;
}

/** Config from Configure/CheckConfig args: `accountId` → `zcc:accountId`, values as the strings config holds. */
function configOf(args: Props): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, wrapped] of Object.entries(args)) {
    const value = unwrapSecret(wrapped);
    if (key.startsWith('__') || value === undefined || value === null) continue;
    out.set(`zcc:${key}`, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

const INVOKES: Record<string, (args: Props) => Promise<unknown>> = {
  'zcc:index:getUser': (args) => findUser(args as { email: string } | { userId: string }),
  'zcc:index:getUsers': async (args) => ({ users: await findUsers(args as { search?: string; active?: boolean }) }),
  'zcc:index:getEntryPoint': (args) => findEntryPoint(args as Parameters<typeof findEntryPoint>[0]),
};

export const resourceProvider = {
  getPluginInfo(_call: Call, callback: Callback) {
    const info = new plugproto.PluginInfo();
    info.setVersion(packageJson.version);
    callback(null, info);
  },
  getSchema(call: Call, callback: Callback) {
    const response = new provproto.GetSchemaResponse();
    response.setSchema(readFileSync(path.join(packageRoot, 'schema.json'), 'utf8'));
    if (call.request.getVersion() !== 0)
      return callback({ code: grpc.status.INVALID_ARGUMENT, details: `unsupported schema version ${call.request.getVersion()}` });
    callback(null, response);
  },
  checkConfig(call: Call, callback: Callback) {
    serve(callback, async () => {
      const news = toJs(call.request.getNews());
      const response = new provproto.CheckResponse();
      response.setInputs(call.request.getNews());
      const unknown = Object.keys(news).filter((key) => !key.startsWith('__') && key !== 'version' && !CONFIG_KEYS.has(key));
      response.setFailuresList(
        unknown.map((key) => {
          const failure = new provproto.CheckFailure();
          failure.setProperty(key);
          failure.setReason(`zcc has no config key ${JSON.stringify(key)}; allowed: ${[...CONFIG_KEYS].join(', ')}.`);
          return failure;
        }),
      );
      return response;
    });
  },
  diffConfig(call: Call, callback: Callback) {
    serve(callback, async () => {
      const olds = configOf(toJs(call.request.getOlds()));
      const news = configOf(toJs(call.request.getNews()));
      const changed = [...new Set([...olds.keys(), ...news.keys()])].filter((key) => olds.get(key) !== news.get(key));
      const response = new provproto.DiffResponse();
      // New credentials or a new base URL change how objects are reached, never the objects: nothing is replaced.
      response.setChanges(changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
      response.setDiffsList(changed.map((key) => key.replace(/^zcc:/, '')));
      return response;
    });
  },
  configure(call: Call, callback: Callback) {
    serve(callback, async () => {
      const config = configOf(toJs(call.request.getArgs()));
      // Older engines send only `variables` (`zcc:config:accountId`).
      for (const [key, value] of call.request.getVariablesMap().entries() as Iterable<[string, string]>)
        if (!config.has(key.replace(':config:', ':'))) config.set(key.replace(':config:', ':'), value);
      configureFromStack((key) => config.get(key));
      const response = new provproto.ConfigureResponse();
      response.setAcceptsecrets(false);
      response.setAcceptresources(false);
      response.setAcceptoutputs(false);
      // Preview never writes: without preview support Pulumi calls no Create or Update while it previews.
      response.setSupportspreview(false);
      return response;
    });
  },
  invoke(call: Call, callback: Callback) {
    serve(callback, async () => {
      const token: string = call.request.getTok();
      const args = toJs(call.request.getArgs());
      const kind = /^zcc:index:get(\w+)$/.exec(token)?.[1];
      const run = INVOKES[token] ?? (kind ? (given: Props) => findByName<Props>(kind, given as Record<string, string | undefined>) : undefined);
      if (!run) throw new Error(`pulumi-resource-zcc: unknown function ${token}.`);
      const response = new provproto.InvokeResponse();
      try {
        response.setReturn(toStruct((await run(args)) as Props));
      } catch (error) {
        // A lookup that finds nothing is the program's failure, said once: as the invoke's check failure.
        const failure = new provproto.CheckFailure();
        failure.setProperty('');
        failure.setReason(error instanceof Error ? error.message : String(error));
        response.setFailuresList([failure]);
      }
      return response;
    });
  },
  check(call: Call, callback: Callback) {
    serve(callback, async () => {
      const result = await check(kindOfUrn(call.request.getUrn()), toJs(call.request.getOlds()), toJs(call.request.getNews()));
      const response = new provproto.CheckResponse();
      response.setInputs(toStruct(result.inputs));
      response.setFailuresList(
        (result.failures ?? []).map((item) => {
          const failure = new provproto.CheckFailure();
          failure.setProperty(item.property);
          failure.setReason(item.reason);
          return failure;
        }),
      );
      return response;
    });
  },
  diff(call: Call, callback: Callback) {
    serve(callback, async () => {
      const result = await diff(kindOfUrn(call.request.getUrn()), call.request.getId(), toJs(call.request.getOlds()), toJs(call.request.getNews()));
      const response = new provproto.DiffResponse();
      const changes = provproto.DiffResponse.DiffChanges;
      response.setChanges(result.changes === true ? changes.DIFF_SOME : result.changes === false ? changes.DIFF_NONE : changes.DIFF_UNKNOWN);
      response.setReplacesList(result.replaces ?? []);
      response.setDeletebeforereplace(result.deleteBeforeReplace === true);
      return response;
    });
  },
  create(call: Call, callback: Callback) {
    serve(callback, async () => {
      if (call.request.getPreview()) throw new Error('pulumi-resource-zcc: a preview never creates.');
      const result = await create(kindOfUrn(call.request.getUrn()), toJs(call.request.getProperties()));
      const response = new provproto.CreateResponse();
      response.setId(result.id);
      response.setProperties(toStruct(result.outs));
      return response;
    });
  },
  read(call: Call, callback: Callback) {
    serve(callback, async () => {
      const kind = kindOfUrn(call.request.getUrn());
      const id: string = call.request.getId();
      let props = toJs(call.request.getProperties());
      if (Object.keys(props).length === 0) props = toJs(call.request.getInputs());
      // An import reads with no recorded state: the object as ZCC holds it, every field declared as export writes
      // it (so an exported program's import plans no update).
      if (Object.keys(props).length === 0) {
        const existing = await readForImport(kind, id);
        if (!existing) return new provproto.ReadResponse();
        props = existing;
      }
      const result = await read(kind, id, props);
      const response = new provproto.ReadResponse();
      response.setId(result.id ?? '');
      response.setProperties(toStruct(result.props));
      if (result.inputs) response.setInputs(toStruct(result.inputs));
      return response;
    });
  },
  update(call: Call, callback: Callback) {
    serve(callback, async () => {
      if (call.request.getPreview()) throw new Error('pulumi-resource-zcc: a preview never updates.');
      const result = await update(kindOfUrn(call.request.getUrn()), call.request.getId(), toJs(call.request.getOlds()), toJs(call.request.getNews()));
      const response = new provproto.UpdateResponse();
      response.setProperties(toStruct(result.outs));
      return response;
    });
  },
  delete(call: Call, callback: Callback) {
    serve(callback, async () => {
      await remove(kindOfUrn(call.request.getUrn()), call.request.getId(), toJs(call.request.getProperties()));
      return new emptyproto.Empty();
    });
  },
  cancel(_call: Call, callback: Callback) {
    callback(null, new emptyproto.Empty());
  },
};

/** Unimplemented calls answer UNIMPLEMENTED, which Pulumi's engine takes as "not supported" and works around. */
const unimplemented = (name: string) => (_call: Call, callback: Callback) =>
  callback({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented by pulumi-resource-zcc` });

/** Starts the service on a free port of 127.0.0.1 and prints the port, as Pulumi's plugin protocol asks. */
export async function startPluginServer(): Promise<{ port: number; stop: () => void }> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 400 * 1024 * 1024, 'grpc.max_send_message_length': 400 * 1024 * 1024 });
  const service: Record<string, unknown> = {};
  for (const name of Object.keys(provrpc.ResourceProviderService)) {
    const method = name[0].toLowerCase() + name.slice(1);
    service[method] = (resourceProvider as Record<string, unknown>)[method] ?? unimplemented(name);
  }
  server.addService(provrpc.ResourceProviderService, service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error: Error | null, bound: number) => (error ? reject(error) : resolve(bound))),
  );
  return { port, stop: () => server.forceShutdown() };
}
