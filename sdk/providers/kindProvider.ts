import type * as pulumi from '@pulumi/pulumi';

/**
 * The methods of one kind's provider. Each loads the installed zcc-pulumi at run time, so clients, schemas,
 * config and secrets never reach the state, and a newer zcc-pulumi serves resources an older one created.
 *
 * Every kind's provider is the whole `module.exports` of a file under sdk/providers/: Pulumi's serializer then
 * writes `require("zcc-pulumi/dist/sdk/providers/<kind>.js")` into `__provider` (about 0.4 KB) instead of the
 * functions' text. Those paths are part of the state format: never rename them.
 */
export function kindProvider(kind: string): pulumi.dynamic.ResourceProvider {
  const engine = 'zcc-pulumi/dist/provider/handlers';
  return {
    configure: (req) => require(engine).configure(req),
    check: (olds, news) => require(engine).check(kind, olds, news),
    diff: (id, olds, news) => require(engine).diff(kind, id, olds, news),
    create: (inputs) => require(engine).create(kind, inputs),
    read: (id, props) => require(engine).read(kind, id, props),
    update: (id, olds, news) => require(engine).update(kind, id, olds, news),
    delete: (id, props) => require(engine).remove(kind, id, props),
  };
}
