import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { restStore } from '../engine/restStore';
import { defineSpec } from '../engine/spec';
import { text, zoomId } from './fields';
import { movesUsersOnDelete } from './movesUsersOnDelete';

/**
 * Regions (`/contact_center/regions`): every user is in one, the account's main region by default. The endpoint and
 * API shape live here, beside the spec. Deleting a region needs `move_to_region_id`: where its users go. The main
 * region is the account's own: export names it with getRegion.
 */
export const regionItemSchema = z.object({
  region_id: z.string(),
  region_name: z.string(),
  is_main_region: z.boolean().optional(),
  sip_zone_id: z.string().optional(),
  sip_zone_name: z.string().optional(),
  users_count: z.number().optional(),
  last_modified_time: z.string().optional(),
});
type ZccRegion = z.infer<typeof regionItemSchema>;

export const regionsEndpoint: Collection<ZccRegion> = {
  path: '/contact_center/regions',
  objectId: 'regionId',
  listKey: 'regions',
  item: regionItemSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

const regionDelete = movesUsersOnDelete({ collection: regionsEndpoint, input: 'moveUsersOnDeleteTo', queryField: 'move_to_region_id', noun: 'region' });

export const regionSpec = defineSpec<ZccRegion>()({
  kind: 'Region',
  description:
    'A Contact Center region: where its users are served from (a SIP zone). Deleting it needs `moveUsersOnDeleteTo` (the region its users move to): without it the resource is protected (Pulumi `protect`, unless its options set `protect` or `retainOnDelete`). The main region is found with getRegion.',
  endpoint: regionsEndpoint,
  idField: 'region_id',
  idOutput: 'regionId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    name: text('Region name, unique in the account (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    sipZoneId: zoomId("The SIP zone the region's calls use (`sip_zone_id`), one of the account's. Left out: ZCC's choice, not managed.").optional(),
    moveUsersOnDeleteTo: zoomId(
      'When this resource is deleted, move its users to this region (`move_to_region_id`). No default: set it before deleting.',
    ).optional(),
  }),
  apiFields: { name: 'region_name', sipZoneId: 'sip_zone_id' },
  uniqueName: true,
  naturalKey: ['name'],
  references: { moveUsersOnDeleteTo: 'Region' },
  deleteNeedsOneOf: ['moveUsersOnDeleteTo'],
  onDelete: regionDelete.onDelete,
  computedOutputs: (server) => ({ isMainRegion: server.is_main_region === true }),
  exportAs: { role: 'object', onlyIf: (item) => item.is_main_region !== true },
  lookup: {
    returns: {
      regionId: { from: 'region_id', type: 'string', required: true, description: 'The region id.' },
      name: { from: 'region_name', type: 'string', required: true, description: 'The name.' },
      isMainRegion: { from: 'is_main_region', type: 'boolean', description: "Whether it is the account's main region." },
      sipZoneId: { from: 'sip_zone_id', type: 'string', description: 'Its SIP zone.' },
      usersCount: { from: 'users_count', type: 'number', description: 'How many users it holds.' },
    },
  },
  outputs: {
    regionId: { description: 'The region id ZCC assigned.' },
    isMainRegion: { description: "Whether it is the account's main region.", type: 'boolean' },
  },
  example: `const main = zcc.getRegion({ name: 'Main' });
const emea = new zcc.Region('emea', { name: 'EMEA', sipZoneId: 'sz_eu_central', moveUsersOnDeleteTo: main.then((region) => region.regionId) });`,
  store: { ...restStore(regionsEndpoint), remove: regionDelete.remove },
});
