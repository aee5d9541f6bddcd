import type { ZccClient } from '../../provider/client/client';
import { allSpecs } from '../../provider/specs';
import { namedUsers, whereUsed } from '../../provider/engine/whereUsed';
import { isZccType, kindOf, nameOf, type RefusalEntry, type StepMetadata } from './report';

/**
 * What `up` would refuse that a preview cannot: Pulumi runs no provider code for a delete in a preview, so deleting
 * business hours that a queue outside the stack still uses shows as a plain delete, and `up` then fails on ZCC's
 * 409 with half of its steps applied. For each object the plan deletes (removed, or replaced) whose kind has
 * documented where-used lists (a spec's `usedBy`), this reads them (GETs only) and refuses the delete when a user is
 * not one of the stack's own objects, naming it. A read that fails is a refusal too: "could not check" is never
 * silent, and never "clean".
 */
/** `steps`: the declared resources' steps of a preview with refresh (report.ts `stepsOf`). */
export async function deleteRefusals(steps: readonly StepMetadata[], client: () => ZccClient | Promise<ZccClient>): Promise<RefusalEntry[]> {
  const specs = new Map(allSpecs.filter((spec) => spec.usedBy).map((spec) => [spec.kind, spec]));
  const zccSteps = steps.filter((step) => isZccType(step.type));
  // Ids the stack holds (recorded or declared): what uses an object from inside the stack is the program's to order.
  const stackIds = new Set(zccSteps.flatMap((step) => [step.old?.id, step.new?.id]).filter((id): id is string => typeof id === 'string' && id !== ''));
  const deletes = zccSteps.filter((step) => (step.op === 'delete' || step.op === 'delete-replaced') && specs.has(kindOf(step.type)) && step.old?.id);
  const seen = new Set<string>();
  const refusals: RefusalEntry[] = [];
  for (const step of deletes) {
    if (seen.has(step.urn)) continue;
    seen.add(step.urn);
    const spec = specs.get(kindOf(step.type))!;
    const id = step.old!.id!;
    const entry = { kind: spec.kind, name: nameOf(step.urn), urn: step.urn };
    const object = `${spec.kind} ${JSON.stringify(entry.name)} (${id})`;
    try {
      const outside = (await whereUsed(await client(), spec.usedBy!, id)).filter((user) => !stackIds.has(user.id));
      if (outside.length === 0) continue;
      refusals.push({
        ...entry,
        message: `up would fail to delete ${object}: ${namedUsers(outside)}, outside the stack, still use${outside.length === 1 ? 's' : ''} it. Point ${outside.length === 1 ? 'it' : 'them'} elsewhere first (or manage ${outside.length === 1 ? 'it' : 'them'} in this stack), or keep ${spec.kind} ${JSON.stringify(entry.name)} in the program.`,
      });
    } catch (error) {
      refusals.push({ ...entry, message: `could not check what uses ${object} before its delete: ${(error as Error).message}` });
    }
  }
  return refusals;
}
