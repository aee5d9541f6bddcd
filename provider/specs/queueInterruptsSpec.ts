import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { isNotFound } from '../client/errors';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { integer, oneOf, zoomId } from './fields';

/**
 * A queue's interrupts (`/queues/{queueId}/interrupt`): audio played to a waiting caller and the announcements of
 * their position and estimated wait. A resource of its own, like QueueOperatingHours: its own endpoint and write,
 * settable on a queue the program does not manage. Each of the two settings is managed when declared; the PATCH
 * replaces what it gives (the list as a whole, the announcements as a whole). The endpoint and API shape live here.
 */
const audioItem = z.object({
  audio_asset_id: z.string().nullish(),
  audio_filename: z.string().nullish(),
  audio_url: z.string().nullish(),
  play_after_seconds: z.number().optional(),
  is_loop: z.boolean().optional(),
  loop_interval: z.number().nullish(),
  disable_audio: z.boolean().optional(),
});
const audioPart = z.object({
  order: z.number().optional(),
  audio_asset_id: z.string().nullish(),
  audio_filename: z.string().nullish(),
  audio_variable: z.string().optional(),
});
const announcement = z.object({
  custom_audio_type: z.enum(['standard', 'advanced']).optional(),
  custom_audio: z.array(audioPart).optional(),
  over_limit_custom_audio: z.array(audioPart).optional(),
  backup_custom_audio: z.array(audioPart).optional(),
});
export const queueInterruptsSchema = z.object({
  bucket_id: z.string().nullish(),
  audio_interrupts: z.array(audioItem).optional(),
  notify_interrupts: z
    .object({
      play_after_seconds: z.number().optional(),
      is_loop: z.boolean().optional(),
      loop_interval: z.number().nullish(),
      notify_position_in_queue: announcement.optional(),
      notify_estimated_wait_time: announcement.optional(),
    })
    .optional(),
});

export const queueInterruptsEndpoint: Collection<z.infer<typeof queueInterruptsSchema>> = {
  path: '/contact_center/queues/{queueId}/interrupt',
  objectId: '',
  listKey: '',
  item: queueInterruptsSchema,
  maxPageSize: 0,
  categories: LIGHT_WRITES,
};

/** What a queue without interrupts has, written back when the resource goes (only the settings it declared). */
const NONE: Props = { audio_interrupts: [], notify_interrupts: { play_after_seconds: 0, is_loop: false } };

