import { z } from 'zod';
import { invalidField } from '../errors';
import type { EmulatorState } from '../state';
import { asBody } from '../validate';
import { defineRoutes, params, query } from '../context';
import { findQueue } from './queues';

/**
 * A queue's interrupts (`/queues/{queueId}/interrupt`): the audio played while a caller waits and the position and
 * wait-time announcements, in the official shapes. Assumptions the README states: a PATCH replaces each top-level
 * field it gives (`audio_interrupts` as a whole list, `notify_interrupts` as a whole object) and keeps the other;
 * a new queue has no audio interrupts and no announcements; `bucket_id` (which the document does not explain) is
 * accepted and ignored. Audio is named by asset id; the read adds the asset's name as `audio_filename` where the asset is known.
 */
const seconds = z.number().int().min(0).max(3600);
const audioType = z.enum(['standard', 'advanced']);
const part = (variable: string) =>
  z.strictObject({ audio_asset_id: z.string().min(1).optional(), audio_variable: z.literal(variable).optional(), order: z.number().int().min(1) });
const ordered = z.strictObject({ order: z.number().int().min(1), audio_asset_id: z.string().min(1) });

const patchSchema = z.strictObject({
  audio_interrupts: z
    .array(
      z.strictObject({
        audio_asset_id: z.string().min(1),
        play_after_seconds: seconds,
        is_loop: z.boolean(),
        loop_interval: seconds.optional(),
        disable_audio: z.boolean().optional(),
      }),
    )
    .max(10)
    .optional(),
  notify_interrupts: z
    .strictObject({
      play_after_seconds: seconds,
      is_loop: z.boolean(),
      loop_interval: seconds.optional(),
      notify_position_in_queue: z
        .strictObject({
          custom_audio_type: audioType,
          custom_audio: z.array(part('customer_position')),
          over_limit_custom_audio: z.array(z.strictObject({ order: z.number().int().min(1).optional(), audio_asset_id: z.string().min(1).optional() })),
        })
        .optional(),
      notify_estimated_wait_time: z
        .strictObject({
          custom_audio_type: audioType,
          custom_audio: z.array(part('wait_time')),
          over_limit_custom_audio: z.array(ordered),
          backup_custom_audio: z.array(ordered),
        })
        .optional(),
    })
    .optional(),
});
type Interrupts = z.infer<typeof patchSchema>;

/** The read: each audio item with its asset's name where the asset is known. */
function view(state: EmulatorState, interrupts: Interrupts) {
  const withFile = <T extends { audio_asset_id?: string }>(item: T) => {
    const asset = item.audio_asset_id ? state.assets.get(item.audio_asset_id) : undefined;
    return asset ? { ...item, audio_filename: asset.asset_name } : item;
  };
  const notify = interrupts.notify_interrupts;
  const section = <T extends Record<string, unknown>>(value: T | undefined) =>
    value && Object.fromEntries(Object.entries(value).map(([key, item]) => [key, Array.isArray(item) ? item.map(withFile) : item]));
  return {
    audio_interrupts: (interrupts.audio_interrupts ?? []).map(withFile),
    ...(notify
      ? {
          notify_interrupts: {
            ...notify,
            ...(notify.notify_position_in_queue ? { notify_position_in_queue: section(notify.notify_position_in_queue) } : {}),
            ...(notify.notify_estimated_wait_time ? { notify_estimated_wait_time: section(notify.notify_estimated_wait_time) } : {}),
          },
        }
      : {}),
  };
}

export function registerQueueInterruptRoutes(route: ReturnType<typeof defineRoutes>) {
  route('GET', '/contact_center/queues/:queueId/interrupt', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    void query(request);
    return { body: view(state, (state.queueInterrupts.get(queue.queue_id) as Interrupts | undefined) ?? {}) };
  });
  route('PATCH', '/contact_center/queues/:queueId/interrupt', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const parsed = patchSchema.safeParse(asBody(request.body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidField(issue.path.join('.') || 'body', issue.message);
    }
    const current = (state.queueInterrupts.get(queue.queue_id) as Interrupts | undefined) ?? {};
    state.queueInterrupts.set(queue.queue_id, { ...current, ...parsed.data });
    return { status: 204 };
  });
}
