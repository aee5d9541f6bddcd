import { paginate } from '../pagination';
import type { EmulatorState } from '../state';

/**
 * Where a business hours or closure set is used (`GET …/{id}/queues` and `…/{id}/flows`), in the document's shapes.
 * Queues: those whose operating hours name it, as `queues_count` counts them. Flows: the emulator does not read
 * flow files for schedules, so none, as `flows_count` (0) says.
 */
export function queuesWith(state: EmulatorState, field: 'business_hour_id' | 'closure_set_id', id: string, query: Record<string, unknown>) {
  const queues = [...state.queueOperatingHours.entries()]
    .filter(([, hours]) => hours[field] === id)
    .map(([queueId]) => state.queues.get(queueId))
    .filter((queue) => queue !== undefined)
    .map((queue) => ({ queue_id: queue.queue_id, cc_queue_id: queue.cc_queue_id, queue_name: queue.queue_name }));
  return paginate(queues, query, 'queues', 300);
}

export function flowsWith(query: Record<string, unknown>) {
  return paginate([] as Array<{ flow_id: string; flow_name: string }>, query, 'flows', 300);
}
