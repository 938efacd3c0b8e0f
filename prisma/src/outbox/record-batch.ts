/**
 * A batch of deliveries on PostgreSQL in a few statements: one multi-row INSERT for the receipts and
 * one for the events (each RETURNING the ids it inserted), one for the inserted events' payloads,
 * then the few statements that are per delivery by nature (a cart snapshot's compare-and-swap,
 * merging an event into its twin). Two round trips per webhook became about six per batch. It runs
 * inside the group commit's first run, so any throw (a refused row, a cart conflict) rolls the batch
 * back and it is written delivery by delivery.
 */
import type { RecordResult } from '@capi-relay/core';
import { writeCartSnapshot } from '../cart-state/write-cart-snapshot';
import type { GroupTransaction } from '../driver/group-commit';
import type { SqlValue } from '../driver/sql-driver';
import { uuidv7 } from '../ids';
import { duplicateDelivery, EVENT_COLUMNS, eventValues, type Delivery } from './delivery-rows';
import { stitchEvent } from './stitch-event';

/** The inserted events' OutboxPayload rows, all in one JSON parameter ($1: [{id, payload}]). */
const INSERT_PAYLOADS = `INSERT INTO "OutboxPayload" ("id", "payload") SELECT * FROM json_to_recordset($1::json) AS p("id" text, "payload" text)`;

/** Rows per statement: 500 events bind 9,501 parameters, far below PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 500;

/** `($2, …, $n, tail), (…)`: `width` parameters per row after the shared `$1` (the batch's `now`). */
function valueRows(rows: number, width: number, tail: string): string {
  const lines: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const params = Array.from({ length: width }, (_, column) => `$${2 + row * width + column}`);
    lines.push(`(${params.join(', ')}, ${tail})`);
  }
  return lines.join(',\n');
}

/** Inserts the rows with ON CONFLICT DO NOTHING; the ids of those inserted. */
async function insertRows(tx: GroupTransaction, into: string, conflict: string, tail: string, rows: readonly SqlValue[][], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    const width = chunk[0]?.length ?? 0;
    const text = `${into} VALUES\n${valueRows(chunk.length, width, tail)}\nON CONFLICT ${conflict} DO NOTHING RETURNING "id"`;
    for (const { id } of await tx.query<{ id: string }>(text, [now, ...chunk.flat()])) inserted.add(id);
  }
  return inserted;
}

/** The deliveries' results, in order; each delivery's store version was checked by the caller. */
export async function writeBatchOnPostgres(tx: GroupTransaction, deliveries: readonly Delivery[], now: Date): Promise<RecordResult[]> {
  const ms = now.getTime();
  const receiptIds = deliveries.map(({ receipt }) => (receipt ? uuidv7(ms) : null));
  const receiptRows = deliveries.flatMap(({ receipt }, index) => (receipt ? [[receiptIds[index] as string, receipt.storeId, receipt.source, receipt.deliveryId, receipt.topic]] : []));
  const insertedReceipts = await insertRows(tx, 'INSERT INTO "WebhookReceipt" ("id", "storeId", "source", "deliveryId", "topic", "receivedAt")', '("storeId", "source", "deliveryId")', '$1', receiptRows, now);
  // A known delivery id (stored before, or twice in this batch: only one of them inserts) writes nothing else.
  const proceeds = receiptIds.map((id) => id === null || insertedReceipts.has(id));

  // Before the events: a conflict throws, and there is less to roll back.
  for (const [index, { options }] of deliveries.entries()) {
    if (proceeds[index] && options.cartState) await writeCartSnapshot(tx, options.cartState, options.cartStateBasedOn, now);
  }

  const events = deliveries.flatMap(({ events: planned }, index) => (proceeds[index] ? planned.map((event) => ({ index, event, id: uuidv7(ms) })) : []));
  const insertedEvents = await insertRows(tx, `INSERT INTO "OutboxEvent" (${EVENT_COLUMNS})`, '("pixelKey", "eventName", "eventId")', '0, $1, $1', events.map(({ id, event }) => eventValues(id, event)), now);

  const payloads = events.filter(({ id }) => insertedEvents.has(id)).map(({ id, event }) => ({ id, payload: JSON.stringify(event.payload) }));
  if (payloads.length > 0) await tx.run(INSERT_PAYLOADS, [JSON.stringify(payloads)]);

  const results: RecordResult[] = deliveries.map((delivery, index) => (proceeds[index] ? { duplicateDelivery: false, inserted: 0, duplicateEvents: 0, stitched: 0 } : duplicateDelivery()));
  // In batch order, as one delivery after another would: an event whose key another row holds (an
  // earlier delivery's, this batch's or not) is merged into it when that row is still open.
  for (const { index, event, id } of events) {
    const result = results[index] as RecordResult;
    if (insertedEvents.has(id)) result.inserted += 1;
    else if (await stitchEvent('postgresql', tx, event, now)) result.stitched += 1;
    else result.duplicateEvents += 1;
  }
  return results;
}
