/**
 * What the plugin runs on, opened once per Medusa process: the engine, our database (migrated with the
 * project's own runner: no Prisma CLI, no engine download), the store row for this Medusa store, and
 * the delivery worker when it runs in-process.
 */
import { createEngine, type DeliveryWorker, type Engine, type EngineStores, type Logger, partnerAgentFor, type SettingsService } from '@capi-relay/core';
import { type Database, openDatabase, type StoreRecord } from '@capi-relay/db';

import type { PluginSettings } from './plugin-options';

export interface PluginRuntime {
  settings: PluginSettings;
  engine: Engine;
  db: Database;
  stores: EngineStores;
  store: StoreRecord;
  settingsService: SettingsService;
  logger: Logger;
  /** Starts the in-process delivery worker (no-op when deliveries run in `npm run worker`). */
  startWorker(): void;
  /** Lets the batch in flight finish, then closes the database. */
  close(): Promise<void>;
}

export function createPluginEngine(settings: PluginSettings, logger: Logger): Engine {
  return createEngine({
    encryptionKey: settings.encryptionKey,
    graph: {
      ...(settings.graphUrl === undefined ? {} : { graphUrl: settings.graphUrl }),
      ...(settings.graphApiVersion === undefined ? {} : { apiVersion: settings.graphApiVersion }),
      partnerAgent: partnerAgentFor('medusa'),
    },
    testCodeOnLiveEvents: settings.testCodeOnLiveEvents,
    logger,
  });
}

export async function openPluginRuntime(settings: PluginSettings, logger: Logger): Promise<PluginRuntime> {
  const engine = createPluginEngine(settings, logger);
  const db = openDatabase(settings.databaseUrl, { logger });
  let store: StoreRecord;
  try {
    await db.migrate();
    store = await db.stores.ensureStore('medusa', settings.storeDomain);
  } catch (error) {
    await db.close();
    throw error;
  }
  const stores: EngineStores = { outbox: db.outbox, pixels: db.pixels };
  let worker: DeliveryWorker | undefined;
  return {
    settings,
    engine,
    db,
    stores,
    store,
    settingsService: engine.settings(db.pixels),
    logger,
    startWorker() {
      if (settings.deliveryWorker !== 'in-process' || worker) return;
      worker = engine.createWorker(stores);
      worker.start();
      logger.info({ storeId: store.id }, 'delivery worker started in the Medusa process');
    },
    async close() {
      await worker?.stop();
      await db.close();
    },
  };
}
