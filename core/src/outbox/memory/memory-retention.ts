import type { CustomerDataSelector, PruneResult } from '../port';
import type { MemoryOutboxState } from './memory-state';

export function pruneDelivered(state: MemoryOutboxState, olderThan: Date): PruneResult {
  const events = [...state.events.values()].filter((row) => row.status === 'sent' && row.sentAt !== null && row.sentAt < olderThan);
  state.deleteEvents(events);
  const receipts = deleteWhere(state.receipts, (receipt) => receipt.receivedAt < olderThan);
  const carts = deleteWhere(state.carts, (cart) => cart.touchedAt < olderThan);
  return { events: events.length, receipts, carts };
}

export function deleteCustomerData(state: MemoryOutboxState, storeId: string, selector: CustomerDataSelector): number {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return 0;
  const rows = [...state.events.values()].filter(
    (row) => row.storeId === storeId && ((customerRef !== undefined && row.customerRef === customerRef) || sourceIds.includes(row.sourceId)),
  );
  state.deleteEvents(rows);
  if (customerRef !== undefined) {
    deleteWhere(state.carts, ({ snapshot }) => snapshot.storeId === storeId && snapshot.customerRef === customerRef);
  }
  return rows.length;
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
