import type { GraphError } from '../../graph';
import { MAX_EVENT_AGE_SECONDS, MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS, maxEventAgeSeconds, sendDeadline } from '../../validate';
import type { ClaimedEvent, EventOutcome } from '../port';
import type { AttemptDetails } from './attempt-details';
import type { BatchOutcomes } from './batch-outcomes';

const DAY_SECONDS = 86_400;

/** Names a failure by its codes: Graph's merchant messages promise a retry that will not happen now. */
export function describeGraphFailure(error: GraphError): string {
  if (error.code !== undefined) return `Meta error ${error.code}${error.subcode === undefined ? '' : `/${error.subcode}`}`;
  if (error.httpStatus !== undefined) return `HTTP ${error.httpStatus}`;
  return 'no answer from Meta';
}

/** Meta's shortest age limit, whatever the action source. */
const SHORTEST_AGE_LIMIT_MS = Math.min(MAX_EVENT_AGE_SECONDS, MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS) * 1000;

/**
 * Whether Meta would refuse the claimed event as too old at `moment`. The limit depends on the
 * payload's action source, but within the shortest one the answer does not: only an event older
 * than that has its payload parsed, so a round of fresh events sends its stored JSON unread.
 */
export function tooOldAt(event: ClaimedEvent, moment: Date): boolean {
  if (moment.getTime() <= event.eventTime.getTime() + SHORTEST_AGE_LIMIT_MS) return false;
  return moment > sendDeadline(event.payload);
}

/** The attempt that failed just before the event ran out of time, kept in the attempt log. */
export interface LastAttempt {
  error: GraphError;
  details: AttemptDetails;
}

/**
 * Ends an event Meta would now refuse as too old, so it is never sent (spec items 12 and 21): its
 * outcome joins the batch's one write, however many events a backlog expires at once.
 */
export function expireEvent(outcomes: BatchOutcomes, event: ClaimedEvent, last?: LastAttempt): void {
  const { action_source: source } = event.payload;
  const days = Math.ceil(maxEventAgeSeconds(source) / DAY_SECONDS);
  const detail =
    (last === undefined ? '' : `Delivery kept failing (last: ${describeGraphFailure(last.error)}). `) +
    `Meta only accepts ${source} events up to ${days} days old; this one happened at ${event.eventTime.toISOString()} ` +
    `and could not be sent before ${sendDeadline(event.payload).toISOString()}, so it was not sent.`;
  const outcome: EventOutcome =
    last === undefined
      ? { id: event.id, kind: 'expired', detail }
      : { id: event.id, kind: 'failed', reason: 'too_old', detail, attempt: { ...last.details, outcome: 'expired' } };
  outcomes.addExpired(outcome, event);
}
