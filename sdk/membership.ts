import * as pulumi from '@pulumi/pulumi';
import type { AdoptableArgs } from './adoptable';
import { checkedArgs } from './programChecks';
import queueMembersProvider = require('./providers/queueMembers');
import queueAgentProvider = require('./providers/queueAgent');

/** Inputs of {@link QueueMembers}. */
export interface QueueMembersArgs extends AdoptableArgs {
  /** Id of the queue, e.g. `queue.queueId`. Changing it replaces the resource. */
  queueId: pulumi.Input<string>;
  /** Agent user ids that must be members (see `getAgent`/`getAgents`); order does not matter. */
  agentIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * `exclusive` (default): the queue holds exactly these agents, and agents added elsewhere are removed.
   * `additive`: these agents are added, and only agents this resource added are ever removed.
   */
  mode?: pulumi.Input<'exclusive' | 'additive'>;
  /**
   * Allow an empty `agentIds` in exclusive mode, which removes every member of the queue. Without it an empty
   * exclusive list fails at preview, so a list computed empty by mistake cannot empty a queue.
   */
  allowEmpty?: pulumi.Input<boolean>;
}

/** The member set of one queue, added in batches and removed one by one. */
export class QueueMembers extends pulumi.dynamic.Resource {
  /** The queue. */
  declare public readonly queueId: pulumi.Output<string>;
  /** The members this resource answers for, in the order declared. */
  declare public readonly agentIds: pulumi.Output<string[]>;
  /** `exclusive` or `additive`. */
  declare public readonly mode: pulumi.Output<'exclusive' | 'additive' | undefined>;
  /** Whether an empty exclusive set is allowed. */
  declare public readonly allowEmpty: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: QueueMembersArgs, opts?: pulumi.CustomResourceOptions) {
    super(queueMembersProvider, name, { ...checkedArgs('QueueMembers', name, args) }, opts, 'zcc', 'QueueMembers');
  }
}

/** Inputs of a {@link QueueAgent}. */
export interface QueueAgentArgs extends AdoptableArgs {
  /** Id of the queue. Changing it replaces the membership. */
  queueId: pulumi.Input<string>;
  /** Agent user id. Changing it replaces the membership. */
  agentId: pulumi.Input<string>;
}

/** One agent in one queue. Do not combine with an exclusive {@link QueueMembers} on the same queue. */
export class QueueAgent extends pulumi.dynamic.Resource {
  /** The queue. */
  declare public readonly queueId: pulumi.Output<string>;
  /** The agent. */
  declare public readonly agentId: pulumi.Output<string>;
  /** `<queueId>/<agentId>`. */
  declare public readonly membershipId: pulumi.Output<string>;

  constructor(name: string, args: QueueAgentArgs, opts?: pulumi.CustomResourceOptions) {
    super(queueAgentProvider, name, { membershipId: undefined, ...checkedArgs('QueueAgent', name, args) }, opts, 'zcc', 'QueueAgent');
  }
}
