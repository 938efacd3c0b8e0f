import { describeOutboxStoreConformance } from '@capi-relay/core/testing';
import { forEachDatabase } from './databases';

let domainCounter = 0;

forEachDatabase((t) => {
  describeOutboxStoreConformance(`Prisma on ${t.provider}`, async () => {
    await t.reset();
    const db = t.db();
    return {
      outbox: db.outbox,
      pixels: db.pixels,
      carts: db.carts,
      createStore: async () => (await db.stores.ensureStore('shopify', `shop-${(domainCounter += 1)}.myshopify.com`)).id,
    };
  });
});
