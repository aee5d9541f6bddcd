import { EmulatorError, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import { registerRestCollection } from '../restRoutes';
import { now } from '../table';
import type { EmulatorState, RegionRow } from '../state';
import { asBody, idList, rejectUnknownFields } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * Regions (`/contact_center/regions`): every user is in one, the main region by default. Deleting a region moves its
 * users to `move_to_region_id` (required); the main region cannot be deleted. SIP zones are the account's (the
 * document has no call for them): the emulator knows the ones below, an assumption the README states.
 */
export const SIP_ZONES: Record<string, string> = { sz_us_east: 'US East', sz_us_west: 'US West', sz_eu_central: 'EU Central' };
export const MAIN_REGION = 'region_main';

const usersIn = (state: EmulatorState, region: RegionRow) => state.users.all().filter((user) => (user.region_id ?? MAIN_REGION) === region.region_id);
const zoneProblem = (value: unknown) =>
  typeof value === 'string' && !(value in SIP_ZONES) ? `Unknown SIP zone; known: ${Object.keys(SIP_ZONES).join(', ')}.` : undefined;

export function registerRegionRoutes(route: ReturnType<typeof defineRoutes>) {
  const view = (row: RegionRow) => ({
    region_id: row.region_id,
    region_name: row.region_name,
    ...(row.sip_zone_id ? { sip_zone_id: row.sip_zone_id, sip_zone_name: SIP_ZONES[row.sip_zone_id] } : {}),
    is_main_region: row.is_main_region,
  });
  const { find: regionOf } = registerRestCollection<RegionRow>(route, {
    noun: 'Region',
    path: '/contact_center/regions',
    param: 'regionId',
    listKey: 'regions',
    maxPageSize: 300,
    idField: 'region_id',
    nameField: 'region_name',
    identifierType: 'region_identifier_type',
    table: (state) => state.regions,
    create: { region_name: { type: 'string', required: true, min: 1, max: 64 }, sip_zone_id: { type: 'string', max: 64 } },
    patch: { region_name: { type: 'string', min: 1, max: 64 }, sip_zone_id: { type: 'string', max: 64 } },
    newRow: (_state, body) => {
      const problem = zoneProblem(body.sip_zone_id);
      if (problem) throw invalidField('sip_zone_id', problem);
      return {
        region_id: '',
        region_name: String(body.region_name),
        ...(body.sip_zone_id ? { sip_zone_id: String(body.sip_zone_id) } : {}),
        is_main_region: false,
      };
    },
    applyPatch: (_state, row, body) => {
      const problem = zoneProblem(body.sip_zone_id);
      if (problem) throw invalidField('sip_zone_id', problem);
      Object.assign(row, body);
    },
    listView: (state, row) => ({ ...view(row), users_count: usersIn(state, row).length, last_modified_time: row.last_modified_time }),
    view: (_state, row) => view(row),
    createView: (_state, row) => ({ region_name: row.region_name, region_id: row.region_id, ...(row.sip_zone_id ? { sip_zone_id: row.sip_zone_id } : {}) }),
    beforeDelete: (state, row, q) => {
      if (row.is_main_region) throw new EmulatorError(400, 300, `Region ${row.region_name} is the main region and cannot be deleted.`);
      if (typeof q.move_to_region_id !== 'string' || q.move_to_region_id === '')
        throw invalidField('move_to_region_id', 'This field is required: the region its users move to.');
      const target = state.regions.get(q.move_to_region_id);
      if (!target || target === row) throw invalidField('move_to_region_id', `Must be another existing region; got ${q.move_to_region_id}.`);
      for (const user of usersIn(state, row)) Object.assign(user, { region_id: target.region_id, region_name: target.region_name });
    },
  });

  route('GET', '/contact_center/regions/:regionId/users', 'medium', (request, { state }) => {
    const q = query(request);
    const region = regionOf(state, params(request).regionId, q.region_identifier_type);
    const users = usersIn(state, region).filter((user) => typeof q.role_id !== 'string' || q.role_id === '' || user.role_id === q.role_id);
    const body = users.map(({ user_id, cc_user_id, display_name, user_email, role_id, role_name }) => ({
      user_id,
      cc_user_id,
      display_name,
      user_email,
      role_id,
      role_name,
    }));
    return { body: paginate(body, q, 'users', 300) };
  });
  route('POST', '/contact_center/regions/:regionId/users', 'medium', (request, { state }) => {
    const region = regionOf(state, params(request).regionId, query(request).region_identifier_type);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['user_ids']);
    const ids = idList(body.user_ids);
    if (ids.length === 0) throw invalidField('user_ids', 'This field is required.');
    for (const id of ids) if (!state.users.get(id)) throw notFound('User', id);
    for (const id of ids) Object.assign(state.users.get(id)!, { region_id: region.region_id, region_name: region.region_name, last_modified_time: now() });
    return { status: 201, body: { user_ids: ids } };
  });
}
