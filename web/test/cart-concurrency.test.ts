/**
 * carts/update deliveries of one cart processed at the same time (several requests in flight, or
 * several servers on one database), on SQLite and PostgreSQL: units are counted once however the
 * deliveries interleave, and a delivery that keeps losing the race is refused for Shopify to retry.
 */
import type { CartStateStore } from '@capi-relay/core';

import { forEachDatabase } from '../../prisma/test/databases';
import { freshFixture, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const DIFFING_AGAIN = 'cart changed by a concurrent delivery; diffing again';

/** Shopify's carts/update sample as cart `token` holding `quantity` units of its one line. */
function cartBody(token: string, quantity: number, updatedAt: Date): string {
  return freshFixture('carts-update.json', updatedAt)
    .replaceAll('"exampleCartId"', `"${token}"`)
    .replace('"quantity": 3', `"quantity": ${quantity}`);
}

/**
 * Makes the first `count` reads of the cart's snapshot wait for one another after reading, so the
 * deliveries making them all diff against the same stored version before any of them writes, as
 * deliveries on separate servers can. Later reads go through. Returns the undo.
 */
function holdFirstReads(carts: CartStateStore, cartToken: string, count: number): () => void {
  const read = carts.get;
  const release: (() => void)[] = [];
  carts.get = async (storeId, token) => {
    const snapshot = await read.call(carts, storeId, token);
    if (token === cartToken && release.length < count) {
      await new Promise<void>((resolve) => {
        release.push(resolve);
        if (release.length === count) release.forEach((go) => go());
      });
    }
    return snapshot;
  };
  return () => {
    carts.get = read;
  };
}

forEachDatabase((t) => {
  const harness = useTestApp(t);
  const seconds = (n: number) => new Date(Date.now() + n * 1000);

  const unitsAdded = async (cartToken: string) => {
    const rows = await harness().runtime.db.client.outboxEvent.findMany({ where: { eventName: 'AddToCart', sourceId: cartToken }, select: { body: { select: { payload: true } } } });
    return rows.map((row) => (JSON.parse(row.body!.payload) as { custom_data: { num_items: number } }).custom_data.num_items).reduce((sum, n) => sum + n, 0);
  };

  it('counts the units added once when two updates diffed against the same stored cart race', async () => {
    await harness().configurePixel(SHOP_A);
    const { id: storeId } = await harness().runtime.db.stores.ensureStore('shopify', SHOP_A);
    const { carts } = harness().runtime.db;

    // Which update writes first is up to the scheduler; each order must come out the same.
    for (const cartToken of ['racing-cart-1', 'racing-cart-2', 'racing-cart-3']) {
      expect((await harness().deliver('carts/create', cartBody(cartToken, 1, seconds(-60)))).statusCode).toBe(200);
      const unitsBefore = await unitsAdded(cartToken);
      const retriesBefore = harness().logs.filter((line) => line.msg === DIFFING_AGAIN).length;

      const undo = holdFirstReads(carts, cartToken, 2);
      try {
        const responses = await Promise.all([
          harness().deliver('carts/update', cartBody(cartToken, 2, seconds(-30))),
          harness().deliver('carts/update', cartBody(cartToken, 3, seconds(-20))),
        ]);
        expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
      } finally {
        undo();
      }

      // From the stored 1 unit to 3: 2 added, never 1 + 2 from diffing both against that 1.
      expect((await unitsAdded(cartToken)) - unitsBefore).toBe(2);
      expect((await carts.get(storeId, cartToken))?.lines.map((line) => line.quantity)).toEqual([3]);
      expect(harness().logs.filter((line) => line.msg === DIFFING_AGAIN)).toHaveLength(retriesBefore + 1);
    }
  });

  it('refuses a delivery whose cart changes under it on every attempt, writing nothing, so Shopify redelivers it', async () => {
    await harness().configurePixel(SHOP_A);
    const { outbox, carts } = harness().runtime.db;
    const cartToken = 'busy-cart';
    expect((await harness().deliver('carts/create', cartBody(cartToken, 1, seconds(-60)))).statusCode).toBe(200);
    const unitsBefore = await unitsAdded(cartToken);
    const retriesBefore = harness().logs.filter((line) => line.msg === DIFFING_AGAIN).length;

    // After each read, another writer replaces the snapshot with the same lines (a new version).
    const read = carts.get;
    let reads = 0;
    carts.get = async (storeId, token) => {
      const snapshot = await read.call(carts, storeId, token);
      reads += 1;
      if (snapshot) await outbox.record(null, [], { cartState: snapshot });
      return snapshot;
    };
    try {
      const body = cartBody(cartToken, 4, seconds(-10));
      const refused = await harness().deliver('carts/update', body, { webhookId: 'busy-update' });
      expect(refused.statusCode).toBe(500);
      expect(reads).toBe(5);
      expect(harness().logs.filter((line) => line.msg === DIFFING_AGAIN).slice(retriesBefore).map((line) => line.attempt)).toEqual([1, 2, 3, 4]);
      expect(await unitsAdded(cartToken)).toBe(unitsBefore);

      // The receipt was not kept either: Shopify's redelivery, once the cart is quiet, is processed.
      carts.get = read;
      expect((await harness().deliver('carts/update', body, { webhookId: 'busy-update' })).statusCode).toBe(200);
      expect((await unitsAdded(cartToken)) - unitsBefore).toBe(3);
    } finally {
      carts.get = read;
    }
  });
});
