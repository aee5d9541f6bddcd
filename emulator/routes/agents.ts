import { notFound, EmulatorError } from '../errors';
import { paginate } from '../pagination';
import { now } from '../store';
import { AGENT_STATUSES, type AgentRow, type EmulatorState } from '../state';
import { asBody, enumField, integerField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params, query } from '../context';

function findAgent(state: EmulatorState, id: string): AgentRow {
  const agent = state.agents.get(id);
  if (!agent) throw notFound('Agent', id);
  return agent;
}

const publicAgent = ({ status: _status, status_since: _since, ...agent }: AgentRow) => agent;

function channelStatus(agent: AgentRow) {
  const value = agent.status === 'available' ? 'available' : 'unavailable';
  return { voice: value, chat: value, video: value };
}

export function registerAgentRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/agents', 'medium', (request, { state }) => {
    const q = query(request);
    let agents = state.agents.all();
    if (typeof q.search_key === 'string' && q.search_key !== '') {
      const key = q.search_key.toLowerCase();
      agents = agents.filter((a) => a.email.toLowerCase() === key || a.display_name.toLowerCase().includes(key));
    }
    return { body: paginate(agents.map(publicAgent), q, 'agents') };
  });

  route('GET', '/contact_center/agents/:agentId', 'light', (request, { state }) => ({ body: publicAgent(findAgent(state, params(request).agentId)) }));

  route('PATCH', '/contact_center/agents/:agentId', 'light', (request, { state }) => {
    const agent = findAgent(state, params(request).agentId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['display_name', 'role_name', 'max_engagements']);
    const displayName = stringField(body, 'display_name', { min: 1, max: 128 });
    const roleName = stringField(body, 'role_name', { min: 1, max: 64 });
    const maxEngagements = integerField(body, 'max_engagements', 1, 10);
    if (displayName !== undefined) agent.display_name = displayName;
    if (roleName !== undefined) agent.role_name = roleName;
    if (maxEngagements !== undefined) agent.max_engagements = maxEngagements;
    return { status: 204 };
  });

  route('GET', '/contact_center/agents/:agentId/status', 'light', (request, { state }) => {
    const agent = findAgent(state, params(request).agentId);
    const current = [...state.queueAgents.values()].some((ids) => ids.includes(agent.user_id)) && agent.status === 'busy' ? 1 : 0;
    return {
      body: {
        agent_id: agent.user_id,
        status: agent.status,
        status_since: agent.status_since,
        channels: channelStatus(agent),
        current_engagements: current,
        max_engagements: agent.max_engagements,
      },
    };
  });

  route('PATCH', '/contact_center/agents/:agentId/status', 'light', (request, { state }) => {
    const agent = findAgent(state, params(request).agentId);
    const body = asBody(request.body);
    rejectUnknownFields(body, ['status']);
    const status = enumField(body, 'status', AGENT_STATUSES, true)!;
    if (status === 'busy') throw new EmulatorError(400, 300, 'Invalid field: status. An agent becomes busy only by taking an engagement.');
    agent.status = status;
    agent.status_since = now();
    return { status: 204 };
  });
}
