import type { z } from 'zod';
import type { RateCategory } from './config';
import * as schemas from './schemas';
import { segment } from './paths';

/**
 * What an endpoint of Zoom's Contact Center API is (`Collection`: path, rate-limit category per operation, list key,
 * documented page-size cap) and how paths are filled and locked (`lockKeyOf`). Each kind's endpoints are defined in
 * its spec file (provider/specs); the ones here are those the client's own typed calls use (queue agents and
 * supervisors, users, user skills, flows), which a spec cannot hold without an upward import.
 */
export interface Collection<Item = unknown> {
  /** The collection's path; `{name}` placeholders take one id each, in order (`/contact_center/queues/{queueId}/agents`). */
  path: string;
  /** The name of one object's id in its path (`queueId`: one object is at `${path}/{queueId}`). */
  objectId: string;
  /** Key of the item array in list answers. */
  listKey: string;
  item: z.ZodType<Item>;
  /** The list's documented page-size cap (Zoom's usual maximum is 300); 0 when the document gives the list no page parameters. */
  maxPageSize: number;
  categories: { list: RateCategory; get: RateCategory; create: RateCategory; update: RateCategory; delete: RateCategory };
  /** The document has no call that lists the collection (a queue's teams): it can be added to and removed from only. */
  unlisted?: true;
}

export const LIGHT_WRITES = { list: 'medium', get: 'light', create: 'light', update: 'light', delete: 'light' } as const;
export const MEDIUM = { list: 'medium', get: 'medium', create: 'medium', update: 'medium', delete: 'medium' } as const;

export const endpoints = {
  queueAgents: {
    path: '/contact_center/queues/{queueId}/agents',
    objectId: 'userId',
    listKey: 'agents',
    item: schemas.queueMemberSchema,
    maxPageSize: 100,
    categories: MEDIUM,
  },
  queueSupervisors: {
    path: '/contact_center/queues/{queueId}/supervisors',
    objectId: 'userId',
    listKey: 'supervisors',
    item: schemas.queueMemberSchema,
    maxPageSize: 100,
    categories: MEDIUM,
  },
  users: { path: '/contact_center/users', objectId: 'userId', listKey: 'users', item: schemas.userSchema, maxPageSize: 300, categories: LIGHT_WRITES },
  userSkills: {
    path: '/contact_center/users/{userId}/skills',
    objectId: 'skillId',
    listKey: 'skills',
    item: schemas.userSkillSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  // A flow import (the create) is a Medium call; export and publish are Light, like get and update.
  flows: {
    path: '/contact_center/flows',
    objectId: 'flowId',
    listKey: 'flows',
    item: schemas.flowSchema,
    maxPageSize: 100,
    categories: { ...LIGHT_WRITES, create: 'medium' },
  },
} satisfies Record<string, Collection>;

/** `template` with its placeholders replaced, in order, by `ids`, each checked to be one literal path segment. */
export function fillPath(template: string, ids: readonly string[]): string {
  let index = 0;
  const path = template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    if (index >= ids.length) throw new RangeError(`${template} needs more ids than the ${ids.length} given.`);
    return segment(ids[index++], name);
  });
  if (index !== ids.length) throw new RangeError(`${template} takes ${index} id(s); got ${ids.length}.`);
  return path;
}

/** One object's path: the collection's path plus the object's id. */
export function objectPath(collection: Collection, ids: readonly string[]): string {
  return fillPath(objectTemplate(collection), ids);
}

/** The path template of one object of the collection (`/contact_center/queues/{queueId}`). */
export function objectTemplate(collection: Collection): string {
  return `${collection.path}/{${collection.objectId}}`;
}

/**
 * The write lock of a path: the top-level object it changes (`/contact_center/queues/Q` for a queue, its agents and
 * its supervisors; `/contact_center/flows/F` for a flow and its publish). Zoom answers 429 to a write that arrives
 * while another write to the same object runs, so the client never sends two at once.
 */
export function lockKeyOf(template: string, ids: readonly string[]): string | undefined {
  const first = template.indexOf('}');
  return first < 0 ? undefined : fillPath(template.slice(0, first + 1), ids.slice(0, 1));
}
