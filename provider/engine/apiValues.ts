import { z } from 'zod';

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

/**
 * Readable SDK values for numbers of the API (`hour_type` 1 → `alwaysOpen`): a schema made with `apiCodes`
 * (specs/fields.ts) carries its table in zod's registry, looked up through the optional/default wrappers.
 */
const API_CODES = 'zccApiCodes';

export function withApiCodes<T extends z.ZodType>(schema: T, codes: Record<string, number>): T {
  return schema.meta({ [API_CODES]: codes }) as T;
}

function apiCodes(schema: z.ZodType | undefined): Record<string, number> | undefined {
  for (let current = schema; current;) {
    const codes = z.globalRegistry.get(current)?.[API_CODES] as Record<string, number> | undefined;
    if (codes) return codes;
    const def = defOf(current);
    current = def && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'pipe'].includes(def.type) ? (def.innerType ?? def.in) : undefined;
  }
  return undefined;
}

export function toApiValue(value: unknown, schema: z.ZodType | undefined): unknown {
  const codes = apiCodes(schema);
  if (codes && typeof value === 'string' && Object.hasOwn(codes, value)) return codes[value];
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
  const codes = apiCodes(schema);
  if (codes && typeof value === 'number') {
    // A number this version has no name for stays a number: the diff shows it rather than hiding it.
    const name = Object.keys(codes).find((key) => codes[key] === value);
    return name ?? value;
  }
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
