import { FINISHED_STATUSES, type CustomerDataExport, type CustomerDataSelector, type CustomerDeletion, type OutboxStatus, type PruneResult } from '../port';
import { redactionScope, type TokenBearer } from '../redaction-scope';
import type { MemoryCartRow, MemoryEventRow, MemoryOutboxState } from './memory-state';

const FINISHED: ReadonlySet<OutboxStatus> = new Set(FINISHED_STATUSES);

/** When a finished row last changed: its send for `sent`, its last status change otherwise. */
function finishedAt(row: MemoryEventRow): Date | null {
  if (!FINISHED.has(row.status)) return null;
  return row.status === 'sent' ? row.sentAt : row.updatedAt;
}

/** Memory has no lock to hold, so the batch size changes nothing here. */
export function pruneOlderThan(state: MemoryOutboxState, olderThan: Date): PruneResult {
  const events = [...state.events.values()].filter((row) => {
    const at = finishedAt(row);
    return at !== null && at < olderThan;
  });
  state.deleteEvents(events);
  const receipts = deleteWhere(state.receipts, (receipt) => receipt.receivedAt < olderThan);
  const carts = deleteWhere(state.carts, (cart) => cart.touchedAt < olderThan);
  return { events: events.length, receipts, carts };
}

interface CustomerRows {
  events: MemoryEventRow[];
  carts: MemoryCartRow[];
}

/** The rows a privacy request covers: selected directly, then everything their carts and checkouts name. */
function customerRows(state: MemoryOutboxState, storeId: string, selector: CustomerDataSelector): CustomerRows {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return { events: [], carts: [] };
  const orders = new Set(sourceIds);
  const isCustomers = (row: { customerRef?: string | null }) => customerRef !== undefined && row.customerRef === customerRef;
  const events = [...state.events.values()].filter((row) => row.storeId === storeId);
  const carts = [...state.carts.values()].filter(({ snapshot }) => snapshot.storeId === storeId);
  const selectedEvents = new Set(events.filter((row) => isCustomers(row) || orders.has(row.sourceId)));
  const selectedCarts = new Set(carts.filter(({ snapshot }) => isCustomers(snapshot)));
  const scope = redactionScope([...selectedEvents, ...[...selectedCarts].map(({ snapshot }) => snapshot)]);
  const cartTokens = new Set(scope.cartTokens);
  const checkoutTokens = new Set(scope.checkoutTokens);
  const linked = (row: TokenBearer) => (!!row.cartToken && cartTokens.has(row.cartToken)) || (!!row.checkoutToken && checkoutTokens.has(row.checkoutToken));
  return {
    events: events.filter((row) => selectedEvents.has(row) || linked(row)),
    carts: carts.filter((row) => selectedCarts.has(row) || linked(row.snapshot)),
  };
}

export function deleteCustomerData(state: MemoryOutboxState, storeId: string, selector: CustomerDataSelector): CustomerDeletion {
  const rows = customerRows(state, storeId, selector);
  state.deleteEvents(rows.events);
  const doomed = new Set(rows.carts);
  const carts = deleteWhere(state.carts, (row) => doomed.has(row));
  return { events: rows.events.length, carts };
}

export function exportCustomerData(state: MemoryOutboxState, storeId: string, selector: CustomerDataSelector): CustomerDataExport {
  const rows = customerRows(state, storeId, selector);
  return {
    events: rows.events.map((row) => ({
      eventName: row.eventName,
      eventId: row.eventId,
      sourceId: row.sourceId,
      cartToken: row.cartToken,
      checkoutToken: row.checkoutToken,
      status: row.status,
      reason: row.reason,
      reasonDetail: row.reasonDetail,
      eventTime: row.eventTime,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      payload: structuredClone(row.payload),
      withoutConsentSignal: row.withoutConsentSignal,
      attempts: state.attempts.filter((attempt) => attempt.outboxEventId === row.id).map(({ outboxEventId: _row, ...attempt }) => attempt),
    })),
    carts: rows.carts.map(({ snapshot }) => ({
      cartToken: snapshot.cartToken,
      checkoutToken: snapshot.checkoutToken ?? null,
      lines: structuredClone(snapshot.lines),
      browser: snapshot.browser ? { ...snapshot.browser } : null,
      updatedAt: snapshot.updatedAt,
    })),
  };
}

function deleteWhere<V>(map: Map<string, V>, matches: (value: V) => boolean): number {
  let deleted = 0;
  for (const [key, value] of map) {
    if (matches(value)) {
      map.delete(key);
      deleted += 1;
    }
  }
  return deleted;
}
