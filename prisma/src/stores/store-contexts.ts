/**
 * The store row and its pixel configurations, as every webhook needs them, from memory: reading them
 * through Prisma cost two queries (about 2 ms of CPU) per webhook, for rows that change a few times
 * in a store's life.
 *
 * Staleness is bounded in two ways:
 * - in this process, every write to those rows through this Database (settings saved, pixel stopped,
 *   uninstall, reinstall, shop/redact) drops the store's entry before the write's promise resolves,
 *   so the very next webhook reads the new rows. A read that started before such a write finished is
 *   not kept (the generation check below).
 * - in any other process (a second server, the standalone worker stopping a pixel), the entry's
 *   version (store-version.ts) is checked inside the transaction that records the webhook: a changed
 *   version writes nothing and throws StoreContextChangedError, and the caller reads again and
 *   plans again. So no process records events planned from rows older than the last committed change.
 */
import type { PixelConfigPatch, PixelConfigRecord, PixelConfigStore } from '@capi-relay/core';
import type { Platform, StoreRecord, StoreRegistry } from './store-registry';
import { storeVersionOf, type StoreVersion } from './store-version';

export interface StoreContext {
  store: StoreRecord;
  pixels: PixelConfigRecord[];
  /** Pass to record() as `storeVersion`, so a change made meanwhile by another process is noticed. */
  version: StoreVersion;
}

export interface StoreContexts {
  /** `ensureStore` and `listByStore` in one, from memory when nothing changed since the last read. */
  get(platform: Platform, domain: string): Promise<StoreContext>;
  /** Drops the store's entry (after StoreContextChangedError, say); the next get reads the rows again. */
  forget(storeId: string): void;
}

/** Entries kept at most (least recently used dropped first): a few hundred bytes each. */
export const MAX_CACHED_STORES = 10_000;

export interface CachedStoreAccess {
  contexts: StoreContexts;
  /** The registry and pixel store whose writes drop the entries they change. */
  stores: StoreRegistry;
  pixels: PixelConfigStore;
}

export function cachedStoreAccess(registry: StoreRegistry, pixelStore: PixelConfigStore, maxEntries = MAX_CACHED_STORES): CachedStoreAccess {
  const entries = new Map<string, StoreContext>();
  const loading = new Map<string, Promise<StoreContext>>();
  /** Bumped by every invalidation: a read that began before one is returned but not kept. */
  let generation = 0;
  const keyOf = (platform: string, domain: string) => `${platform}\n${domain}`;

  function forget(storeId: string): void {
    generation += 1;
    // Reads in flight may hold the old rows: later callers must not join them.
    loading.clear();
    for (const [key, entry] of entries) if (entry.store.id === storeId) entries.delete(key);
  }

  function forgetPixel(pixelConfigId: string): void {
    generation += 1;
    loading.clear();
    for (const [key, entry] of entries) if (entry.pixels.some((pixel) => pixel.id === pixelConfigId)) entries.delete(key);
  }

  async function load(platform: Platform, domain: string, key: string): Promise<StoreContext> {
    const startedAt = generation;
    const store = await registry.ensureStore(platform, domain);
    const pixels = await pixelStore.listByStore(store.id);
    const context: StoreContext = { store, pixels, version: { storeId: store.id, version: storeVersionOf([store, ...pixels]) } };
    if (generation === startedAt) {
      entries.set(key, context);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    }
    return context;
  }

  const contexts: StoreContexts = {
    get(platform, domain) {
      const key = keyOf(platform, domain);
      const cached = entries.get(key);
      if (cached) {
        // Most recently used last, so the bound drops the stores that stopped sending webhooks.
        entries.delete(key);
        entries.set(key, cached);
        return Promise.resolve(cached);
      }
      // Concurrent first webhooks of a store share one read.
      let pending = loading.get(key);
      if (!pending) {
        pending = load(platform, domain, key).finally(() => {
          if (loading.get(key) === pending) loading.delete(key);
        });
        loading.set(key, pending);
      }
      return pending;
    },
    forget,
  };

  /** Runs a write, then drops what it changed, whether or not it succeeded (it may have committed). */
  async function thenForget<T>(write: Promise<T>, drop: () => void): Promise<T> {
    try {
      return await write;
    } finally {
      drop();
    }
  }

  const stores: StoreRegistry = {
    ...registry,
    async markInstalled(platform, domain, at) {
      const store = await thenForget(registry.markInstalled(platform, domain, at), () => {
        const entry = entries.get(keyOf(platform, domain));
        if (entry) forget(entry.store.id);
      });
      forget(store.id);
      return store;
    },
    markUninstalled: (storeId, at) => thenForget(registry.markUninstalled(storeId, at), () => forget(storeId)),
    // Its update moves the store's updatedAt, so the cached version no longer matches.
    pixelKeyFor: (storeId) => thenForget(registry.pixelKeyFor(storeId), () => forget(storeId)),
  };

  const pixels: PixelConfigStore = {
    ...pixelStore,
    upsertForStore: (storeId: string, patch: PixelConfigPatch) => thenForget(pixelStore.upsertForStore(storeId, patch), () => forget(storeId)),
    stop: (id, reason, at) => thenForget(pixelStore.stop(id, reason, at), () => forgetPixel(id)),
  };

  return { contexts, stores, pixels };
}
