import { identified } from '../lookup';
import { conflict, invalidField, notFound } from '../errors';
import { paginate } from '../pagination';
import { now } from '../table';
import type { EmulatorState, TeamRow } from '../state';
import { asBody, rejectUnknownFields, stringField, idList } from '../validate';
import { defineRoutes, params, query } from '../context';
import { findQueue } from './queues';

/**
 * Teams (`/teams`), in the shapes of Zoom's document: a tree under the account's root team (`parent_team_id` is
 * required; `PATCH …/move` moves a team under another parent), their agents and supervisors, and the teams a queue is assigned. The
 * document has no call that lists a queue's teams; the emulator keeps them (the control surface shows them).
 */
export function registerTeamRoutes(route: ReturnType<typeof defineRoutes>) {
  const teamOf = (state: EmulatorState, id: string) => identified('Team', { id: (k: string) => state.teams.get(k) }, 'team_id', 'id', id);
  const view = (state: EmulatorState, row: TeamRow) => ({
    ...row,
    parent_team_name: row.parent_team_id ? state.teams.get(row.parent_team_id)?.team_name : undefined,
  });
  const unique = (state: EmulatorState, row: { team_name: string; parent_team_id?: string }, except?: string) => {
    if (state.teams.all().some((t) => t.team_name === row.team_name && t.parent_team_id === row.parent_team_id && t.team_id !== except))
      throw conflict(`A team named ${row.team_name} already exists under this parent.`);
  };
  const ids = (value: unknown, field: string): string[] => {
    const list = idList(value);
    if (list.length === 0) throw invalidField(field, 'Expected at least one id.');
    return list;
  };

  route('GET', '/contact_center/teams', 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.teams
      .all()
      .filter(
        (t) =>
          (typeof q.parent_team_id !== 'string' || t.parent_team_id === q.parent_team_id) && (typeof q.team_name !== 'string' || t.team_name === q.team_name),
      );
    return {
      body: paginate(
        rows.map((row) => view(state, row)),
        q,
        'teams',
        300,
      ),
    };
  });
  route('POST', '/contact_center/teams', 'light', (request, { state }) => {
    const body = asBody(request.body);
    rejectUnknownFields(body, ['team_name', 'team_description', 'parent_team_id']);
    const parent = teamOf(state, stringField(body, 'parent_team_id', { required: true, min: 1, max: 64 })!);
    const row = {
      team_id: state.teams.nextId(),
      team_name: stringField(body, 'team_name', { required: true, min: 1, max: 64 })!,
      team_description: stringField(body, 'team_description', { max: 256 }) ?? '',
      parent_team_id: parent.team_id,
      created_time: now(),
    };
    unique(state, row);
    state.teams.insert(row);
    const { modify_time: _modified, ...answer } = view(state, row);
    return { status: 201, body: answer };
  });
  route('GET', '/contact_center/teams/:teamId', 'light', (request, { state }) => ({ body: view(state, teamOf(state, params(request).teamId)) }));
  route('PATCH', '/contact_center/teams/:teamId', 'light', (request, { state }) => {
    const row = teamOf(state, params(request).teamId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['team_name', 'team_description']);
    const name = stringField(body, 'team_name', { required: true, min: 1, max: 64 })!;
    unique(state, { team_name: name, parent_team_id: row.parent_team_id }, row.team_id);
    const description = stringField(body, 'team_description', { max: 256 });
    Object.assign(row, { team_name: name, ...(description !== undefined ? { team_description: description } : {}), modify_time: now() });
    return { status: 204 };
  });
  // Moves a team under another parent, in place: its id, members, supervisors and queue links stay.
  route('PATCH', '/contact_center/teams/:teamId/move', 'light', (request, { state }) => {
    const row = teamOf(state, params(request).teamId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['parent_team_id']);
    const parentId = stringField(body, 'parent_team_id', { required: true, min: 1, max: 128 })!;
    if (!row.parent_team_id) throw invalidField('teamId', 'The root team cannot be moved.');
    const parent = state.teams.get(parentId);
    if (!parent) throw notFound('Team', parentId);
    // Under itself or one of its descendants, the tree would become a cycle.
    for (let at: TeamRow | undefined = parent; at; at = at.parent_team_id ? state.teams.get(at.parent_team_id) : undefined)
      if (at.team_id === row.team_id) throw invalidField('parent_team_id', 'A team cannot be moved under itself or one of its own teams.');
    unique(state, { team_name: row.team_name, parent_team_id: parentId }, row.team_id);
    Object.assign(row, { parent_team_id: parentId, modify_time: now() });
    return { status: 204 };
  });
  route('DELETE', '/contact_center/teams/:teamId', 'light', (request, { state }) => {
    const row = teamOf(state, params(request).teamId);
    if (!row.parent_team_id) throw invalidField('teamId', 'The root team cannot be deleted.');
    const children = state.teams.all().filter((t) => t.parent_team_id === row.team_id);
    if (children.length > 0) throw conflict(`Team ${row.team_id} has child teams: ${children.map((t) => t.team_id).join(', ')}.`);
    state.teams.delete(row.team_id);
    state.teamAgents.delete(row.team_id);
    state.teamSupervisors.delete(row.team_id);
    for (const [queueId, teams] of state.queueTeams)
      state.queueTeams.set(
        queueId,
        teams.filter((id) => id !== row.team_id),
      );
    return { status: 204 };
  });

  for (const [role, map] of [
    ['agents', (state: EmulatorState) => state.teamAgents],
    ['supervisors', (state: EmulatorState) => state.teamSupervisors],
  ] as const) {
    const member = (state: EmulatorState, userId: string) => {
      const user = state.users.get(userId);
      return { user_id: userId, user_display_name: user?.display_name, user_email: user?.user_email, cc_user_id: user?.cc_user_id };
    };
    route('GET', `/contact_center/teams/:teamId/${role}`, 'medium', (request, { state }) => {
      const team = teamOf(state, params(request).teamId);
      return {
        body: paginate(
          (map(state).get(team.team_id) ?? []).map((id) => member(state, id)),
          query(request),
          role,
          300,
        ),
      };
    });
    route('POST', `/contact_center/teams/:teamId/${role}`, 'light', (request, { state }) => {
      const team = teamOf(state, params(request).teamId);
      const body = asBody(request.body);
      rejectUnknownFields(body, ['user_ids']);
      if (!Array.isArray(body.user_ids) || body.user_ids.length === 0 || body.user_ids.some((id) => typeof id !== 'string'))
        throw invalidField('user_ids', 'Expected a non-empty array of user ids.');
      for (const id of body.user_ids as string[]) if (!state.users.get(id)) throw notFound('User', id);
      const current = map(state).get(team.team_id) ?? [];
      const added = (body.user_ids as string[]).filter((id) => !current.includes(id));
      map(state).set(team.team_id, [...current, ...added]);
      const at = now();
      return { status: 201, body: { [role]: added.map((id) => ({ ...member(state, id), assigned_time: at })) } };
    });
    route('DELETE', `/contact_center/teams/:teamId/${role}`, 'light', (request, { state }) => {
      const team = teamOf(state, params(request).teamId);
      const gone = new Set(ids(query(request).user_ids, 'user_ids'));
      map(state).set(
        team.team_id,
        (map(state).get(team.team_id) ?? []).filter((id) => !gone.has(id)),
      );
      return { status: 204 };
    });
  }

  route('POST', '/contact_center/queues/:queueId/teams', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['team_ids']);
    if (!Array.isArray(body.team_ids) || body.team_ids.length === 0 || body.team_ids.some((id) => typeof id !== 'string'))
      throw invalidField('team_ids', 'Expected a non-empty array of team ids.');
    const teams = (body.team_ids as string[]).map((id) => teamOf(state, id));
    const current = state.queueTeams.get(queue.queue_id) ?? [];
    state.queueTeams.set(queue.queue_id, [...current, ...teams.map((t) => t.team_id).filter((id) => !current.includes(id))]);
    return { status: 201, body: { teams: teams.map((t) => ({ team_id: t.team_id, team_name: t.team_name })) } };
  });
  route('DELETE', '/contact_center/queues/:queueId/teams', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['team_ids']);
    const gone = new Set(ids(body.team_ids, 'team_ids'));
    state.queueTeams.set(
      queue.queue_id,
      (state.queueTeams.get(queue.queue_id) ?? []).filter((id) => !gone.has(id)),
    );
    return { status: 204 };
  });
  route('DELETE', '/contact_center/queues/:queueId/teams/:teamId', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const teamId = params(request).teamId;
    const current = state.queueTeams.get(queue.queue_id) ?? [];
    if (!current.includes(teamId)) throw notFound('Queue team', teamId);
    state.queueTeams.set(
      queue.queue_id,
      current.filter((id) => id !== teamId),
    );
    return { status: 204 };
  });
}
