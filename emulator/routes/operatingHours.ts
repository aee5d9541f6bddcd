import { invalidField, notFound } from '../errors';
import type { EmulatorState } from '../state';
import { asBody, booleanField, rejectUnknownFields, stringField } from '../validate';
import { defineRoutes, params } from '../context';
import { findQueue } from './queues';

/**
 * A queue's operating hours (`/queues/{queueId}/operating_hours`): the business hours and closure set it follows,
 * the account defaults until set. `account_default_business_hour: true` goes back to following the default.
 */
export function registerOperatingHoursRoutes(route: ReturnType<typeof defineRoutes>) {
  const defaultOf = <T extends { account_default: boolean }>(rows: T[]) => rows.find((row) => row.account_default);

  route('GET', '/contact_center/queues/:queueId/operating_hours', 'light', (request, { state }) => {
    const queue = findQueue(state, params(request).queueId);
    const set = state.queueOperatingHours.get(queue.queue_id) ?? {};
    const hours = set.business_hour_id ? state.businessHours.get(set.business_hour_id) : defaultOf(state.businessHours.all());
    const closures = set.closure_set_id ? state.closureSets.get(set.closure_set_id) : defaultOf(state.closureSets.all());
    return {
      body: {
        business_hour_id: hours?.business_hour_id ?? '',
        business_hour_name: hours?.business_hour_name ?? '',
        ...(closures ? { closure_set_id: closures.closure_set_id, closure_set_name: closures.closure_set_name } : {}),
        account_default_business_hour: set.business_hour_id === undefined,
        account_default_closure_set: set.closure_set_id === undefined,
        operating_hours_overflow_enabled: set.operating_hours_overflow_enabled ?? false,
      },
    };
  });
  route('PATCH', '/contact_center/queues/:queueId/operating_hours', 'light', (request, { state }: { state: EmulatorState }) => {
    const queue = findQueue(state, params(request).queueId);
    const body = asBody(request.body);
    rejectUnknownFields(body, [
      'account_default_business_hour',
      'operating_hours_business_hour_id',
      'account_default_closure_set',
      'operating_hours_closure_set_id',
      'operating_hours_overflow_enabled',
      'overflow_to_default_goodbye_message',
      'overflow_to_goodbye_message_asset_id',
      'overflow_to_queue_id',
      'overflow_to_flow_id',
      'overflow_to_inbox_id',
    ]);
    const set = { ...(state.queueOperatingHours.get(queue.queue_id) ?? {}) };
    const hoursId = stringField(body, 'operating_hours_business_hour_id', { max: 64 });
    const closuresId = stringField(body, 'operating_hours_closure_set_id', { max: 64 });
    const defaultHours = booleanField(body, 'account_default_business_hour');
    const defaultClosures = booleanField(body, 'account_default_closure_set');
    if (defaultHours === true && hoursId !== undefined)
      throw invalidField('operating_hours_business_hour_id', 'Cannot be set with account_default_business_hour: true.');
    if (defaultClosures === true && closuresId !== undefined)
      throw invalidField('operating_hours_closure_set_id', 'Cannot be set with account_default_closure_set: true.');
    if (hoursId !== undefined) {
      if (!state.businessHours.get(hoursId)) throw notFound('Business hours', hoursId);
      set.business_hour_id = hoursId;
    }
    if (closuresId !== undefined) {
      if (!state.closureSets.get(closuresId)) throw notFound('Closure set', closuresId);
      set.closure_set_id = closuresId;
    }
    if (defaultHours === true) delete set.business_hour_id;
    if (defaultClosures === true) delete set.closure_set_id;
    const overflow = booleanField(body, 'operating_hours_overflow_enabled');
    if (overflow !== undefined) set.operating_hours_overflow_enabled = overflow;
    state.queueOperatingHours.set(queue.queue_id, set);
    return { status: 204 };
  });
}
