import type { CartLine } from '../model/commerce';
import { CartSnapshotConflictError } from './cart-snapshot-conflict';
import { HASHED_EMAIL, newEvent, T0, type ConformanceContext } from './conformance';
import type { CartSnapshot, DeliveryReceipt } from './port';

const line = (key: string, quantity: number): CartLine => ({ key, variantId: `v-${key}`, quantity, unitPrice: { amount: '10.00', currency: 'EUR' } });
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function describeCartSnapshotConformance(ctx: ConformanceContext): void {
  describe('cart snapshots', () => {
    const snapshot = (storeId: string, minutes: number, lines: CartLine[], extra: Partial<CartSnapshot> = {}): CartSnapshot => ({
      storeId,
      cartToken: 'cart-abc',
      lines,
      updatedAt: at(minutes),
      ...extra,
    });

    it('writes the snapshot with the events, and not on a duplicate delivery', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      const receipt = { storeId, source: 'shopify', deliveryId: 'cart-1', topic: 'carts/update' };
      await outbox.record(receipt, [newEvent(storeId, pixelConfigId, 1, { eventName: 'AddToCart' })], {
        cartState: snapshot(storeId, 1, [line('a', 1)], { customerRef: 'cust-1' }),
      });
      expect(await carts.get(storeId, 'cart-abc')).toEqual(snapshot(storeId, 1, [line('a', 1)], { customerRef: 'cust-1', version: 1 }));

      await outbox.record(receipt, [], { cartState: snapshot(storeId, 2, [line('a', 5)]) });
      expect((await carts.get(storeId, 'cart-abc'))?.lines).toEqual([line('a', 1)]);
    });

    it('never lets an older snapshot overwrite a newer one', async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(storeId, 5, [line('a', 2)]) });
      await outbox.record(null, [], { cartState: snapshot(storeId, 3, [line('a', 1)]) });
      expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 2)], updatedAt: at(5) });
    });

    it('files the logged-in shopper the pixel saw on the snapshot, so their redaction deletes it', async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc' }, { userAgent: 'Mozilla/5.0' }, 'cust-7');
      await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc' }, { fbp: 'fb.1.1700000000000.42' }, 'cust-other');
      expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ customerRef: 'cust-7' });
      await outbox.deleteCustomerData(storeId, { customerRef: 'cust-7' });
      expect(await carts.get(storeId, 'cart-abc')).toBeNull();
    });

    it('merges the browser context the pixel reports, before and after the webhooks', async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      const seenAt = new Date('2026-02-28T09:30:00.123Z');
      await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc' }, { fbp: 'fb.1.1700000000000.42', fbclid: 'AbC', fbclidSeenAt: seenAt });
      expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [], browser: { fbp: 'fb.1.1700000000000.42', fbclidSeenAt: seenAt } });

      await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)]) });
      await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc', checkoutToken: 'chk-1' }, { userAgent: 'Mozilla/5.0', fbp: undefined });

      const stored = await carts.get(storeId, 'cart-abc');
      expect(stored).toMatchObject({ lines: [line('a', 1)], checkoutToken: 'chk-1', updatedAt: at(1) });
      expect(stored?.browser).toEqual({ fbp: 'fb.1.1700000000000.42', fbclid: 'AbC', fbclidSeenAt: seenAt, userAgent: 'Mozilla/5.0' });
      expect(await carts.findByTokens(storeId, { checkoutToken: 'chk-1' })).toEqual(stored);
    });

    it('replaces the browser context only when a snapshot carries one', async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(storeId, 1, [], { browser: { ipAddress: '203.0.113.7' } }) });
      await outbox.record(null, [], { cartState: snapshot(storeId, 2, [line('a', 1)]) });
      expect((await carts.get(storeId, 'cart-abc'))?.browser).toEqual({ ipAddress: '203.0.113.7' });
      await outbox.record(null, [], { cartState: snapshot(storeId, 3, [line('a', 1)], { browser: { ipAddress: '2001:db8::1' } }) });
      expect((await carts.get(storeId, 'cart-abc'))?.browser).toEqual({ ipAddress: '2001:db8::1' });
    });

    it("finds an order's or checkout's snapshot by its cart first, else the newest cart of its checkout", async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)], { cartToken: 'cart-old', checkoutToken: 'chk-1' }) });
      await outbox.record(null, [], { cartState: snapshot(storeId, 3, [line('b', 1)], { cartToken: 'cart-new', checkoutToken: 'chk-1' }) });
      await outbox.record(null, [], { cartState: snapshot(storeId, 2, [line('c', 1)], { cartToken: 'cart-other' }) });

      expect(await carts.findByTokens(storeId, { cartToken: 'cart-old', checkoutToken: 'chk-1' })).toMatchObject({ cartToken: 'cart-old' });
      expect(await carts.findByTokens(storeId, { cartToken: 'cart-other', checkoutToken: 'chk-1' })).toMatchObject({ cartToken: 'cart-other' });
      expect(await carts.findByTokens(storeId, { cartToken: 'unknown', checkoutToken: 'chk-1' })).toMatchObject({ cartToken: 'cart-new' });
      expect(await carts.findByTokens(storeId, { cartToken: 'cart-other' })).toMatchObject({ cartToken: 'cart-other' });
      expect(await carts.findByTokens(storeId, { cartToken: 'unknown', checkoutToken: 'chk-unknown' })).toBeNull();
      expect(await carts.findByTokens(storeId, {})).toBeNull();
    });

    it('answers lookups made at the same moment (webhooks arriving together) as it answers them one by one', async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(mine.storeId, 1, [line('a', 1)], { cartToken: 'cart-old', checkoutToken: 'chk-1' }) });
      await outbox.record(null, [], { cartState: snapshot(mine.storeId, 3, [line('b', 1)], { cartToken: 'cart-new', checkoutToken: 'chk-1' }) });
      await outbox.record(null, [], { cartState: snapshot(other.storeId, 2, [line('c', 1)], { cartToken: 'cart-new', checkoutToken: 'chk-1' }) });
      const lookups = [
        () => carts.findByTokens(mine.storeId, { cartToken: 'cart-old', checkoutToken: 'chk-1' }),
        () => carts.findByTokens(mine.storeId, { cartToken: 'unknown', checkoutToken: 'chk-1' }),
        () => carts.findByTokens(other.storeId, { checkoutToken: 'chk-1' }),
        () => carts.findByTokens(other.storeId, { cartToken: 'cart-old' }),
        () => carts.get(mine.storeId, 'cart-new'),
        () => carts.get(other.storeId, 'cart-new'),
        () => carts.get(other.storeId, 'cart-old'),
      ];
      const oneByOne = [];
      for (const lookup of lookups) oneByOne.push(await lookup());
      const together = await Promise.all(lookups.map((lookup) => lookup()));
      expect(together).toEqual(oneByOne);
      expect(oneByOne.map((found) => found && [found.storeId === mine.storeId ? 'mine' : 'other', found.cartToken])).toEqual([
        ['mine', 'cart-old'],
        ['mine', 'cart-new'],
        ['other', 'cart-new'],
        null,
        ['mine', 'cart-new'],
        ['other', 'cart-new'],
        null,
      ]);
    });

    it('finds nothing for unknown tokens and keeps stores apart', async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(mine.storeId, 1, [line('a', 1)], { checkoutToken: 'chk-1' }) });
      expect(await carts.get(other.storeId, 'cart-abc')).toBeNull();
      expect(await carts.findByTokens(other.storeId, { checkoutToken: 'chk-1' })).toBeNull();
      expect(await carts.get(mine.storeId, 'unknown')).toBeNull();
    });

    describe('written based on a version (compare-and-swap)', () => {
      const cartUpdate = (storeId: string, deliveryId: string): DeliveryReceipt => ({ storeId, source: 'shopify', deliveryId, topic: 'carts/update' });

      it('writes while the stored version is the one it is based on, and bumps the version', async () => {
        const { storeId, pixelConfigId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await outbox.record(cartUpdate(storeId, 'u-1'), [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: null });
        expect((await carts.get(storeId, 'cart-abc'))?.version).toBe(1);

        const written = await outbox.record(cartUpdate(storeId, 'u-2'), [newEvent(storeId, pixelConfigId, 1, { eventName: 'AddToCart' })], {
          cartState: snapshot(storeId, 2, [line('a', 3)]),
          cartStateBasedOn: 1,
        });
        expect(written).toEqual({ duplicateDelivery: false, inserted: 1, duplicateEvents: 0, stitched: 0 });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 3)], version: 2 });
        // Without a version the updatedAt rule still applies; a write it refuses does not count.
        await outbox.record(null, [], { cartState: snapshot(storeId, 0, [line('a', 9)]) });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 3)], version: 2 });
      });

      it('replaces the updatedAt rule: the caller compared times against that very version', async () => {
        const { storeId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await outbox.record(null, [], { cartState: snapshot(storeId, 5, [line('a', 2)]) });
        await outbox.record(null, [], { cartState: snapshot(storeId, 3, [line('a', 1)]), cartStateBasedOn: 1 });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 1)], updatedAt: at(3), version: 2 });
      });

      it('throws CartSnapshotConflictError on a stale version and writes nothing: no receipt, no events, no snapshot', async () => {
        const { storeId, pixelConfigId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: null });
        await outbox.record(null, [], { cartState: snapshot(storeId, 2, [line('a', 2)]), cartStateBasedOn: 1 });

        const stale = outbox.record(cartUpdate(storeId, 'late'), [newEvent(storeId, pixelConfigId, 1, { eventName: 'AddToCart' })], {
          cartState: snapshot(storeId, 3, [line('a', 3)]),
          cartStateBasedOn: 1,
        });
        await expect(stale).rejects.toBeInstanceOf(CartSnapshotConflictError);
        await expect(stale).rejects.toMatchObject({ storeId, cartToken: 'cart-abc', basedOn: 1 });

        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 2)], updatedAt: at(2), version: 2 });
        expect(await outbox.listEvents({ storeId, limit: 10 })).toEqual([]);
        // The receipt was rolled back too: the same delivery, diffed again, is not a duplicate.
        const retried = await outbox.record(cartUpdate(storeId, 'late'), [], { cartState: snapshot(storeId, 3, [line('a', 3)]), cartStateBasedOn: 2 });
        expect(retried.duplicateDelivery).toBe(false);
      });

      it('conflicts when based on no snapshot but one exists, even one only the pixel created (version 0)', async () => {
        const { storeId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc' }, { fbp: 'fb.1.1700000000000.42' });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [], version: 0 });

        await expect(outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: null })).rejects.toBeInstanceOf(CartSnapshotConflictError);
        await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: 0 });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 1)], browser: { fbp: 'fb.1.1700000000000.42' }, version: 1 });
      });

      it('conflicts when based on a version of a snapshot that is gone', async () => {
        const { storeId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await expect(outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: 3 })).rejects.toBeInstanceOf(CartSnapshotConflictError);
        expect(await carts.get(storeId, 'cart-abc')).toBeNull();
      });

      it('lets a known delivery id win over a stale version: nothing written, nothing thrown', async () => {
        const { storeId } = await ctx.storeWithPixel();
        const { outbox } = ctx.harness();
        await outbox.record(cartUpdate(storeId, 'u-1'), [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: null });
        const again = await outbox.record(cartUpdate(storeId, 'u-1'), [], { cartState: snapshot(storeId, 1, [line('a', 1)]), cartStateBasedOn: null });
        expect(again).toEqual({ duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 });
      });

      it('does not count browser-context saves as versions', async () => {
        const { storeId } = await ctx.storeWithPixel();
        const { outbox, carts } = ctx.harness();
        await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)], { checkoutToken: 'chk-1' }), cartStateBasedOn: null });
        await carts.saveBrowserContext(storeId, { cartToken: 'cart-abc', checkoutToken: 'chk-1' }, { userAgent: 'Mozilla/5.0' });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ browser: { userAgent: 'Mozilla/5.0' }, version: 1 });
        expect(await carts.findByTokens(storeId, { checkoutToken: 'chk-1' })).toMatchObject({ version: 1 });

        await outbox.record(null, [], { cartState: snapshot(storeId, 2, [line('a', 2)]), cartStateBasedOn: 1 });
        expect(await carts.get(storeId, 'cart-abc')).toMatchObject({ lines: [line('a', 2)], version: 2 });
      });
    });

    it("deleteCustomerData removes the customer's cart snapshots", async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)], { customerRef: 'cust-1' }) });
      expect(await outbox.deleteCustomerData(storeId, { customerRef: 'cust-1' })).toEqual({ events: 0, carts: 1 });
      expect(await carts.get(storeId, 'cart-abc')).toBeNull();
    });

    it("deleteCustomerData for a guest's order reaches its cart and checkout: their events and snapshots, in that store only", async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      const journey = (storeId: string, pixelConfigId: string) => [
        newEvent(storeId, pixelConfigId, 1, { eventName: 'AddToCart', eventId: 'atc-1', sourceId: 'cart-abc', cartToken: 'cart-abc' }),
        newEvent(storeId, pixelConfigId, 2, { eventName: 'InitiateCheckout', eventId: 'ic-1', sourceId: 'chk-1', cartToken: 'cart-abc', checkoutToken: 'chk-1' }),
        newEvent(storeId, pixelConfigId, 3, { eventId: 'purchase-1', sourceId: 'order-1', cartToken: 'cart-abc', checkoutToken: 'chk-1', withoutConsentSignal: true }),
        newEvent(storeId, pixelConfigId, 4, { eventName: 'AddToCart', eventId: 'atc-2', sourceId: 'cart-other', cartToken: 'cart-other' }),
      ];
      for (const { storeId, pixelConfigId } of [mine, other]) {
        await outbox.record(null, journey(storeId, pixelConfigId), {
          cartState: snapshot(storeId, 1, [line('a', 1)], { checkoutToken: 'chk-1', browser: { ipAddress: '203.0.113.9' } }),
        });
        await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('b', 1)], { cartToken: 'cart-other' }) });
      }

      const exported = await outbox.exportCustomerData(mine.storeId, { sourceIds: ['order-1'] });
      expect(exported.events.map((row) => [row.eventId, row.cartToken, row.checkoutToken, row.status])).toEqual([
        ['atc-1', 'cart-abc', null, 'queued'],
        ['ic-1', 'cart-abc', 'chk-1', 'queued'],
        ['purchase-1', 'cart-abc', 'chk-1', 'queued'],
      ]);
      expect(exported.events[2]!.payload.user_data.em).toEqual([HASHED_EMAIL]);
      expect(exported.events.map((row) => row.withoutConsentSignal)).toEqual([false, false, true]);
      expect(exported.carts).toEqual([
        { cartToken: 'cart-abc', checkoutToken: 'chk-1', lines: [line('a', 1)], browser: { ipAddress: '203.0.113.9' }, updatedAt: at(1) },
      ]);

      expect(await outbox.deleteCustomerData(mine.storeId, { sourceIds: ['order-1'] })).toEqual({ events: 3, carts: 1 });
      expect(await outbox.exportCustomerData(mine.storeId, { sourceIds: ['order-1'] })).toEqual({ events: [], carts: [] });
      expect((await outbox.listEvents({ storeId: mine.storeId, limit: 10 })).map((row) => row.eventId)).toEqual(['atc-2']);
      expect(await carts.get(mine.storeId, 'cart-abc')).toBeNull();
      expect(await carts.get(mine.storeId, 'cart-other')).not.toBeNull();
      expect(await outbox.listEvents({ storeId: other.storeId, limit: 10 })).toHaveLength(4);
      expect(await carts.get(other.storeId, 'cart-abc')).not.toBeNull();
    });

    it('deleteCustomerData takes any number of orders (ids are bound in bounded chunks)', async () => {
      const { storeId, pixelConfigId } = await ctx.storeWithPixel();
      const { outbox } = ctx.harness();
      await outbox.record(null, [newEvent(storeId, pixelConfigId, 1, { sourceId: 'order-2400' })]);
      const orders = Array.from({ length: 2400 }, (_, index) => `order-${index + 1}`);
      expect(await outbox.deleteCustomerData(storeId, { sourceIds: orders })).toEqual({ events: 1, carts: 0 });
    });
  });
}
