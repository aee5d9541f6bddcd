import { notFound } from '../errors';
import { paginate } from '../pagination';
import type { EngagementRow } from '../state';
import { dateQuery, enumField } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * The operational endpoints in the shapes of Zoom's OpenAPI document (Part 2): engagements and their events,
 * recordings, SMS, and the historical analytics datasets, over the seeded engagement history. They replace the
 * summary's invented paths (`/accounts/{id}/contact_center/voice_calls`, `/reports/*`), which answer 404.
 */
const DAY = 86_400_000;

function inRange(rows: EngagementRow[], q: Record<string, unknown>): EngagementRow[] {
  const from = dateQuery(q.from, 'from');
  const to = dateQuery(q.to, 'to');
  // `to` is a day: include the whole of it.
  const toEnd = to === undefined ? undefined : to + DAY - 1;
  return rows.filter((row) => {
    const at = Date.parse(row.start_time);
    return (from === undefined || at >= from) && (toEnd === undefined || at <= toEnd);
  });
}

/** The seed's channels in the document's terms: chat and SMS are the messaging channel. */
const channelOf = (row: EngagementRow) => (row.channel === 'chat' || row.channel === 'sms' ? 'messaging' : row.channel);
const sourceOf = (row: EngagementRow) =>
  ({ voice: undefined, video: 'web_video', chat: 'web_chat', sms: 'sms', email: 'email_address' })[row.channel as 'voice'];
const window = (q: Record<string, unknown>) => ({ from: typeof q.from === 'string' ? q.from : undefined, to: typeof q.to === 'string' ? q.to : undefined });

function filtered(rows: EngagementRow[], q: Record<string, unknown>): EngagementRow[] {
  let out = inRange(rows, q);
  if (q.direction !== undefined) out = out.filter((row) => row.direction === enumField({ direction: q.direction }, 'direction', ['inbound', 'outbound']));
  if (typeof q.user_id === 'string' && q.user_id !== '') out = out.filter((row) => row.agent_id === q.user_id);
  if (typeof q.queue_id === 'string' && q.queue_id !== '') out = out.filter((row) => row.queue_id === q.queue_id);
  if (typeof q.engagement_id === 'string' && q.engagement_id !== '') out = out.filter((row) => row.engagement_id === q.engagement_id);
  if (typeof q.consumer_number === 'string' && q.consumer_number !== '') out = out.filter((row) => row.consumer_phone === q.consumer_number);
  if (q.channel !== undefined) {
    const channel = enumField({ channel: q.channel }, 'channel', ['voice', 'video', 'messaging', 'email', 'work_item']);
    out = out.filter((row) => channelOf(row) === channel);
  }
  return out;
}

const engagementView = (row: EngagementRow) => ({
  engagement_id: row.engagement_id,
  start_time: row.start_time,
  end_time: row.end_time,
  duration: row.duration,
  direction: row.direction,
  channels: [{ channel: channelOf(row), ...(sourceOf(row) ? { channel_source: sourceOf(row) } : {}) }],
  consumers: [{ consumer_number: row.consumer_phone }],
  queues: [{ queue_id: row.queue_id, queue_name: row.queue_name }],
  agents: [{ user_id: row.agent_id, display_name: row.agent_name }],
  waiting_duration: row.wait_time,
  handling_duration: row.duration,
  talk_duration: Math.max(0, row.duration - 30),
  wrap_up_duration: 30,
  transfer_count: 0,
  dispositions: [{ disposition_id: `disp_${row.disposition}`, disposition_name: row.disposition }],
});

