import type { ServerEvent } from '../meta/wire';
import type { ValidationIssue } from './issues';
import { MAX_FUTURE_SKEW_SECONDS, maxEventAgeSeconds } from './time-limits';

/** Unix seconds past this are certainly milliseconds (the year 5138). */
const LOOKS_LIKE_MILLISECONDS = 1e11;

const DAY = 86400;

function describe(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function checkEventTime(event: ServerEvent, now: Date): ValidationIssue[] {
  const time = event.event_time;
  if (!Number.isInteger(time) || time <= 0) {
    return [{ field: 'event_time', code: 'bad_event_time', message: `The event time must be whole Unix seconds; got ${String(time)}.` }];
  }
  if (time > LOOKS_LIKE_MILLISECONDS) {
    return [{ field: 'event_time', code: 'bad_event_time', message: `The event time ${time} is in milliseconds; Meta expects seconds.` }];
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (time - nowSeconds > MAX_FUTURE_SKEW_SECONDS) {
    return [{
      field: 'event_time',
      code: 'future_time',
      message: `The event is dated ${describe(time)}, later than the current time ${describe(nowSeconds)}. Check the clocks of the store and of this server.`,
    }];
  }
  const maxAge = maxEventAgeSeconds(event.action_source);
  if (nowSeconds - time > maxAge) {
    const metaLimitDays = Math.ceil(maxAge / DAY);
    return [{
      field: 'event_time',
      code: 'too_old',
      message: `The event happened at ${describe(time)}. Meta only accepts ${event.action_source} events up to ${metaLimitDays} days old, so it can no longer be sent.`,
    }];
  }
  return [];
}
