import type { ResourceSpec } from './spec';
import { queueSpec } from '../specs/queueSpec';
import { skillCategorySpec, skillSpec } from '../specs/skillSpecs';
import { flowSpec } from '../specs/flowSpec';
import { agentRoutingProfileSpec, consumerRoutingProfileSpec } from '../specs/routingProfileSpecs';
import { userSkillsSpec } from '../specs/userSkillsSpec';
import { queueAgentSpec, queueMembersSpec, queueSupervisorSpec, queueSupervisorsSpec } from '../specs/membershipSpecs';

const specs = new Map<string, ResourceSpec>([queueSpec, skillCategorySpec, skillSpec, flowSpec, agentRoutingProfileSpec, consumerRoutingProfileSpec, queueMembersSpec, queueAgentSpec, queueSupervisorsSpec, queueSupervisorSpec, userSkillsSpec].map((spec) => [spec.kind, spec]));

export function specFor(kind: string): ResourceSpec {
  const spec = specs.get(kind);
  if (!spec) throw new Error(`zcc-pulumi does not know the resource kind "${kind}". Known kinds: ${[...specs.keys()].join(', ')}. Upgrade zcc-pulumi to the version that created this resource.`);
  return spec;
}

export function allSpecs(): ResourceSpec[] {
  return [...specs.values()];
}
