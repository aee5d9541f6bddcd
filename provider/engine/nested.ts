import type { z } from 'zod';

/**
 * Nested inputs (a queue's `shortAbandon`, a routing profile's `priorities`) are camelCase in the SDK and
 * snake_case in Zoom's API. The input schema says where the structure is: objects with a declared shape are
 * converted key by key, and on the way back keys the schema does not declare (ids and names the server fills in,
 * such as `priority_id` or `skill_category_name`) are dropped, so they never show as a diff. Values the schema
 * leaves open (a flow definition) pass through untouched.
 */
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const defOf = (schema: z.ZodType | undefined): Def | undefined => (schema as unknown as { def?: Def } | undefined)?.def;

/** The schema with optional/nullable/default/pipe wrappers removed. */
function unwrap(schema: z.ZodType | undefined): Def | undefined {
  let def = defOf(schema);
  while (def && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'pipe'].includes(def.type)) def = defOf(def.innerType ?? def.in);
  return def;
}

export function toApiValue(value: unknown, schema: z.ZodType | undefined): unknown {
  const def = unwrap(schema);
  if (Array.isArray(value) && def?.type === 'array') return value.map((item) => toApiValue(item, def.element));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && def?.type === 'object' && def.shape) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key in def.shape ? snake(key) : key] = toApiValue(item, def.shape[key]);
    return out;
  }
  return value;
}

export function fromApiValue(value: unknown, schema: z.ZodType | undefined): unknown {
  const def = unwrap(schema);
  if (Array.isArray(value) && def?.type === 'array') return value.map((item) => fromApiValue(item, def.element));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && def?.type === 'object' && def.shape) {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, itemSchema] of Object.entries(def.shape)) {
      const item = source[snake(key)];
      if (item !== undefined && item !== null) out[key] = fromApiValue(item, itemSchema);
    }
    return out;
  }
  return value;
}
