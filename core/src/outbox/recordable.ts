import type { NewOutboxEvent } from './port';

/**
 * The rows `record()` refuses, whatever the store: a queued event must have a pixel to go to, and an
 * event kept unsent must say why. Stores call this before writing anything.
 */
export function assertRecordable(event: NewOutboxEvent): void {
  if (event.status === 'queued' && event.pixelConfigId === null) {
    throw new Error(`Outbox event ${event.eventName}/${event.eventId} is queued without a pixel configuration.`);
  }
  if (event.status !== 'queued' && event.reason === undefined) {
    throw new Error(`Outbox event ${event.eventName}/${event.eventId} has status ${event.status} but no reason.`);
  }
}
