/**
 * The store contexts cache and its version check, on SQLite and PostgreSQL: reads come from memory
 * until a write through the Database drops them, a read racing a write is not kept, the bound drops
 * the least recently used store, and record() refuses events planned from rows another process has
 * changed since, writing nothing.
 */
import type { PixelConfigStore } from '@capi-relay/core';
import { newEvent } from '@capi-relay/core/testing';
import { openDatabase } from '../src';
import { cachedStoreAccess } from '../src/stores/store-contexts';
import type { StoreRegistry } from '../src/stores/store-registry';
import { StoreContextChangedError } from '../src/stores/store-version';
import { forEachDatabase } from './databases';

/** Counts the reads the cache makes of the registry and the pixel store; `hold` gates the next ensureStore. */
function countingReads(stores: StoreRegistry, pixels: PixelConfigStore) {
  const reads = { stores: 0, pixels: 0 };
  let gate: Promise<void> | undefined;
  return {
    reads,
    hold(until: Promise<void>) {
      gate = until;
    },
    stores: {
      ...stores,
      async ensureStore(platform, domain) {
        reads.stores += 1;
        const store = await stores.ensureStore(platform, domain);
        const waiting = gate;
        gate = undefined;
        if (waiting) await waiting;
        return store;
      },
    } satisfies StoreRegistry,
    pixels: {
      ...pixels,
      listByStore: (storeId) => ((reads.pixels += 1), pixels.listByStore(storeId)),
    } satisfies PixelConfigStore,
  };
}

forEachDatabase((t) => {
  // The Database's own cache outlives the rows reset() deletes behind its back: each test its own shop.
  let shop = 0;
  let domain = '';
  beforeEach(async () => {
    await t.reset();
    domain = `shop-${(shop += 1)}.myshopify.com`;
  });

  it('serves the store and its pixels from memory, one read for concurrent first webhooks', async () => {
    const counting = countingReads(t.db().stores, t.db().pixels);
    const { contexts } = cachedStoreAccess(counting.stores, counting.pixels);
    const first = await Promise.all([1, 2, 3].map(() => contexts.get('shopify', 'a.myshopify.com')));
    const again = await contexts.get('shopify', 'a.myshopify.com');
    expect(counting.reads).toEqual({ stores: 1, pixels: 1 });
    expect(new Set([...first, again].map((context) => context.store.id)).size).toBe(1);
  });

  it('drops an entry on each write through the Database: settings, stop, uninstall, reinstall, pixel key, shop deletion', async () => {
    const db = t.db();
    const get = () => db.storeContexts.get('shopify', domain);
    const { store } = await get();
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123', enabled: true });
    expect((await get()).pixels.map((row) => row.id)).toEqual([pixel.id]);

    await db.pixels.upsertForStore(store.id, { events: { Purchase: false } });
    expect((await get()).pixels[0]?.events.Purchase).toBe(false);
    await db.pixels.stop(pixel.id, 'token refused', new Date());
    expect((await get()).pixels[0]?.stoppedReason).toBe('token refused');
    await db.stores.markUninstalled(store.id, new Date());
    expect((await get()).store.uninstalledAt).toBeInstanceOf(Date);
    await db.stores.markInstalled('shopify', domain, new Date());
    expect((await get()).store.uninstalledAt).toBeNull();
    const before = (await get()).version;
    await db.stores.pixelKeyFor(store.id);
    expect((await get()).version).not.toEqual(before);
    await db.deleteStoreData(store.id);
    expect((await get()).store.id).not.toBe(store.id);
  });

  it('does not keep a read that was in flight when a write dropped the store', async () => {
    const counting = countingReads(t.db().stores, t.db().pixels);
    const access = cachedStoreAccess(counting.stores, counting.pixels);
    let release!: () => void;
    counting.hold(new Promise<void>((resolve) => (release = resolve)));
    const racing = access.contexts.get('shopify', 'a.myshopify.com');
    // The racing read creates the store first (held before its pixel read): wait until it exists.
    let created = await t.db().stores.findStore('shopify', 'a.myshopify.com');
    while (!created) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      created = await t.db().stores.findStore('shopify', 'a.myshopify.com');
    }
    const { id } = created;
    await access.pixels.upsertForStore(id, { pixelId: '123' });
    release();
    // The racing read may have missed the pixel; it is returned but not kept.
    await racing;
    expect((await access.contexts.get('shopify', 'a.myshopify.com')).pixels).toHaveLength(1);
    expect(counting.reads.stores).toBe(2);
  });

  it('keeps at most its bound of stores, dropping the least recently used', async () => {
    const counting = countingReads(t.db().stores, t.db().pixels);
    const { contexts } = cachedStoreAccess(counting.stores, counting.pixels, 2);
    await contexts.get('shopify', 'a.myshopify.com');
    await contexts.get('shopify', 'b.myshopify.com');
    await contexts.get('shopify', 'a.myshopify.com');
    await contexts.get('shopify', 'c.myshopify.com');
    expect(counting.reads.stores).toBe(3);
    await contexts.get('shopify', 'a.myshopify.com');
    expect(counting.reads.stores).toBe(3);
    await contexts.get('shopify', 'b.myshopify.com');
    expect(counting.reads.stores).toBe(4);
  });

  it('refuses, writing nothing, events planned from rows another process changed since', async () => {
    const db = t.db();
    const { store } = await db.storeContexts.get('shopify', domain);
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '123', enabled: true });
    const planned = await db.storeContexts.get('shopify', domain);
    const receipt = { storeId: store.id, source: 'shopify', deliveryId: 'd-1', topic: 'orders/create' };

    const other = openDatabase(t.testDatabase().url);
    try {
      await other.pixels.upsertForStore(store.id, { events: { Purchase: false } });
    } finally {
      await other.close();
    }
    await expect(db.outbox.record(receipt, [newEvent(store.id, pixel.id, 1)], { storeVersion: planned.version })).rejects.toBeInstanceOf(StoreContextChangedError);
    expect(await db.outbox.listEvents({ storeId: store.id, limit: 10 })).toEqual([]);

    // Read again, the same delivery is recorded (its receipt was not kept either).
    db.storeContexts.forget(store.id);
    const fresh = await db.storeContexts.get('shopify', domain);
    expect(fresh.pixels[0]?.events.Purchase).toBe(false);
    const written = await db.outbox.record(receipt, [newEvent(store.id, pixel.id, 1)], { storeVersion: fresh.version });
    expect(written).toMatchObject({ duplicateDelivery: false, inserted: 1 });
  });
});
