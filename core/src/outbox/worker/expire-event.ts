import type { GraphError } from '../../graph';
import { maxEventAgeSeconds, sendDeadline } from '../../validate';
import type { ClaimedBatch, ClaimedEvent } from '../port';
import type { AttemptDetails } from './attempt-details';
import type { DeliveryContext } from './delivery-context';

const DAY_SECONDS = 86_400;

/** Names a failure by its codes: Graph's merchant messages promise a retry that will not happen now. */
export function describeGraphFailure(error: GraphError): string {
  if (error.code !== undefined) return `Meta error ${error.code}${error.subcode === undefined ? '' : `/${error.subcode}`}`;
  if (error.httpStatus !== undefined) return `HTTP ${error.httpStatus}`;
  return 'no answer from Meta';
}

/** The attempt that failed just before the event ran out of time, kept in the attempt log. */
export interface LastAttempt {
  error: GraphError;
  details: AttemptDetails;
}

/** Marks an event Meta would now refuse as too old, so it is never sent (spec items 12 and 21). */
export async function expireEvent(ctx: DeliveryContext, batch: ClaimedBatch, event: ClaimedEvent, last?: LastAttempt): Promise<void> {
  const { pixelConfigId, lease } = batch;
  const { action_source: source } = event.payload;
  const days = Math.ceil(maxEventAgeSeconds(source) / DAY_SECONDS);
  const detail =
    (last === undefined ? '' : `Delivery kept failing (last: ${describeGraphFailure(last.error)}). `) +
    `Meta only accepts ${source} events up to ${days} days old; this one happened at ${event.eventTime.toISOString()} ` +
    `and could not be sent before ${sendDeadline(event.payload).toISOString()}, so it was not sent.`;
  if (last === undefined) await ctx.options.outbox.markExpired(lease.token, [event.id], detail);
  else await ctx.options.outbox.markFailed(lease.token, [event.id], 'too_old', detail, { ...last.details, outcome: 'expired' });
  ctx.options.logger.warn({ pixelConfigId, outboxEventId: event.id, eventId: event.eventId }, 'event expired before delivery');
  ctx.events.emit('expired', { pixelConfigId, outboxEventId: event.id, eventTime: event.eventTime });
}
