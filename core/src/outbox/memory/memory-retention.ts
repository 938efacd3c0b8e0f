import { FINISHED_STATUSES, type CustomerDataSelector, type CustomerDeletion, type OutboxStatus, type PruneResult } from '../port';
import { redactionScope, type TokenBearer } from '../redaction-scope';
import type { MemoryEventRow, MemoryOutboxState } from './memory-state';

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

export function deleteCustomerData(state: MemoryOutboxState, storeId: string, selector: CustomerDataSelector): CustomerDeletion {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return { events: 0, carts: 0 };
  const orders = new Set(sourceIds);
  const ofStore = [...state.events.values()].filter((row) => row.storeId === storeId);
  const cartsOfStore = [...state.carts.values()].filter(({ snapshot }) => snapshot.storeId === storeId);
  const selected = ofStore.filter((row) => (customerRef !== undefined && row.customerRef === customerRef) || orders.has(row.sourceId));
  const customerCarts = cartsOfStore.filter(({ snapshot }) => customerRef !== undefined && snapshot.customerRef === customerRef);
  const scope = redactionScope([...selected, ...customerCarts.map(({ snapshot }) => snapshot)]);
  const carts = new Set(scope.cartTokens);
  const checkouts = new Set(scope.checkoutTokens);
  const linked = (tokens: TokenBearer) => (!!tokens.cartToken && carts.has(tokens.cartToken)) || (!!tokens.checkoutToken && checkouts.has(tokens.checkoutToken));

  const events = ofStore.filter((row) => selected.includes(row) || linked(row));
  state.deleteEvents(events);
  const cartCount = deleteWhere(state.carts, (row) => row.snapshot.storeId === storeId && (customerCarts.includes(row) || linked(row.snapshot)));
  return { events: events.length, carts: cartCount };
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
