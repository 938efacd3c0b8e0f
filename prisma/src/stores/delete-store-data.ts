import type { Db } from '../client';

export interface DeletedStoreData {
  /** False when no such store existed (already redacted): nothing was deleted. */
  storeFound: boolean;
  events: number;
  sessions: number;
}

/**
 * A shop's full redaction (Shopify's shop/redact): the store row and, by cascade, its pixel
 * configurations, outbox events and attempts, receipts and cart snapshots; plus the shop's sessions,
 * which are keyed by domain. Compliance records are kept as evidence.
 */
export async function deleteStoreData(db: Db, storeId: string): Promise<DeletedStoreData> {
  return db.write(async (tx) => {
    const store = await tx.store.findUnique({ where: { id: storeId }, select: { platform: true, domain: true } });
    if (!store) return { storeFound: false, events: 0, sessions: 0 };
    const events = await tx.outboxEvent.count({ where: { storeId } });
    const sessions = store.platform === 'shopify' ? (await tx.session.deleteMany({ where: { shop: store.domain } })).count : 0;
    await tx.store.delete({ where: { id: storeId } });
    return { storeFound: true, events, sessions };
  });
}
