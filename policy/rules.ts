import { printable } from '../provider/client/printable';
import { allSpecs } from '../provider/specs';

/**
 * The contact-center guard rails of the policy pack, as plain functions over the stack's resources, so they are
 * tested without Pulumi (test/unit/policyRules.test.ts) and run the same way on dynamic resources
 * (`pulumi-nodejs:dynamic/zcc:Queue`) and native ones (`zcc:index:Queue`). Each names the object it is about; none
 * prints a value it judges (a credential is named by where it is, never shown).
 */

/** One resource as a policy sees it: its kind (undefined: not this package's), inputs, and what each input depends on. */
export interface StackResource {
  kind: string | undefined;
  name: string;
  urn: string;
  props: Record<string, unknown>;
  /** Per input, the URNs of the resources its value comes from (a `queue.queueId` reference). */
  dependsOn: Record<string, string[]>;
}

export interface Violation {
  urn: string;
  message: string;
}

export interface Rule {
  name: string;
  description: string;
  enforcementLevel: 'advisory' | 'mandatory';
  /** JSON-schema properties of the rule's configuration, with their defaults. */
  config?: Record<string, { type: 'number' | 'string' | 'array'; default: unknown; description: string; items?: { type: 'string' } }>;
  check: (resources: StackResource[], config: Record<string, unknown>) => Violation[];
}

const KIND = /^(?:pulumi-nodejs:dynamic\/zcc:|zcc:index:)(\w+)$/;
/** The kind of a resource type, for this package's dynamic and native tokens. */
export const kindOf = (type: string): string | undefined => KIND.exec(type)?.[1];

const named = (resource: StackResource) => printable(`${resource.kind} "${resource.name}"`);
const ofKind = (resources: StackResource[], ...kinds: string[]) => resources.filter((resource) => resource.kind !== undefined && kinds.includes(resource.kind));

/** Whether `holder`'s `input` names `target`: through a reference (its URN) or as the id value `target` has. */
function names(holder: StackResource, input: string, target: StackResource, idOutput: string): boolean {
  if ((holder.dependsOn[input] ?? []).includes(target.urn)) return true;
  const id = target.props[idOutput];
  const value = holder.props[input];
  if (typeof id !== 'string' || id === '') return false;
  return value === id || (Array.isArray(value) && value.some((item) => item === id || (item && typeof item === 'object' && Object.values(item).includes(id))));
}

/** Strings inside a value, with where they are (`definition.nodes[3].headers.Authorization`). */
function strings(value: unknown, at: string, out: Array<{ at: string; key: string; text: string }> = [], key = ''): typeof out {
  if (typeof value === 'string') out.push({ at, key, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, `${at}[${index}]`, out, key));
  else if (value && typeof value === 'object') for (const [inner, item] of Object.entries(value)) strings(item, `${at}.${inner}`, out, inner);
  return out;
}

/** Text that holds a credential: a bearer or basic token, an AWS key, a JWT, a private key, or a password-like field. */
function credentialIn(entry: { key: string; text: string }): string | undefined {
  if (/\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/.test(entry.text)) return 'a bearer token';
  if (/\bBasic\s+[A-Za-z0-9+/=]{16,}/.test(entry.text)) return 'basic-auth credentials';
  if (/\bAKIA[0-9A-Z]{16}\b/.test(entry.text)) return 'an AWS access key';
  if (/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.test(entry.text)) return 'a JWT';
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(entry.text)) return 'a private key';
  if (
    /^(password|passwd|secret|client_?secret|api_?key|access_?token|auth_?token)$/i.test(entry.key) &&
    entry.text.length >= 8 &&
    !/^\{\{.*\}\}$/.test(entry.text)
  )
    return `a value for "${entry.key}"`;
  return undefined;
}

