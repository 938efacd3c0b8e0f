/**
 * The webhook path reads a store's row and pixels from memory (@capi-relay/db's store-contexts.ts),
 * on SQLite and PostgreSQL. Every test first fills the cache with a delivery, then changes the rows:
 * the very next webhook must be planned from the new rows, whether the change came through this
 * server (settings, app/uninstalled, shop/redact) or from another process on the same database.
 */
import { openDatabase } from '@capi-relay/db';

import { forEachDatabase } from '../../prisma/test/databases';
import { STORE_CHANGED_MESSAGE } from '../src/webhooks/record-store-events';
import { fixtureBody } from './support/shopify-signing';
import { freshFixture, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const FIXTURE_ORDER_ID = '820982911946154508';

/** The order fixture as order `n` (its own Purchase event id). */
const orderBody = (n: number) => freshFixture('orders-paid.capi-variant.json').split(FIXTURE_ORDER_ID).join(`82098291194615${String(n).padStart(4, '0')}`);

forEachDatabase((t) => {
  const harness = useTestApp(t);
  const db = () => harness().runtime.db;

  /** The Purchase rows of the shop's current store, by order number. */
  const purchase = async (n: number) => {
    const store = await db().stores.findStore('shopify', SHOP_A);
    const rows = store ? await db().outbox.listEvents({ storeId: store.id, limit: 100 }) : [];
    return rows.find((row) => row.eventId === `purchase:82098291194615${String(n).padStart(4, '0')}`);
  };

  const deliverOrder = async (n: number) => expect((await harness().deliver('orders/create', orderBody(n))).statusCode).toBe(200);
  /** A working pixel, with the background setup it starts (which issues the store's pixel key) finished. */
  const configurePixel = async () => {
    await harness().configurePixel(SHOP_A);
    await harness().runtime.services.adminAccess.settle();
  };
  /** Deliveries planned again because the version check caught a stale entry. */
  const replans = () => harness().logs.filter((line) => line.msg === STORE_CHANGED_MESSAGE).length;

  it('honours a settings change (Purchase switched off) from the very next webhook', async () => {
    await configurePixel();
    await deliverOrder(1);
    expect(await purchase(1)).toMatchObject({ status: 'queued' });

    const replansBefore = replans();
    expect((await harness().admin(SHOP_A, 'PUT', '/api/settings', { events: { Purchase: false } })).statusCode).toBe(200);
    await deliverOrder(2);
    expect(await purchase(2)).toMatchObject({ status: 'skipped', reason: 'disabled' });
    // The save dropped the entry itself: the version check had nothing to catch.
    expect(replans()).toBe(replansBefore);
  });

  it('honours a change another process made: the write finds the version moved and plans again', async () => {
    await configurePixel();
    await deliverOrder(1);
    const store = await db().stores.findStore('shopify', SHOP_A);
    const replansBefore = replans();

    // A second server (or the standalone worker) on the same database: this server's cache does not see it.
    const other = openDatabase(t.testDatabase().url);
    try {
      await other.pixels.upsertForStore(store!.id, { events: { Purchase: false } });
    } finally {
      await other.close();
    }
    await deliverOrder(2);
    expect(await purchase(2)).toMatchObject({ status: 'skipped', reason: 'disabled' });
    expect(replans()).toBe(replansBefore + 1);
  });

  it('drops the cached store row on app/uninstalled: the next order is kept as store_uninstalled', async () => {
    await configurePixel();
    await deliverOrder(1);
    const replansBefore = replans();
    expect((await harness().deliver('app/uninstalled', fixtureBody('app-uninstalled.json'))).statusCode).toBe(200);
    await deliverOrder(2);
    expect(await purchase(1)).toMatchObject({ status: 'queued' });
    expect(await purchase(2)).toMatchObject({ status: 'skipped', reason: 'store_uninstalled' });
    expect(replans()).toBe(replansBefore);
  });

  it('drops the cached store row on shop/redact: the next order starts a new store, with no pixel', async () => {
    await configurePixel();
    await deliverOrder(1);
    const redacted = await db().stores.findStore('shopify', SHOP_A);
    const replansBefore = replans();
    const redact = fixtureBody('shop-redact.json').replace('{shop}.myshopify.com', SHOP_A);
    expect((await harness().deliver('shop/redact', redact)).statusCode).toBe(200);

    await deliverOrder(2);
    const store = await db().stores.findStore('shopify', SHOP_A);
    expect(store?.id).not.toBe(redacted?.id);
    expect(await purchase(1)).toBeUndefined();
    expect(await purchase(2)).toMatchObject({ status: 'skipped', reason: 'no_pixel' });
    expect(replans()).toBe(replansBefore);
  });
});
