import * as pulumi from '@pulumi/pulumi';
import type { AdoptableArgs } from './adoptable';
import { checkedArgs } from './programChecks';
import queueProvider = require('./providers/queue');

/** A channel a queue serves. */
export type QueueChannel = 'voice' | 'video' | 'chat' | 'sms' | 'email';
/** How a queue distributes engagements to agents. */
export type RoutingMethod = 'round_robin' | 'skills_based' | 'longest_idle' | 'priority';

/** Inputs of a {@link Queue}. */
export interface QueueArgs extends AdoptableArgs {
  /** Queue name shown to agents and supervisors; unique in the account (1-150 characters). Renaming updates in place. */
  name: pulumi.Input<string>;
  /** Free-text description (up to 256 characters). Defaults to empty. */
  description?: pulumi.Input<string>;
  /** Channels the queue serves; order does not matter. Changing it replaces the queue. */
  channels: pulumi.Input<pulumi.Input<QueueChannel>[]>;
  /** How engagements are distributed to agents. Defaults to `round_robin`. */
  routingMethod?: pulumi.Input<RoutingMethod>;
  /** Longest time in seconds an engagement waits before overflow (0-3600). Defaults to 300. */
  maxWaitTime?: pulumi.Input<number>;
}

/** A Zoom Contact Center queue: where engagements of some channels wait to be routed to agents. */
export class Queue extends pulumi.dynamic.Resource {
  /** Queue name. */
  declare public readonly name: pulumi.Output<string>;
  /** Description; empty when not set. */
  declare public readonly description: pulumi.Output<string | undefined>;
  /** Channels the queue serves, in the order declared. */
  declare public readonly channels: pulumi.Output<QueueChannel[]>;
  /** Routing method. */
  declare public readonly routingMethod: pulumi.Output<RoutingMethod | undefined>;
  /** Maximum wait in seconds. */
  declare public readonly maxWaitTime: pulumi.Output<number | undefined>;
  /** The queue id ZCC assigned. */
  declare public readonly queueId: pulumi.Output<string>;
  /** When the queue was created (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** When the queue was last changed (ISO 8601). */
  declare public readonly updatedAt: pulumi.Output<string>;

  constructor(name: string, args: QueueArgs, opts?: pulumi.CustomResourceOptions) {
    super(queueProvider, name, { queueId: undefined, createdAt: undefined, updatedAt: undefined, ...checkedArgs('Queue', name, args) }, opts, 'zcc', 'Queue');
  }
}