export const RULES: Rule[] = [
  {
    name: 'queue-follows-business-hours',
    description:
      'A voice queue follows business hours and closures (a QueueOperatingHours in the stack), so it does not take calls around the clock by accident.',
    enforcementLevel: 'advisory',
    config: { channels: { type: 'array', items: { type: 'string' }, default: ['voice'], description: 'The queue channels the rule applies to.' } },
    check: (resources, config) => {
      const channels = (config.channels as string[] | undefined) ?? ['voice'];
      const hours = ofKind(resources, 'QueueOperatingHours');
      return ofKind(resources, 'Queue')
        .filter((queue) => channels.includes(String(queue.props.channel)) && !hours.some((link) => names(link, 'queueId', queue, 'queueId')))
        .map((queue) => ({
          urn: queue.urn,
          message: `${named(queue)} has no QueueOperatingHours in this stack: it follows the account's default hours. Declare a QueueOperatingHours for it.`,
        }));
    },
  },
  {
    name: 'queue-has-agents',
    description: 'A queue has agents or a team (QueueMembers, QueueAgent or QueueTeams in the stack), so its calls reach someone.',
    enforcementLevel: 'advisory',
    check: (resources) => {
      const sets = ofKind(resources, 'QueueMembers', 'QueueAgent', 'QueueTeams');
      return ofKind(resources, 'Queue')
        .filter((queue) => !sets.some((set) => names(set, 'queueId', queue, 'queueId')))
        .map((queue) => ({ urn: queue.urn, message: `${named(queue)} has no agents or teams in this stack (QueueMembers, QueueAgent or QueueTeams).` }));
    },
  },
  {
    name: 'queue-wait-within-bounds',
    description: "A queue's longest wait (`maxWaitTime`) is within bounds, and a queue that can wait long says where calls overflow to.",
    enforcementLevel: 'mandatory',
    config: {
      minSeconds: { type: 'number', default: 30, description: 'The shortest maxWaitTime allowed.' },
      maxSeconds: { type: 'number', default: 3600, description: 'The longest maxWaitTime allowed.' },
      overflowAfterSeconds: { type: 'number', default: 600, description: 'From this maxWaitTime on, an overflow target is required.' },
    },
    check: (resources, config) => {
      const min = Number(config.minSeconds ?? 30);
      const max = Number(config.maxSeconds ?? 3600);
      const overflowAfter = Number(config.overflowAfterSeconds ?? 600);
      const out: Violation[] = [];
      for (const queue of ofKind(resources, 'Queue')) {
        const wait = queue.props.maxWaitTime;
        if (typeof wait !== 'number') continue;
        if (wait < min || wait > max) out.push({ urn: queue.urn, message: `${named(queue)} has maxWaitTime ${wait} s; allowed: ${min} to ${max} s.` });
        const overflow = ['overflowToQueueId', 'overflowToFlowId', 'overflowToInboxId', 'overflowToGoodbyeMessage', 'overflowToGoodbyeMessageAssetId'];
        if (wait >= overflowAfter && !overflow.some((input) => queue.props[input] !== undefined && queue.props[input] !== ''))
          out.push({
            urn: queue.urn,
            message: `${named(queue)} lets callers wait ${wait} s with nowhere to overflow to: set overflowToQueueId, overflowToFlowId, overflowToInboxId or a goodbye message.`,
          });
      }
      return out;
    },
  },
  {
    name: 'delete-decisions-declared',
    description:
      'Objects whose delete takes data or people with it say what happens to them: an inbox its messages, an address book or contact list its contacts, a role or region its users, a user their profile.',
    enforcementLevel: 'mandatory',
    check: (resources) =>
      allSpecs
        .filter((spec) => spec.deleteNeedsOneOf)
        .flatMap((spec) =>
          ofKind(resources, spec.kind)
            .filter((resource) => !spec.deleteNeedsOneOf!.some((input) => resource.props[input] !== undefined && resource.props[input] !== false))
            .map((resource) => ({
              urn: resource.urn,
              message: `${named(resource)} does not say what its delete does: set ${spec.deleteNeedsOneOf!.join(' or ')}.`,
            })),
        ),
  },
  {
    name: 'no-entry-point-taken-from-outside',
    description: 'No entry point (a phone number or address) is taken from a flow this stack does not manage (`takeFrom`).',
    enforcementLevel: 'mandatory',
    check: (resources) =>
      ofKind(resources, 'FlowEntryPoints')
        .filter((points) => Array.isArray(points.props.takeFrom) && points.props.takeFrom.length > 0)
        .map((points) => ({
          urn: points.urn,
          message: printable(
            `${named(points)} takes entry points from flows outside this stack (takeFrom: ${(points.props.takeFrom as unknown[]).map(String).join(', ')}); move them in the stack that owns those flows.`,
          ),
        })),
  },
  {
    name: 'published-flow-has-entry-point',
    description: 'A published flow is reached by an entry point (a FlowEntryPoints in the stack), or it answers no one.',
    enforcementLevel: 'advisory',
    check: (resources) => {
      const points = ofKind(resources, 'FlowEntryPoints');
      return ofKind(resources, 'Flow')
        .filter((flow) => flow.props.publish !== false && !points.some((set) => names(set, 'flowId', flow, 'flowId')))
        .map((flow) => ({
          urn: flow.urn,
          message: `${named(flow)} is published but no FlowEntryPoints in this stack reaches it (a flow other flows route to may be fine).`,
        }));
    },
  },
  {
    name: 'user-has-role',
    description: "A Contact Center user's role is declared: User.roleId, or a RoleUsers naming the user.",
    enforcementLevel: 'advisory',
    check: (resources) => {
      const roleSets = ofKind(resources, 'RoleUsers');
      return ofKind(resources, 'User')
        .filter((user) => user.props.roleId === undefined && !roleSets.some((set) => names(set, 'userIds', user, 'userId')))
        .map((user) => ({ urn: user.urn, message: `${named(user)} has no role declared: set roleId, or name the user in a RoleUsers.` }));
    },
  },
  {
    name: 'no-plaintext-credentials',
    description:
      'No credential (a bearer or basic token, an AWS key, a JWT, a private key, a password field) is written into a flow definition, a variable or any other setting, where ZCC and the state would hold it in plain text.',
    enforcementLevel: 'mandatory',
    check: (resources) =>
      resources
        .filter((resource) => resource.kind !== undefined)
        .flatMap((resource) =>
          Object.entries(resource.props)
            .filter(([input]) => !input.startsWith('__'))
            .flatMap(([input, value]) => strings(value, input))
            .map((entry) => ({ entry, what: credentialIn(entry) }))
            .filter(({ what }) => what !== undefined)
            .map(({ entry, what }) => ({
              urn: resource.urn,
              message: printable(
                `${named(resource)} holds ${what} in plain text at ${entry.at}: keep it out of the configuration (a secret store the flow reads, or a variable set outside the program).`,
              ),
            })),
        ),
  },
  {
    name: 'exclusive-set-not-emptied',
    description: 'No set is declared empty on purpose (`allowEmpty: true`), which removes every member of its queue, team, inbox or role.',
    enforcementLevel: 'advisory',
    check: (resources) =>
      resources
        .filter((resource) => resource.kind !== undefined && resource.props.allowEmpty === true && (resource.props.mode ?? 'exclusive') === 'exclusive')
        .filter((resource) => Object.values(resource.props).some((value) => Array.isArray(value) && value.length === 0))
        .map((resource) => ({ urn: resource.urn, message: `${named(resource)} is empty with allowEmpty: true: it removes every member its owner has.` })),
  },
  {
    name: 'campaign-honours-do-not-contact',
    description: 'An outbound campaign names at least one do-not-contact list (`dncListIds`).',
    enforcementLevel: 'mandatory',
    check: (resources) =>
      ofKind(resources, 'OutboundCampaign')
        .filter((campaign) => !Array.isArray(campaign.props.dncListIds) || campaign.props.dncListIds.length === 0)
        .map((campaign) => ({ urn: campaign.urn, message: `${named(campaign)} names no do-not-contact list: set dncListIds.` })),
  },
];
