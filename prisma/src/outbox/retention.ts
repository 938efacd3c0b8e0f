import { FINISHED_STATUSES, pruneBatchSize, type PruneOptions, type PruneResult } from '@capi-relay/core';
import type { Db, Prisma } from '../client';
import { deleteInBatches } from './delete-in-batches';

const NOT_SENT_FINISHED = FINISHED_STATUSES.filter((status) => status !== 'sent');

/** Finished rows whose last change is before the cutoff: sent rows by their send, the others by their last status change. */
function finishedBefore(olderThan: Date): Prisma.OutboxEventWhereInput {
  return { OR: [{ status: 'sent', sentAt: { lt: olderThan } }, { status: { in: NOT_SENT_FINISHED }, updatedAt: { lt: olderThan } }] };
}

/**
 * Retention: finished events (every status but queued and sending), webhook receipts and cart
 * snapshots older than the cutoff, in bounded batches. The caller picks the cutoff; it must stay
 * beyond the deduplication window (48 hours at least, spec item 18), since a pruned event or receipt
 * no longer stops a redelivered webhook from sending again. Delivery attempts go with their event
 * (ON DELETE CASCADE).
 */
export async function pruneOlderThan(db: Db, olderThan: Date, options?: PruneOptions): Promise<PruneResult> {
  const batchSize = pruneBatchSize(options);
  const events = await deleteInBatches(db, batchSize, {
    pick: (tx, take) => tx.outboxEvent.findMany({ where: finishedBefore(olderThan), select: { id: true }, take }),
    remove: (tx, ids) => tx.outboxEvent.deleteMany({ where: { AND: [{ id: { in: ids } }, finishedBefore(olderThan)] } }),
  });
  const receipts = await deleteInBatches(db, batchSize, {
    pick: (tx, take) => tx.webhookReceipt.findMany({ where: { receivedAt: { lt: olderThan } }, select: { id: true }, take }),
    remove: (tx, ids) => tx.webhookReceipt.deleteMany({ where: { id: { in: ids }, receivedAt: { lt: olderThan } } }),
  });
  const carts = await deleteInBatches(db, batchSize, {
    pick: (tx, take) => tx.cartState.findMany({ where: { touchedAt: { lt: olderThan } }, select: { id: true }, take }),
    remove: (tx, ids) => tx.cartState.deleteMany({ where: { id: { in: ids }, touchedAt: { lt: olderThan } } }),
  });
  return { events, receipts, carts };
}
