import type { ActionSource, ServerEvent } from '../meta/wire';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Meta rejects a whole request when one event is older than 7 days (62 for physical_store). We stop
 * an hour earlier so an event that passes validation still passes when the request lands.
 */
export const MAX_EVENT_AGE_SECONDS = 7 * DAY - HOUR;
export const MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS = 62 * DAY - HOUR;

/** Future timestamps within this skew are clock drift: builders clamp them to now. */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

export function maxEventAgeSeconds(actionSource: ActionSource): number {
  return actionSource === 'physical_store' ? MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS : MAX_EVENT_AGE_SECONDS;
}

/** The last moment the event may still be sent; a queue stops retrying after it. */
export function sendDeadline(event: Pick<ServerEvent, 'event_time' | 'action_source'>): Date {
  return new Date((event.event_time + maxEventAgeSeconds(event.action_source)) * 1000);
}
