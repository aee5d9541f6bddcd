import { EmulatorError, notFound } from '../errors';
import { paginate } from '../pagination';
import type { EngagementRow } from '../state';
import type { RouteContext } from '../context';
import { dateQuery } from '../validate';
import { defineRoutes, params, query } from '../context';

function inRange(rows: EngagementRow[], q: Record<string, unknown>): EngagementRow[] {
  const from = dateQuery(q.from, 'from');
  const to = dateQuery(q.to, 'to');
  // `to` is a day: include the whole of it.
  const toEnd = to === undefined ? undefined : to + 86_400_000 - 1;
  return rows.filter((row) => {
    const at = Date.parse(row.start_time);
    return (from === undefined || at >= from) && (toEnd === undefined || at <= toEnd);
  });
}

function checkAccount(ctx: RouteContext, accountId: string) {
  if (accountId !== ctx.accountId) throw new EmulatorError(404, 1001, `Account does not exist: ${accountId}.`);
}

const voiceCall = (row: EngagementRow) => ({
  engagement_id: row.engagement_id,
  call_id: row.engagement_id,
  call_type: row.direction,
  direction: row.direction,
  start_time: row.start_time,
  end_time: row.end_time,
  duration: row.duration,
  agent: { user_id: row.agent_id, display_name: row.agent_name },
  consumer: { phone_number: row.consumer_phone },
  queue: { queue_id: row.queue_id, queue_name: row.queue_name },
  disposition: row.disposition,
  has_recording: row.has_recording,
});

const smsLog = (row: EngagementRow) => ({
  engagement_id: row.engagement_id,
  direction: row.direction,
  start_time: row.start_time,
  end_time: row.end_time,
  agent: { user_id: row.agent_id, display_name: row.agent_name },
  consumer: { phone_number: row.consumer_phone },
  queue: { queue_id: row.queue_id, queue_name: row.queue_name },
  message_count: 2 + (row.duration % 5),
});

export function registerHistoryRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/engagements', 'medium', (request, { state }) => {
    const q = query(request);
    let rows = inRange(state.engagements.all(), q);
    if (typeof q.channel === 'string' && q.channel !== '') rows = rows.filter((row) => row.channel === q.channel);
    return { body: paginate(rows, q, 'engagements') };
  });

  route('GET', '/contact_center/engagements/:engagementId', 'light', (request, { state }) => {
    const row = state.engagements.get(params(request).engagementId);
    if (!row) throw notFound('Engagement', params(request).engagementId);
    return { body: row };
  });

  route('GET', '/contact_center/engagements/:engagementId/events', 'medium', (request, { state }) => {
    const id = params(request).engagementId;
    if (!state.engagements.get(id)) throw notFound('Engagement', id);
    return { body: paginate(state.engagementEvents.get(id) ?? [], query(request), 'events') };
  });

  route('GET', '/accounts/:accountId/contact_center/voice_calls', 'heavy', (request, ctx) => {
    checkAccount(ctx, params(request).accountId);
    const rows = inRange(ctx.state.engagements.all(), query(request)).filter((row) => row.channel === 'voice');
    return { body: paginate(rows.map(voiceCall), query(request), 'voice_calls') };
  });

  route('GET', '/contact_center/voice_calls/:callId', 'light', (request, { state }) => {
    const row = state.engagements.get(params(request).callId);
    if (!row || row.channel !== 'voice') throw notFound('Call', params(request).callId);
    return { body: voiceCall(row) };
  });

  route('GET', '/contact_center/voice_calls/:callId/recording', 'light', (request, { state }) => {
    const row = state.engagements.get(params(request).callId);
    if (!row || row.channel !== 'voice') throw notFound('Call', params(request).callId);
    if (!row.has_recording) throw notFound('Recording of call', row.engagement_id);
    return {
      body: {
        call_id: row.engagement_id,
        recording_id: `rec_${row.engagement_id}`,
        file_type: 'mp3',
        duration: row.duration,
        download_url: `https://zoom.us/rec/download/rec_${row.engagement_id}.mp3`,
      },
    };
  });

  route('GET', '/accounts/:accountId/contact_center/sms', 'heavy', (request, ctx) => {
    checkAccount(ctx, params(request).accountId);
    const rows = inRange(ctx.state.engagements.all(), query(request)).filter((row) => row.channel === 'sms');
    return { body: paginate(rows.map(smsLog), query(request), 'sms') };
  });

  route('GET', '/contact_center/sms/:engagementId', 'light', (request, { state }) => {
    const row = state.engagements.get(params(request).engagementId);
    if (!row || row.channel !== 'sms') throw notFound('SMS engagement', params(request).engagementId);
    const messages = Array.from({ length: 2 + (row.duration % 5) }, (_, n) => ({
      message_id: `${row.engagement_id}_m${n + 1}`,
      direction: n % 2 === 0 ? 'inbound' : 'outbound',
      body: n % 2 === 0 ? 'Hello, I need help with my order.' : 'Happy to help. What is the order number?',
      sent_time: new Date(Date.parse(row.start_time) + n * 30_000).toISOString(),
    }));
    return { body: { ...smsLog(row), messages } };
  });

  route('GET', '/contact_center/reports/agent_performance', 'heavy', (request, { state }) => {
    const q = query(request);
    const byAgent = new Map<string, { user_id: string; display_name: string; engagements_handled: number; total_handle_time: number }>();
    for (const row of inRange(state.engagements.all(), q)) {
      const entry = byAgent.get(row.agent_id) ?? { user_id: row.agent_id, display_name: row.agent_name, engagements_handled: 0, total_handle_time: 0 };
      entry.engagements_handled += 1;
      entry.total_handle_time += row.duration;
      byAgent.set(row.agent_id, entry);
    }
    const rows = [...byAgent.values()].map((e) => ({ ...e, average_handle_time: Math.round(e.total_handle_time / e.engagements_handled) }));
    return { body: paginate(rows, q, 'agents') };
  });

  route('GET', '/contact_center/reports/queue_performance', 'heavy', (request, { state }) => {
    const q = query(request);
    const byQueue = new Map<string, { queue_id: string; queue_name: string; engagements: number; abandoned: number; total_wait: number }>();
    for (const row of inRange(state.engagements.all(), q)) {
      const entry = byQueue.get(row.queue_id) ?? { queue_id: row.queue_id, queue_name: row.queue_name, engagements: 0, abandoned: 0, total_wait: 0 };
      entry.engagements += 1;
      if (row.disposition === 'abandoned') entry.abandoned += 1;
      entry.total_wait += row.wait_time;
      byQueue.set(row.queue_id, entry);
    }
    const rows = [...byQueue.values()].map(({ total_wait, ...e }) => ({ ...e, average_wait_time: Math.round(total_wait / e.engagements) }));
    return { body: paginate(rows, q, 'queues') };
  });

  route('GET', '/contact_center/reports/engagement_logs', 'heavy', (request, { state }) => {
    const q = query(request);
    return { body: paginate(inRange(state.engagements.all(), q), q, 'engagements') };
  });

  route('GET', '/contact_center/reports/historical', 'heavy', (request, { state }) => {
    const q = query(request);
    const byDay = new Map<string, { date: string; engagements: number; total_duration: number }>();
    for (const row of inRange(state.engagements.all(), q)) {
      const date = row.start_time.slice(0, 10);
      const entry = byDay.get(date) ?? { date, engagements: 0, total_duration: 0 };
      entry.engagements += 1;
      entry.total_duration += row.duration;
      byDay.set(date, entry);
    }
    return { body: paginate([...byDay.values()], q, 'data') };
  });
}
