import { MAX_FUTURE_SKEW_SECONDS } from '../validate/time-limits';

/**
 * Unix seconds of when the action happened. A timestamp slightly ahead of our clock is drift and
 * becomes now; anything further off is kept as is so validation can report it.
 */
export function toEventTime(occurredAt: Date, now: Date): number {
  const eventTime = Math.floor(occurredAt.getTime() / 1000);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ahead = eventTime - nowSeconds;
  return ahead > 0 && ahead <= MAX_FUTURE_SKEW_SECONDS ? nowSeconds : eventTime;
}
