import type { ResourceSpec } from './spec';
import { queueSpec } from '../specs/queueSpec';
import { skillCategorySpec, skillSpec } from '../specs/skillSpecs';
import { flowSpec } from '../specs/flowSpec';
import { routingProfileSpec } from '../specs/routingProfileSpec';
import { queueAgentSpec, queueMembersSpec } from '../specs/membershipSpecs';

const specs = new Map<string, ResourceSpec>([queueSpec, skillCategorySpec, skillSpec, flowSpec, routingProfileSpec, queueMembersSpec, queueAgentSpec].map((spec) => [spec.kind, spec]));

export function specFor(kind: string): ResourceSpec {
  const spec = specs.get(kind);
  if (!spec) throw new Error(`zcc-pulumi does not know the resource kind "${kind}". Known kinds: ${[...specs.keys()].join(', ')}. Upgrade zcc-pulumi to the version that created this resource.`);
  return spec;
}

export function allSpecs(): ResourceSpec[] {
  return [...specs.values()];
}