export function registerOperationRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/engagements', 'medium', (request, { state }) => {
    const q = query(request);
    return { body: { ...window(q), timezone: 'UTC', ...paginate(filtered(state.engagements.all(), q).map(engagementView), q, 'engagements', 300) } };
  });

  route('GET', '/contact_center/engagements/:engagementId', 'light', (request, { state }) => {
    const row = state.engagements.get(params(request).engagementId);
    if (!row) throw notFound('Engagement', params(request).engagementId);
    const { engagement_id, start_time, end_time, duration, channels } = engagementView(row);
    return { body: { engagement_id, start_time, end_time, duration, channels } };
  });

  route('GET', '/contact_center/engagements/:engagementId/events', 'medium', (request, { state }) => {
    const row = state.engagements.get(params(request).engagementId);
    if (!row) throw notFound('Engagement', params(request).engagementId);
    const media =
      row.channel === 'voice' || row.channel === 'video' ? { channel: row.channel, channel_source: row.channel === 'voice' ? 'voice' : 'web_video' } : {};
    const events = (state.engagementEvents.get(row.engagement_id) ?? []).map((event) => ({
      start_time: event.time,
      event_name: event.event_type,
      ...media,
      event_content: event.detail,
    }));
    return { body: { engagement_id: row.engagement_id, events } };
  });

  route('GET', '/contact_center/recordings', 'heavy', (request, { state }) => {
    const q = query(request);
    const rows = filtered(state.engagements.all(), q).filter((row) => row.has_recording && (row.channel === 'voice' || row.channel === 'video'));
    const recordings = rows.map((row) => ({
      recording_id: `rec_${row.engagement_id}`,
      queue_id: row.queue_id,
      queue_name: row.queue_name,
      recording_duration: row.duration,
      download_url: `https://zoom.example/recordings/${row.engagement_id}.mp3`,
      recording_start_time: row.start_time,
      recording_end_time: row.end_time,
      user_id: row.agent_id,
      display_name: row.agent_name,
      recording_type: 'automatic',
      channel: row.channel,
      direction: row.direction,
      owner_id: row.queue_id,
      owner_name: row.queue_name,
      owner_type: 'queue',
      engagement_id: row.engagement_id,
    }));
    return { body: { ...window(q), ...paginate(recordings, q, 'recordings', 300, { total: false }) } };
  });

  route('GET', '/contact_center/sms', 'heavy', (request, { state }) => {
    const q = query(request);
    const sms = filtered(state.engagements.all(), q)
      .filter((row) => row.channel === 'sms')
      .map((row) => ({
        direction: row.direction,
        engagement_id: row.engagement_id,
        contact_center_number: '+14155550100',
        start_time: row.start_time,
        end_time: row.end_time,
        consumer_number: row.consumer_phone,
        queues: [{ queue_id: row.queue_id, queue_name: row.queue_name }],
        agents: [{ user_id: row.agent_id, display_name: row.agent_name }],
        sms_types: ['sms'],
        total_sent_messages: 1 + (row.duration % 3),
        total_received_messages: 1 + (row.duration % 4),
      }));
    return { body: { ...window(q), ...paginate(sms, q, 'sms', 300) } };
  });

  route('GET', '/contact_center/analytics/dataset/historical/agent_performance', 'heavy', (request, { state }) => {
    const q = query(request);
    const users = filtered(state.engagements.all(), q).map((row) => ({
      engagement_id: row.engagement_id,
      start_time: row.start_time,
      end_time: row.end_time,
      direction: row.direction,
      user_id: row.agent_id,
      user_name: row.agent_name,
      channel: channelOf(row),
      queue_id: row.queue_id,
      queue_name: row.queue_name,
      handled_count: 1,
      handle_duration: row.duration,
      conversation_duration: Math.max(0, row.duration - 30),
      hold_count: 0,
      wrap_up_duration: 30,
    }));
    return { body: { ...window(q), timezone: 'UTC', ...paginate(users, q, 'users', 300) } };
  });

  route('GET', '/contact_center/analytics/dataset/historical/queue_performance', 'heavy', (request, { state }) => {
    const q = query(request);
    const queues = filtered(state.engagements.all(), q).map((row) => ({
      engagement_id: row.engagement_id,
      enter_time: row.start_time,
      exit_time: new Date(Date.parse(row.start_time) + row.wait_time * 1000).toISOString(),
      queue_id: row.queue_id,
      queue_name: row.queue_name,
      enter_channel: channelOf(row),
      direction: row.direction,
      handle_count: row.disposition === 'abandoned' ? 0 : 1,
      handle_duration: row.duration,
      conversation_duration: Math.max(0, row.duration - 30),
      hold_count: 0,
      wrap_up_duration: 30,
    }));
    return { body: { ...window(q), timezone: 'UTC', ...paginate(queues, q, 'queues', 300) } };
  });
}
