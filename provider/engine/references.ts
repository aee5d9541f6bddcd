import type { Props, ResourceSpec } from './spec';

/**
 * The ids a resource's inputs hold that name other objects, per the spec's `references` (`'priorities[].skillCategoryId':
 * 'SkillCategory'`): what the routing graph draws as edges. Values that are not strings (unknown, absent) are skipped.
 */
export function referencedIds(spec: ResourceSpec, inputs: Props): Array<{ field: string; kind: string; id: string }> {
  const found: Array<{ field: string; kind: string; id: string }> = [];
  for (const [path, kind] of Object.entries(spec.references ?? {})) {
    const field = path.split(/[.[]/)[0];
    const walk = (value: unknown, segments: string[]): void => {
      if (segments.length === 0) {
        if (typeof value === 'string' && value !== '') found.push({ field, kind, id: value });
        return;
      }
      if (!value || typeof value !== 'object') return;
      const [head, ...rest] = segments;
      const isList = head.endsWith('[]');
      const inner = (value as Props)[isList ? head.slice(0, -2) : head];
      if (isList) {
        if (Array.isArray(inner)) for (const item of inner) walk(item, rest);
      } else walk(inner, rest);
    };
    walk(inputs, path.split('.'));
  }
  return found;
}
