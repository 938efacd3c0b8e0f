import {
  FINISHED_STATUSES,
  pruneBatchSize,
  redactionScope,
  type CustomerDataSelector,
  type CustomerDeletion,
  type PruneOptions,
  type PruneResult,
  type TokenBearer,
} from '@capi-relay/core';
import type { Db, Prisma } from '../client';
import { deleteInBatches } from './delete-in-batches';
import { idChunks } from './id-chunks';

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

/** `{ column: { in: values } }` clauses of at most MAX_IDS_PER_STATEMENT values each (SQLite binds 999 at most). */
function inChunks<Column extends string>(column: Column, values: readonly string[]): Record<Column, { in: string[] }>[] {
  return idChunks(values).map((chunk) => ({ [column]: { in: chunk } }) as Record<Column, { in: string[] }>);
}

/**
 * A privacy request's deletion (see OutboxRetention.deleteCustomerData): the selected rows and the
 * customer's cart snapshots name carts and checkouts, whose rows and snapshots go too. One
 * transaction, every id list in bounded chunks, so any number of orders can be redacted.
 */
export async function deleteCustomerData(db: Db, storeId: string, selector: CustomerDataSelector): Promise<CustomerDeletion> {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return { events: 0, carts: 0 };
  const selected: Prisma.OutboxEventWhereInput[] = [...(customerRef !== undefined ? [{ customerRef }] : []), ...inChunks('sourceId', sourceIds)];
  return db.write(async (tx) => {
    const bearers: TokenBearer[] = [];
    for (const where of selected) {
      bearers.push(...(await tx.outboxEvent.findMany({ where: { storeId, ...where }, select: { cartToken: true, checkoutToken: true } })));
    }
    if (customerRef !== undefined) {
      bearers.push(...(await tx.cartState.findMany({ where: { storeId, customerRef }, select: { cartToken: true, checkoutToken: true } })));
    }
    const scope = redactionScope(bearers);
    const linked = [...inChunks('cartToken', scope.cartTokens), ...inChunks('checkoutToken', scope.checkoutTokens)];

    let events = 0;
    for (const where of [...selected, ...linked]) events += (await tx.outboxEvent.deleteMany({ where: { storeId, ...where } })).count;
    let carts = 0;
    const cartClauses: Prisma.CartStateWhereInput[] = [...(customerRef !== undefined ? [{ customerRef }] : []), ...linked];
    for (const where of cartClauses) carts += (await tx.cartState.deleteMany({ where: { storeId, ...where } })).count;
    return { events, carts };
  });
}