function interruptsStore(): ObjectStore {
  const read = async (client: Parameters<ObjectStore['list']>[0], queueId: string): Promise<Props | undefined> => {
    try {
      const answer = await client.getAt(queueInterruptsEndpoint, [queueId]);
      return { queue_id: queueId, audio_interrupts: answer.audio_interrupts ?? [], notify_interrupts: answer.notify_interrupts ?? undefined };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const body = (api: Props) => Object.fromEntries(Object.entries(api).filter(([key, value]) => key !== 'queue_id' && value !== undefined));
  return {
    list: async () => [],
    create: async (client, api) => {
      const queueId = String(api.queue_id);
      await client.patchAt(queueInterruptsEndpoint, [queueId], body(api));
      return (await read(client, queueId)) ?? { queue_id: queueId };
    },
    get: (client, id) => read(client, id),
    update: (client, id, changed) => client.patchAt(queueInterruptsEndpoint, [id], body(changed)),
    // The settings this resource declared go back to none (a deleted queue has none to give back).
    remove: async (client, id, previous) => {
      const reset = Object.fromEntries(
        Object.keys(NONE)
          .filter((key) => previous[key] !== undefined)
          .map((key) => [key, NONE[key]]),
      );
      if (Object.keys(reset).length === 0) return;
      try {
        await client.patchAt(queueInterruptsEndpoint, [id], reset);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

const seconds = (description: string) => integer(description, 0, 3600);
const assetId = zoomId('An audio asset (`audio_asset_id`, e.g. `prompt.assetId` or from getAsset).');
const ordered = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ order: integer('Its place in the announcement, from 1 (`order`).', 1, 20), ...shape });
const customAudioType = oneOf(['standard', 'advanced'], '`standard` (Zoom says it) or `advanced` (your audio parts, `custom_audio_type`).');

export const queueInterruptsSpec = defineSpec<Props>()({
  kind: 'QueueInterrupts',
  description:
    "A queue's interrupts: the audio played to callers while they wait, and the announcements of their position and estimated wait. `audioInterrupts` and `notifyInterrupts` are each managed when declared; destroying the resource takes the declared ones away (no audio; announcements off).",
  endpoint: queueInterruptsEndpoint,
  idField: 'queue_id',
  idOutput: 'queueId',
  inputSchema: z.strictObject({
    queueId: zoomId('Id of the queue (e.g. `queue.queueId`). Changing it replaces the resource.'),
    audioInterrupts: z
      .array(
        z.strictObject({
          audioAssetId: assetId,
          playAfterSeconds: seconds('Seconds of waiting before it plays (`play_after_seconds`).'),
          isLoop: z.boolean({ error: 'expected true or false' }).describe('Play it again and again (`is_loop`).'),
          loopInterval: seconds('Seconds between two plays (`loop_interval`).').optional(),
          disableAudio: z.boolean({ error: 'expected true or false' }).describe('Keep it but do not play it (`disable_audio`).').optional(),
        }),
      )
      .max(10, { error: 'at most 10 audio interrupts' })
      .describe('Audio played while the caller waits, in order (`audio_interrupts`); `[]` plays none.')
      .optional(),
    notifyInterrupts: z
      .strictObject({
        playAfterSeconds: seconds('Seconds of waiting before the first announcement (`play_after_seconds`).'),
        isLoop: z.boolean({ error: 'expected true or false' }).describe('Announce again and again (`is_loop`).'),
        loopInterval: seconds('Seconds between two announcements (`loop_interval`).').optional(),
        notifyPositionInQueue: z
          .strictObject({
            customAudioType,
            customAudio: z
              .array(
                ordered({ audioAssetId: assetId.optional(), audioVariable: oneOf(['customer_position'], 'Says the position (`audio_variable`).').optional() }),
              )
              .describe('The announcement, part by part (`custom_audio`).'),
            overLimitCustomAudio: z
              .array(ordered({ audioAssetId: assetId.optional() }))
              .describe('What is said when the position is over the limit (`over_limit_custom_audio`).'),
          })
          .describe("The caller's position in the queue (`notify_position_in_queue`).")
          .optional(),
        notifyEstimatedWaitTime: z
          .strictObject({
            customAudioType,
            customAudio: z
              .array(ordered({ audioAssetId: assetId.optional(), audioVariable: oneOf(['wait_time'], 'Says the wait (`audio_variable`).').optional() }))
              .describe('The announcement, part by part (`custom_audio`).'),
            overLimitCustomAudio: z
              .array(ordered({ audioAssetId: assetId }))
              .describe('What is said when the wait is over the limit (`over_limit_custom_audio`).'),
            backupCustomAudio: z.array(ordered({ audioAssetId: assetId })).describe('What is said when no estimate exists (`backup_custom_audio`).'),
          })
          .describe('The estimated wait (`notify_estimated_wait_time`).')
          .optional(),
      })
      .describe('Announcements while the caller waits (`notify_interrupts`), as a whole.')
      .optional(),
  }),
  apiFields: { queueId: 'queue_id', audioInterrupts: 'audio_interrupts', notifyInterrupts: 'notify_interrupts' },
  replaceOnChanges: ['queueId'],
  references: {
    queueId: 'Queue',
    'audioInterrupts[].audioAssetId': 'Asset',
    'notifyInterrupts.notifyPositionInQueue.customAudio[].audioAssetId': 'Asset',
    'notifyInterrupts.notifyPositionInQueue.overLimitCustomAudio[].audioAssetId': 'Asset',
    'notifyInterrupts.notifyEstimatedWaitTime.customAudio[].audioAssetId': 'Asset',
    'notifyInterrupts.notifyEstimatedWaitTime.overLimitCustomAudio[].audioAssetId': 'Asset',
    'notifyInterrupts.notifyEstimatedWaitTime.backupCustomAudio[].audioAssetId': 'Asset',
  },
  exportAs: { role: 'set', owner: 'Queue', members: ['audioInterrupts', 'notifyInterrupts'], nameSuffix: 'interrupts' },
  onDelete: (inputs) => {
    const gone = [
      inputs.audioInterrupts !== undefined ? 'plays no interrupt audio' : '',
      inputs.notifyInterrupts !== undefined ? 'announces neither position nor wait' : '',
    ];
    const said = gone.filter(Boolean).join(' and ');
    return said ? `the queue ${said} any more` : undefined;
  },
  onePerProgram: 'queueId',
  example: `new zcc.QueueInterrupts('support-interrupts', {
  queueId: support.queueId,
  audioInterrupts: [{ audioAssetId: holdMusic.assetId, playAfterSeconds: 0, isLoop: true, loopInterval: 30 }],
  notifyInterrupts: { playAfterSeconds: 60, isLoop: true, loopInterval: 120, notifyPositionInQueue: { customAudioType: 'standard', customAudio: [], overLimitCustomAudio: [] } },
});`,
  store: interruptsStore(),
});
