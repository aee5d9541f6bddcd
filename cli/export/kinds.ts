import { allSpecs } from '../../provider/specs';
import type { ExportRole, ResourceSpec } from '../../provider/engine/spec';

/** The owner of a set that is not a kind of this package: users, found by the users list and named by email. */
export const USER = 'User';

export type ObjectKind = { spec: ResourceSpec; role: Extract<ExportRole, { role: 'object' }> };
export type SetKind = { spec: ResourceSpec; role: Extract<ExportRole, { role: 'set' }> };

/**
 * The kinds export writes, in the order a program declares them: a kind after every kind it references (its
 * `references`, and a set after its owner), ties in the order of the specs. Computed from the specs, so a new
 * kind needs no list here.
 */
export function exportOrder(specs: readonly ResourceSpec[] = allSpecs): ResourceSpec[] {
  const exported = specs.filter((spec) => spec.exportAs.role !== 'none');
  const kinds = new Set(exported.map((spec) => spec.kind));
  const needs = new Map(
    exported.map((spec) => {
      const targets = new Set(Object.values(spec.references ?? {}));
      if (spec.exportAs.role === 'set') targets.add(spec.exportAs.owner);
      targets.delete(spec.kind);
      return [spec.kind, [...targets].filter((kind) => kinds.has(kind))];
    }),
  );
  const order: ResourceSpec[] = [];
  const placed = new Set<string>();
  while (order.length < exported.length) {
    const next = exported.find((spec) => !placed.has(spec.kind) && needs.get(spec.kind)!.every((kind) => placed.has(kind)));
    if (!next) {
      const stuck = exported.filter((spec) => !placed.has(spec.kind)).map((spec) => spec.kind);
      throw new Error(`internal: the kinds ${stuck.join(', ')} reference each other; export cannot order them`);
    }
    order.push(next);
    placed.add(next.kind);
  }
  return order;
}

export const EXPORT_ORDER: readonly ResourceSpec[] = exportOrder();

export const objectKinds = (): ObjectKind[] => EXPORT_ORDER.flatMap((spec) => (spec.exportAs.role === 'object' ? [{ spec, role: spec.exportAs }] : []));

export const setKinds = (): SetKind[] => EXPORT_ORDER.flatMap((spec) => (spec.exportAs.role === 'set' ? [{ spec, role: spec.exportAs }] : []));

export const isSetKind = (kind: string) => EXPORT_ORDER.some((spec) => spec.kind === kind && spec.exportAs.role === 'set');

/**
 * Keys of a flow file whose values name other objects by id: `<kind>_id` or `<kind>_ids` (`skill_category_id`,
 * `skillCategoryId`, `business_hour_id`) for every kind the specs declare or refer to (their `references`), plus
 * Studio's own `routing_profile_id`. Derived from the specs, so a new kind's ids are found in flow files too.
 */
export function flowReferenceKey(specs: readonly ResourceSpec[] = allSpecs): RegExp {
  const kinds = new Set(specs.map((spec) => spec.kind));
  for (const spec of specs) for (const target of Object.values(spec.references ?? {})) kinds.add(target);
  const words = [...kinds].sort().map((kind) =>
    kind
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/s$/, '')
      .split('_')
      .join('_?'),
  );
  return new RegExp(`^(${[...words.map((word) => `${word}s?`), 'routing_?profile'].join('|')})_?ids?$`, 'i');
}
