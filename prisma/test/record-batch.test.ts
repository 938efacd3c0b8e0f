/**
 * record() calls issued in the same turn are written as one batch (on PostgreSQL with multi-row
 * statements, record-batch.ts): within a batch, as across batches, a delivery id is recorded once, an
 * event key is inserted once and later twins are merged into it, and a cart conflict fails only its
 * own delivery. On SQLite and PostgreSQL.
 */
import { CartSnapshotConflictError, type DeliveryReceipt, type OutboxStore } from '@capi-relay/core';
import { newEvent, T0 } from '@capi-relay/core/testing';
import { countTransactions } from './count-transactions';
import { forEachDatabase } from './databases';

const receipt = (storeId: string, deliveryId: string): DeliveryReceipt => ({ storeId, source: 'shopify', deliveryId, topic: 'orders/create' });

forEachDatabase((t) => {
  let shop = 0;
  beforeEach(() => t.reset());

  const transactionsOf = <T>(work: () => Promise<T>) => countTransactions(t.db().sql, work);

  async function storeWithPixel() {
    const db = t.db();
    const store = await db.stores.ensureStore('shopify', `batch-${(shop += 1)}.myshopify.com`);
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123', accessTokenCiphertext: 'v1:x', enabled: true });
    return { storeId: store.id, pixelConfigId: pixel.id, outbox: db.outbox as OutboxStore };
  }

  it('records a delivery id twice in one batch once: the second writes nothing', async () => {
    const { storeId, pixelConfigId, outbox } = await storeWithPixel();
    const { result, transactions } = await transactionsOf(() =>
      Promise.all([outbox.record(receipt(storeId, 'same'), [newEvent(storeId, pixelConfigId, 1)]), outbox.record(receipt(storeId, 'same'), [newEvent(storeId, pixelConfigId, 2)])]),
    );
    expect(transactions).toBe(1);
    expect(result).toEqual([
      { duplicateDelivery: false, inserted: 1, duplicateEvents: 0, stitched: 0 },
      { duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 },
    ]);
    expect((await t.db().outbox.listEvents({ storeId, limit: 10 })).map((row) => row.eventId)).toEqual(['order-1']);
  });

  it('inserts an event key once per batch and merges the later twin into it, in batch order', async () => {
    const { storeId, pixelConfigId, outbox } = await storeWithPixel();
    const serverHalf = newEvent(storeId, pixelConfigId, 1, { awaitingTwin: 'browser', dueAt: new Date(T0.getTime() + 60_000) });
    const browserHalf = newEvent(storeId, pixelConfigId, 1, {
      payload: { ...serverHalf.payload, user_data: { ...serverHalf.payload.user_data, fbp: 'fb.1.1700000000000.123' } },
      userDataKeys: ['client_user_agent', 'em', 'fbp'],
    });
    const { result, transactions } = await transactionsOf(() =>
      Promise.all([
        outbox.record(receipt(storeId, 'webhook'), [serverHalf]),
        outbox.record(null, [browserHalf]),
        outbox.record(receipt(storeId, 'redelivered-twice'), [serverHalf, serverHalf]),
      ]),
    );
    expect(transactions).toBe(1);
    expect(result).toEqual([
      { duplicateDelivery: false, inserted: 1, duplicateEvents: 0, stitched: 0 },
      { duplicateDelivery: false, inserted: 0, duplicateEvents: 0, stitched: 1 },
      { duplicateDelivery: false, inserted: 0, duplicateEvents: 2, stitched: 0 },
    ]);
    const [row] = await t.db().outbox.listEvents({ storeId, limit: 10 });
    expect(row?.userDataKeys).toEqual(['client_user_agent', 'em', 'fbp']);
  });

  it('fails only the delivery whose cart snapshot changed; the rest of its batch is recorded', async () => {
    const { storeId, pixelConfigId, outbox } = await storeWithPixel();
    const cart = { storeId, cartToken: 'cart-1', lines: [], updatedAt: T0 };
    await outbox.record(null, [], { cartState: cart, cartStateBasedOn: null });
    const settled = await Promise.allSettled([
      outbox.record(receipt(storeId, 'a'), [newEvent(storeId, pixelConfigId, 1)]),
      // Diffed against "no snapshot", but one is stored by now.
      outbox.record(receipt(storeId, 'stale-cart'), [newEvent(storeId, pixelConfigId, 2)], { cartState: { ...cart, updatedAt: new Date(T0.getTime() + 1000) }, cartStateBasedOn: null }),
      outbox.record(receipt(storeId, 'b'), [newEvent(storeId, pixelConfigId, 3)], { cartState: { ...cart, updatedAt: new Date(T0.getTime() + 2000) }, cartStateBasedOn: 1 }),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(CartSnapshotConflictError);
    expect((await t.db().outbox.listEvents({ storeId, limit: 10 })).map((row) => row.eventId).sort()).toEqual(['order-1', 'order-3']);
    expect((await t.db().carts.get(storeId, 'cart-1'))?.version).toBe(2);
    // Nothing of the failed delivery was kept, its receipt neither.
    expect((await outbox.record(receipt(storeId, 'stale-cart'), [newEvent(storeId, pixelConfigId, 2)])).inserted).toBe(1);
  });

  it('writes a batch larger than one statement holds', async () => {
    const { storeId, pixelConfigId, outbox } = await storeWithPixel();
    const { result, transactions } = await transactionsOf(() =>
      Promise.all(Array.from({ length: 60 }, (_, n) => outbox.record(receipt(storeId, `d-${n}`), Array.from({ length: 10 }, (_, k) => newEvent(storeId, pixelConfigId, n * 10 + k))))),
    );
    expect(transactions).toBe(1);
    expect(result.every((written) => written.inserted === 10)).toBe(true);
    expect(await t.db().client.outboxEvent.count({ where: { storeId } })).toBe(600);
  });
});
