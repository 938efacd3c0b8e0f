import type { CartLine } from '../model/commerce';
import { newEvent, T0, type ConformanceContext } from './conformance';
import type { CartSnapshot } from './port';

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
      expect(await carts.get(storeId, 'cart-abc')).toEqual(snapshot(storeId, 1, [line('a', 1)], { customerRef: 'cust-1' }));

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
      expect(await carts.findByCheckoutToken(storeId, 'chk-1')).toEqual(stored);
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

    it('finds nothing for unknown tokens and keeps stores apart', async () => {
      const mine = await ctx.storeWithPixel();
      const other = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(mine.storeId, 1, [line('a', 1)], { checkoutToken: 'chk-1' }) });
      expect(await carts.get(other.storeId, 'cart-abc')).toBeNull();
      expect(await carts.findByCheckoutToken(other.storeId, 'chk-1')).toBeNull();
      expect(await carts.get(mine.storeId, 'unknown')).toBeNull();
    });

    it("deleteCustomerData removes the customer's cart snapshots", async () => {
      const { storeId } = await ctx.storeWithPixel();
      const { outbox, carts } = ctx.harness();
      await outbox.record(null, [], { cartState: snapshot(storeId, 1, [line('a', 1)], { customerRef: 'cust-1' }) });
      await outbox.deleteCustomerData(storeId, { customerRef: 'cust-1' });
      expect(await carts.get(storeId, 'cart-abc')).toBeNull();
    });
  });
}
