import type { z } from 'zod';
import type { RateCategory } from './config';
import * as schemas from './schemas';
import { segment } from './paths';

/**
 * Every configuration endpoint of Zoom's Contact Center API this package calls, defined once: its path, rate-limit
 * category per operation, list key and documented page-size cap. The client's typed methods and the engine's REST
 * store are both built from these, and write locks follow from the paths (`lockKeyOf`).
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
  queues: { path: '/contact_center/queues', objectId: 'queueId', listKey: 'queues', item: schemas.queueSchema, maxPageSize: 300, categories: LIGHT_WRITES },
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
  userQueues: {
    path: '/contact_center/users/{userId}/queues',
    objectId: 'queueId',
    listKey: 'queues',
    item: schemas.userQueueSchema,
    maxPageSize: 300,
    categories: MEDIUM,
  },
  userSkills: {
    path: '/contact_center/users/{userId}/skills',
    objectId: 'skillId',
    listKey: 'skills',
    item: schemas.userSkillSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  skillUsers: {
    path: '/contact_center/skills/{skillId}/users',
    objectId: 'userId',
    listKey: 'users',
    item: schemas.skillUserSchema,
    maxPageSize: 300,
    categories: MEDIUM,
  },
  skillCategories: {
    path: '/contact_center/skills/categories',
    objectId: 'skillCategoryId',
    listKey: 'skill_categories',
    item: schemas.skillCategorySchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  skills: { path: '/contact_center/skills', objectId: 'skillId', listKey: 'skills', item: schemas.skillSchema, maxPageSize: 300, categories: LIGHT_WRITES },
  // A flow import (the create) is a Medium call; export and publish are Light, like get and update.
  flows: {
    path: '/contact_center/flows',
    objectId: 'flowId',
    listKey: 'flows',
    item: schemas.flowSchema,
    maxPageSize: 100,
    categories: { ...LIGHT_WRITES, create: 'medium' },
  },
  dispositions: {
    path: '/contact_center/dispositions',
    objectId: 'dispositionId',
    listKey: 'dispositions',
    item: schemas.dispositionSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  dispositionSets: {
    path: '/contact_center/dispositions/sets',
    objectId: 'dispositionSetId',
    listKey: 'disposition_sets',
    item: schemas.dispositionSetSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  variableGroups: {
    path: '/contact_center/variables/groups',
    objectId: 'variableGroupId',
    listKey: 'variable_groups',
    item: schemas.variableGroupSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  businessHours: {
    path: '/contact_center/business_hours',
    objectId: 'businessHourId',
    listKey: 'business_hours',
    item: schemas.businessHoursSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  closureSets: {
    path: '/contact_center/closures',
    objectId: 'closureSetId',
    listKey: 'closure_sets',
    item: schemas.closureSetSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  // Where business hours and closure sets are used: read-only lists, read when a delete is refused.
  businessHoursQueues: {
    path: '/contact_center/business_hours/{businessHourId}/queues',
    objectId: 'queueId',
    listKey: 'queues',
    item: schemas.usingQueueSchema,
    maxPageSize: 300,
    categories: MEDIUM,
  },
  closureSetQueues: {
    path: '/contact_center/closures/{closureSetId}/queues',
    objectId: 'queueId',
    listKey: 'queues',
    item: schemas.usingQueueSchema,
    maxPageSize: 300,
    categories: MEDIUM,
  },
  // One object per queue, at the path itself (GET and PATCH, no list).
  queueOperatingHours: {
    path: '/contact_center/queues/{queueId}/operating_hours',
    objectId: '',
    listKey: '',
    item: schemas.queueOperatingHoursSchema,
    maxPageSize: 0,
    categories: LIGHT_WRITES,
  },
  queueDispositions: {
    path: '/contact_center/queues/{queueId}/dispositions',
    objectId: 'dispositionId',
    listKey: 'dispositions',
    item: schemas.queueDispositionSchema,
    maxPageSize: 100,
    categories: LIGHT_WRITES,
  },
  queueDispositionSets: {
    path: '/contact_center/queues/{queueId}/dispositions/sets',
    objectId: 'dispositionSetId',
    listKey: 'disposition_sets',
    item: schemas.queueDispositionSetSchema,
    maxPageSize: 100,
    categories: LIGHT_WRITES,
  },
  // Listed per group only (variable_group_id is a required query parameter).
  variables: {
    path: '/contact_center/variables',
    objectId: 'variableId',
    listKey: 'variables',
    item: schemas.variableSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  // Deleted by DELETE /inboxes?inbox_ids=… (with what happens to the messages), not at the object's path.
  inboxes: {
    path: '/contact_center/inboxes',
    objectId: 'inboxId',
    listKey: 'inboxes',
    item: schemas.inboxSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  inboxQueues: {
    path: '/contact_center/inboxes/{inboxId}/queues',
    objectId: 'queueId',
    listKey: 'queues',
    item: schemas.queueSchema.partial().extend({ queue_id: schemas.queueSchema.shape.queue_id }),
    maxPageSize: 0,
    categories: LIGHT_WRITES,
  },
  inboxUsers: {
    path: '/contact_center/inboxes/{inboxId}/users',
    objectId: 'userId',
    listKey: 'users',
    item: schemas.skillUserSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  teams: { path: '/contact_center/teams', objectId: 'teamId', listKey: 'teams', item: schemas.teamSchema, maxPageSize: 300, categories: LIGHT_WRITES },
  teamAgents: {
    path: '/contact_center/teams/{teamId}/agents',
    objectId: 'userId',
    listKey: 'agents',
    item: schemas.teamMemberSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  teamSupervisors: {
    path: '/contact_center/teams/{teamId}/supervisors',
    objectId: 'userId',
    listKey: 'supervisors',
    item: schemas.teamMemberSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  // Added and removed only: the document has no call that lists a queue's teams.
  queueTeams: {
    path: '/contact_center/queues/{queueId}/teams',
    objectId: 'teamId',
    listKey: 'teams',
    item: schemas.teamSchema.partial(),
    maxPageSize: 0,
    categories: LIGHT_WRITES,
    unlisted: true,
  },
  // One object per flow, at the path itself: which entry points reach it.
  flowEntryPoints: {
    path: '/contact_center/flows/{flowId}/entry_points',
    objectId: '',
    listKey: 'entry_points',
    item: schemas.flowEntryPointsSchema,
    maxPageSize: 0,
    categories: LIGHT_WRITES,
  },
  /** The account's entry points, listed per channel (`channel` is required). */
  accountEntryPoints: {
    path: '/contact_center/flows_entry_points',
    objectId: 'entryId',
    listKey: 'entry_points',
    item: schemas.entryPointSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
  },
  agentRoutingProfiles: {
    path: '/contact_center/agent_routing_profiles',
    objectId: 'agentRoutingProfileId',
    listKey: 'agent_routing_profiles',
    item: schemas.agentRoutingProfileSchema,
    maxPageSize: 100,
    categories: LIGHT_WRITES,
  },
  consumerRoutingProfiles: {
    path: '/contact_center/consumer_routing_profiles',
    objectId: 'consumerRoutingProfileId',
    listKey: 'consumer_routing_profiles',
    item: schemas.consumerRoutingProfileSchema,
    maxPageSize: 300,
    categories: LIGHT_WRITES,
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
