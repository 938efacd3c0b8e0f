import type { CustomerDataSelector, PruneResult } from '@capi-relay/core';
import type { Db } from '../client';

/**
 * Retention: delivered events, webhook receipts and cart snapshots older than the cutoff. The caller
 * picks the cutoff; it must stay beyond the deduplication window (48 hours at least, spec item 18),
 * since a pruned event or receipt no longer stops a redelivered webhook from sending again.
 * Delivery attempts go with their event (ON DELETE CASCADE).
 */
export async function pruneDelivered(db: Db, olderThan: Date): Promise<PruneResult> {
  return db.write(async (tx) => {
    const events = await tx.outboxEvent.deleteMany({ where: { status: 'sent', sentAt: { lt: olderThan } } });
    const receipts = await tx.webhookReceipt.deleteMany({ where: { receivedAt: { lt: olderThan } } });
    const carts = await tx.cartState.deleteMany({ where: { touchedAt: { lt: olderThan } } });
    return { events: events.count, receipts: receipts.count, carts: carts.count };
  });
}

/** A customer's redaction: their events (by customer or by source order), attempts, and carts. */
export async function deleteCustomerData(db: Db, storeId: string, selector: CustomerDataSelector): Promise<number> {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return 0;
  return db.write(async (tx) => {
    const events = await tx.outboxEvent.deleteMany({
      where: {
        storeId,
        OR: [...(customerRef !== undefined ? [{ customerRef }] : []), ...(sourceIds.length > 0 ? [{ sourceId: { in: sourceIds } }] : [])],
      },
    });
    if (customerRef !== undefined) await tx.cartState.deleteMany({ where: { storeId, customerRef } });
    return events.count;
  });
}
