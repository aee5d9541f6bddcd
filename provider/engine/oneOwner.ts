import { currentRun } from './run';
import type { Props, ResourceSpec } from './spec';

/**
 * Facts about an object that resources of two kinds can each declare, of which a program may hold one declaration:
 * a user's role is set by `User.roleId` and by a role's `RoleUsers`; two declarations would undo each other at every
 * `up`. Each resource that declares such a fact records it at check (and, where its key is the id of an object the
 * run creates, once the create gave it); a second resource of the run declaring the same fact fails its check,
 * naming both. Per provider process (one Pulumi operation), like the declarations of sets (declaredMembers.ts).
 */
const claims = () => currentRun().part('oneOwner', () => new Map<string, string>());

/** Records what `spec` declares (inputs in SDK shape; `previous` its recorded outputs); returns the conflicts as check failures. */
export function claimFacts(
  spec: ResourceSpec,
  inputs: Props,
  previous: Props,
  isKnown: (value: unknown) => boolean,
): Array<{ property: string; reason: string }> {
  const declares = spec.declaresOnce;
  if (!declares) return [];
  const by = declares.by(inputs);
  const failures: Array<{ property: string; reason: string }> = [];
  for (const key of declares.keys(inputs, previous).filter(isKnown)) {
    const slot = `${declares.fact}\u0000${key}`;
    const other = claims().get(slot);
    if (other !== undefined && other !== by)
      failures.push({
        property: declares.input,
        reason: `${by} and ${other} both set ${declares.fact} ${key}, and would undo each other at every up: set it in one of them only.`,
      });
    else claims().set(slot, by);
  }
  return failures;
}
