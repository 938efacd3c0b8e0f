/**
 * An outbox row's payload, from its OutboxPayload row. Every event gets that row in the transaction
 * that inserts it and loses it only with the event (ON DELETE CASCADE), so its absence is a broken
 * database, not a case to send around.
 */
export function payloadText(outboxEventId: string, payload: string | null | undefined): string {
  if (payload === null || payload === undefined) throw new Error(`outbox row ${outboxEventId} has no OutboxPayload row; it cannot be read or sent`);
  return payload;
}
