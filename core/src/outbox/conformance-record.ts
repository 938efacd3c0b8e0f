import { LATER, newEvent, type ConformanceContext } from './conformance';
import type { DeliveryReceipt } from './port';

const receipt = (storeId: string, deliveryId: string): DeliveryReceipt => ({
  storeId,
  source: 'shopify',
  deliveryId,
  topic: 'orders/create',
});

export function describeRecordConformance(ctx: ConformanceContext): void {
  describe('record', () => {
    it('writes the events of a new delivery', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const result = await ctx.harness().outbox.record(receipt(storeId, 'd-1'), [
        newEvent(storeId, pixelConfigId, 1),
        newEvent(storeId, pixelConfigId, 2, { eventName: 'InitiateCheckout', eventId: 'checkout-2' }),
      ]);
      expect(result).toEqual({ duplicateDelivery: false, inserted: 2, duplicateEvents: 0, stitched: 0 });
      const listed = await ctx.harness().outbox.listEvents({ storeId, limit: 10 });
      expect(listed.map((e) => e.eventId).sort()).toEqual(['checkout-2', 'order-1']);
    });

    it('treats a redelivered delivery id as a no-op, whatever it carries', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(receipt(storeId, 'd-1'), [newEvent(storeId, pixelConfigId, 1)]);
      const again = await outbox.record(receipt(storeId, 'd-1'), [newEvent(storeId, pixelConfigId, 2)]);
      expect(again).toEqual({ duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 });
      expect(await outbox.listEvents({ storeId, limit: 10 })).toHaveLength(1);
    });

    it('scopes delivery ids by store: one shop\'s id never suppresses another shop\'s delivery', async () => {
      const first = await ctx.storeWithPixel();
      const second = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(receipt(first.storeId, 'shared-id'), [newEvent(first.storeId, first.pixelConfigId, 1)]);
      const other = await outbox.record(receipt(second.storeId, 'shared-id'), [newEvent(second.storeId, second.pixelConfigId, 1)]);
      expect(other).toEqual({ duplicateDelivery: false, inserted: 1, duplicateEvents: 0, stitched: 0 });
    });

    it('inserts an event once per (pixel, event name, event id), across deliveries and within one', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(receipt(storeId, 'orders-create'), [newEvent(storeId, pixelConfigId, 1)]);
      const paid = await outbox.record(receipt(storeId, 'orders-paid'), [newEvent(storeId, pixelConfigId, 1), newEvent(storeId, pixelConfigId, 1)]);
      expect(paid).toEqual({ duplicateDelivery: false, inserted: 0, duplicateEvents: 2, stitched: 0 });
      const noReceipt = await outbox.record(null, [newEvent(storeId, pixelConfigId, 1)]);
      expect(noReceipt).toEqual({ duplicateDelivery: false, inserted: 0, duplicateEvents: 1, stitched: 0 });
      expect(await outbox.listEvents({ storeId, limit: 10 })).toHaveLength(1);
    });

    it('keeps the same event id apart for another event name or another pixel', async () => {
      const first = await ctx.storeWithPixel();
      const second = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const result = await outbox.record(null, [
        newEvent(first.storeId, first.pixelConfigId, 1, { eventId: 'shared' }),
        newEvent(first.storeId, first.pixelConfigId, 1, { eventId: 'shared', eventName: 'AddToCart' }),
        newEvent(second.storeId, second.pixelConfigId, 1, { eventId: 'shared' }),
      ]);
      expect(result.inserted).toBe(3);
    });

    it('deduplicates rows without a pixel per store', async () => {
      const { outbox, createStore } = ctx.harness();
      const [a, b] = [await createStore(), await createStore()];
      const skipped = { status: 'skipped', reason: 'no_pixel', reasonDetail: 'No pixel set up.' } as const;
      const result = await outbox.record(null, [newEvent(a, null, 1, skipped), newEvent(a, null, 1, skipped), newEvent(b, null, 1, skipped)]);
      expect(result).toEqual({ duplicateDelivery: false, inserted: 2, duplicateEvents: 1, stitched: 0 });
      const [row] = await outbox.listEvents({ storeId: a, limit: 10 });
      expect(row).toMatchObject({ status: 'skipped', reason: 'no_pixel', reasonDetail: 'No pixel set up.', pixelConfigId: null });
    });

    it('writes nothing when one of the rows cannot be stored', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const unknownStore = { ...newEvent(storeId, pixelConfigId, 2), storeId: 'no-such-store' };
      await expect(outbox.record(receipt(storeId, 'd-1'), [newEvent(storeId, pixelConfigId, 1), unknownStore])).rejects.toThrow();
      expect(await outbox.listEvents({ storeId, limit: 10 })).toHaveLength(0);
      // The receipt rolled back too, so the platform's retry is processed.
      expect((await outbox.record(receipt(storeId, 'd-1'), [newEvent(storeId, pixelConfigId, 1)])).inserted).toBe(1);
    });

    it('records concurrent deliveries each on its own: one that cannot be stored fails alone', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      const unknownStore = { ...newEvent(storeId, pixelConfigId, 3), storeId: 'no-such-store' };
      // Issued together, as webhooks arriving at once: a store may write them in one transaction.
      const settled = await Promise.allSettled([
        outbox.record(receipt(storeId, 'd-1'), [newEvent(storeId, pixelConfigId, 1)]),
        outbox.record(receipt(storeId, 'd-2'), [newEvent(storeId, pixelConfigId, 2), unknownStore]),
        outbox.record(receipt(storeId, 'd-3'), [newEvent(storeId, pixelConfigId, 4)]),
      ]);
      expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const listed = await outbox.listEvents({ storeId, limit: 10 });
      expect(listed.map((e) => e.eventId).sort()).toEqual(['order-1', 'order-4']);
      // The failed delivery kept no receipt: its retry is processed.
      expect((await outbox.record(receipt(storeId, 'd-2'), [newEvent(storeId, pixelConfigId, 2)])).inserted).toBe(1);
    });

    it('refuses a queued row without a pixel and an unsent row without a reason, writing nothing', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await expect(outbox.record(null, [newEvent(storeId, pixelConfigId, 1), newEvent(storeId, null, 2)])).rejects.toThrow(/queued without a pixel/);
      await expect(outbox.record(null, [newEvent(storeId, pixelConfigId, 3, { status: 'skipped' })])).rejects.toThrow(/no reason/);
      expect(await outbox.listEvents({ storeId, limit: 10 })).toHaveLength(0);
    });

    it('never queues skipped or expired rows for delivery', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [
        newEvent(storeId, pixelConfigId, 1, { status: 'skipped', reason: 'disabled', reasonDetail: 'Purchase is turned off.' }),
        newEvent(storeId, pixelConfigId, 2, { status: 'expired', reason: 'too_old', reasonDetail: 'Older than 7 days.' }),
      ]);
      expect(await outbox.claimDue({ workerId: 'w', now: LATER, limit: 10, leaseMs: 60_000 })).toEqual([]);
    });
  });
}
