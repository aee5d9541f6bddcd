import { invalidField, notFound } from './errors';

/** How a path's key is found, per `<object>_identifier_type` value (`id` first: it is the default). */
export type Finders<T> = { id: (key: string) => T | undefined } & Record<string, (key: string) => T | undefined>;

/**
 * The object a path names. Zoom's paths take an id, or another key (a name, an email) when the query sets
 * `<object>_identifier_type`; an unknown type is a 400 naming the parameter, a missing object undefined.
 */
export function identify<T>(finders: Finders<T>, typeField: string, type: unknown, key: string): T | undefined {
  const by = type === undefined ? 'id' : String(type);
  if (!Object.hasOwn(finders, by)) throw invalidField(typeField, `Must be one of: ${Object.keys(finders).join(', ')}.`);
  return finders[by](key);
}

/** As `identify`, with a 404 naming `what` when nothing matches. */
export function identified<T>(what: string, finders: Finders<T>, typeField: string, type: unknown, key: string): T {
  const row = identify(finders, typeField, type, key);
  if (!row) throw notFound(what, key);
  return row;
}
