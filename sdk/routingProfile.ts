import * as pulumi from '@pulumi/pulumi';
import type { AdoptableArgs } from './adoptable';
import { checkedArgs } from './programChecks';
import routingProfileProvider = require('./providers/routingProfile');

/** Inputs of a {@link RoutingProfile}. */
export interface RoutingProfileArgs extends AdoptableArgs {
  /** Profile name, unique in the account (1-128 characters). */
  name: pulumi.Input<string>;
  /** Description (up to 256 characters). Defaults to empty. */
  description?: pulumi.Input<string>;
  /** Ids of the queues in the profile; order does not matter. Defaults to none. */
  queueIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/** A routing profile: the queues an agent with this profile takes engagements from. */
export class RoutingProfile extends pulumi.dynamic.Resource {
  /** Profile name. */
  declare public readonly name: pulumi.Output<string>;
  /** Description. */
  declare public readonly description: pulumi.Output<string | undefined>;
  /** Queue ids, in the order declared. */
  declare public readonly queueIds: pulumi.Output<string[] | undefined>;
  /** The routing profile id ZCC assigned. */
  declare public readonly routingProfileId: pulumi.Output<string>;

  constructor(name: string, args: RoutingProfileArgs, opts?: pulumi.CustomResourceOptions) {
    super(routingProfileProvider, name, { routingProfileId: undefined, ...checkedArgs('RoutingProfile', name, args) }, opts, 'zcc', 'RoutingProfile');
  }
}
