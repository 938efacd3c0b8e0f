import { newEvent } from '@capi-relay/core/testing';
import { forEachDatabase } from './databases';

const HOUR = 3_600_000;

forEachDatabase((t) => {
  beforeEach(() => t.reset());

  async function seed() {
    const db = t.db();
    const store = await db.stores.ensureStore('shopify', 'acme.myshopify.com');
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123456789012345', accessTokenCiphertext: 'v1:x' });
    const receipt = { storeId: store.id, source: 'shopify', deliveryId: 'd-1', topic: 'orders/create' };
    await db.outbox.record(receipt, [newEvent(store.id, pixel.id, 1)], {
      cartState: { storeId: store.id, cartToken: 'cart-1', lines: [], updatedAt: new Date() },
    });
    const [batch] = await db.outbox.claimDue({ workerId: 'w', now: new Date(), limit: 10, leaseMs: 60_000 });
    const sentAt = new Date(Date.now() - 72 * HOUR);
    await db.outbox.markSent(batch!.lease.token, batch!.events.map((event) => event.id), { attemptedAt: sentAt, outcome: 'sent', fbtraceId: 'f' });
    return { db, store, pixel, receipt };
  }

  it('keeps receipts and cart snapshots written after the cutoff', async () => {
    const { db } = await seed();
    const result = await db.outbox.pruneOlderThan(new Date(Date.now() - 48 * HOUR));
    expect(result).toEqual({ events: 1, receipts: 0, carts: 0 });
    expect(await db.client.webhookReceipt.count()).toBe(1);
    expect(await db.client.cartState.count()).toBe(1);
  });

  it('deletes delivered events with their attempts and payloads, and old receipts and cart snapshots', async () => {
    const { db, store, pixel, receipt } = await seed();
    expect(await db.client.deliveryAttempt.count()).toBe(1);
    expect(await db.client.outboxPayload.count()).toBe(1);
    const result = await db.outbox.pruneOlderThan(new Date(Date.now() + HOUR));
    expect(result).toEqual({ events: 1, receipts: 1, carts: 1 });
    expect(await db.client.deliveryAttempt.count()).toBe(0);
    expect(await db.client.outboxPayload.count()).toBe(0);
    expect(await db.carts.get(store.id, 'cart-1')).toBeNull();
    // The documented cost of pruning: the delivery id no longer deduplicates.
    expect((await db.outbox.record(receipt, [newEvent(store.id, pixel.id, 1)])).inserted).toBe(1);
  });

  it('deletes skipped rows last changed before the cutoff and keeps newer ones, whatever their event time', async () => {
    const { db, store, pixel } = await seed();
    const skipped = (n: number) => newEvent(store.id, pixel.id, n, { status: 'skipped', reason: 'disabled', reasonDetail: 'AddToCart is switched off.' });
    await db.outbox.record(null, [skipped(2), skipped(3)]);
    await db.client.outboxEvent.updateMany({ where: { eventId: 'order-2' }, data: { updatedAt: new Date(Date.now() - 40 * 24 * HOUR) } });

    const result = await db.outbox.pruneOlderThan(new Date(Date.now() - 30 * 24 * HOUR));
    expect(result.events).toBe(1);
    expect((await db.outbox.listEvents({ storeId: store.id, limit: 10 })).map((row) => row.eventId).sort()).toEqual(['order-1', 'order-3']);
  });
});
