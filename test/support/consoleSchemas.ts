import { z } from 'zod';

/**
 * Shapes of calls the provider never makes (operational data: engagements, events, recordings, SMS, analytics
 * datasets), which tests make through ConsoleCalls to check the emulator against Zoom's document. They live with the
 * tests, not in the provider's client.
 */
const queueRef = z.object({ queue_id: z.string().optional(), cc_queue_id: z.string().optional(), queue_name: z.string().optional() });
const agentRef = z.object({ user_id: z.string().optional(), display_name: z.string().optional() });

export const engagementSchema = z.object({
  engagement_id: z.string(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  duration: z.number().optional(),
  direction: z.string().optional(),
  channels: z.array(z.object({ channel: z.string().optional(), channel_source: z.string().optional() })).optional(),
  consumers: z
    .array(z.object({ consumer_id: z.string().optional(), consumer_display_name: z.string().optional(), consumer_number: z.string().optional() }))
    .optional(),
  queues: z.array(queueRef).optional(),
  agents: z.array(agentRef).optional(),
  waiting_duration: z.number().optional(),
  handling_duration: z.number().optional(),
  talk_duration: z.number().optional(),
  wrap_up_duration: z.number().optional(),
  dispositions: z.array(z.object({ disposition_id: z.string().optional(), disposition_name: z.string().optional() })).optional(),
});
export type ZccEngagement = z.infer<typeof engagementSchema>;

export const engagementEventsSchema = z.object({
  engagement_id: z.string().optional(),
  events: z
    .array(
      z.object({
        start_time: z.string().optional(),
        event_name: z.string().optional(),
        channel: z.string().optional(),
        channel_source: z.string().optional(),
        event_content: z.string().optional(),
      }),
    )
    .optional(),
});

export const recordingSchema = z.object({
  recording_id: z.string(),
  queue_id: z.string().optional(),
  queue_name: z.string().optional(),
  recording_duration: z.number().optional(),
  download_url: z.string().optional(),
  recording_start_time: z.string().optional(),
  recording_end_time: z.string().optional(),
  user_id: z.string().optional(),
  display_name: z.string().optional(),
  recording_type: z.string().optional(),
  channel: z.string().optional(),
  direction: z.string().optional(),
  owner_type: z.string().optional(),
  engagement_id: z.string().optional(),
});
export type ZccRecording = z.infer<typeof recordingSchema>;

export const smsSchema = z.object({
  engagement_id: z.string(),
  direction: z.string().optional(),
  contact_center_number: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  consumer_number: z.string().optional(),
  queues: z.array(queueRef).optional(),
  agents: z.array(agentRef).optional(),
  total_sent_messages: z.number().optional(),
  total_received_messages: z.number().optional(),
});
export type ZccSms = z.infer<typeof smsSchema>;

/** One row of the historical agent-performance dataset (per agent and engagement). */
export const agentPerformanceSchema = z.object({
  engagement_id: z.string().optional(),
  user_id: z.string().optional(),
  user_name: z.string().optional(),
  queue_id: z.string().optional(),
  channel: z.string().optional(),
  handled_count: z.number().optional(),
  handle_duration: z.number().optional(),
  conversation_duration: z.number().optional(),
  wrap_up_duration: z.number().optional(),
});
/** One row of the historical queue-performance dataset (per engagement and queue). */
export const queuePerformanceSchema = z.object({
  engagement_id: z.string().optional(),
  queue_id: z.string().optional(),
  queue_name: z.string().optional(),
  enter_time: z.string().optional(),
  exit_time: z.string().optional(),
  handle_count: z.number().optional(),
  handle_duration: z.number().optional(),
});
