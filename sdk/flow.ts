import * as pulumi from '@pulumi/pulumi';
import type { AdoptableArgs } from './adoptable';
import { checkedArgs } from './programChecks';
import type { QueueChannel } from './queue';
import flowProvider = require('./providers/flow');

/** Inputs of a {@link Flow}. */
export interface FlowArgs extends AdoptableArgs {
  /** Flow name, unique in the account (1-128 characters). */
  name: pulumi.Input<string>;
  /** Description (up to 256 characters). Defaults to empty. */
  description?: pulumi.Input<string>;
  /** Channel the flow handles. Changing it replaces the flow. */
  channel: pulumi.Input<QueueChannel>;
  /** The flow definition as a JSON object; key order and whitespace never cause a diff. */
  definition: pulumi.Input<Record<string, unknown>>;
  /** Publish after every change of the definition. Defaults to false (left as a draft). */
  publish?: pulumi.Input<boolean>;
}

/** A routing flow (IVR, chat bot, …) with its definition, optionally published. */
export class Flow extends pulumi.dynamic.Resource {
  /** Flow name. */
  declare public readonly name: pulumi.Output<string>;
  /** Description. */
  declare public readonly description: pulumi.Output<string | undefined>;
  /** Channel. */
  declare public readonly channel: pulumi.Output<QueueChannel>;
  /** The definition as declared. */
  declare public readonly definition: pulumi.Output<Record<string, unknown>>;
  /** Whether the flow is kept published. */
  declare public readonly publish: pulumi.Output<boolean | undefined>;
  /** The flow id ZCC assigned. */
  declare public readonly flowId: pulumi.Output<string>;
  /** `draft` or `published`. */
  declare public readonly status: pulumi.Output<string>;
  /** Version number; increases with each definition change. */
  declare public readonly version: pulumi.Output<number>;

  constructor(name: string, args: FlowArgs, opts?: pulumi.CustomResourceOptions) {
    super(flowProvider, name, { flowId: undefined, status: undefined, version: undefined, ...checkedArgs('Flow', name, args) }, opts, 'zcc', 'Flow');
  }
}
