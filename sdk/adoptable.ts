import type * as pulumi from '@pulumi/pulumi';

/** Inputs every resource accepts, to take over an object that already exists in ZCC. */
export interface AdoptableArgs {
  /**
   * Id of an existing object to take over instead of creating one: the first `up` reads it and changes only what
   * differs from the declaration (nothing, when it already matches). Pulumi's `import` cannot serve dynamic
   * resources, so this is how existing configuration comes under management. Once adopted, the object is
   * Pulumi's: `pulumi destroy`, or removing the declaration, deletes it in ZCC, unless the resource has the
   * `retainOnDelete: true` resource option (what `zcc-pulumi export` writes).
   */
  adoptId?: pulumi.Input<string>;
}
