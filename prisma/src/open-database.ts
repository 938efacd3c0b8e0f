/**
 * The one entry point to storage: `openDatabase(process.env.DATABASE_URL)` gives every store over
 * one Prisma client. Call `migrate()` once at start-up (web server and worker both may; migrations are
 * locked and idempotent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger, type CartStateStore, type Logger, type PixelConfigStore, type SecretBox } from '@capi-relay/core';
import { createPrismaCartStateStore } from './cart-state/prisma-cart-state-store';
import { createDb, type DbClient } from './client';
import { createComplianceStore, type ComplianceStore } from './compliance/compliance-store';
import { createDataExportStore, type DataExportStore } from './compliance/data-export-store';
import { scrubDeletedContent } from './compliance/scrub-deleted';
import type { SqlDriver } from './driver/sql-driver';
import { resolveDatabaseTarget, type DatabaseTarget, type Provider } from './database-target';
import { migrateDatabase } from './migrate';
import { createPrismaOutboxStore, type PrismaOutboxStore } from './outbox/prisma-outbox-store';
import { createSessionStore, type SessionStore } from './sessions/session-store';
import { createPrismaPixelConfigStore } from './settings/prisma-pixel-config-store';
import { deleteStoreData, type DeletedStoreData } from './stores/delete-store-data';
import { cachedStoreAccess, type StoreContexts } from './stores/store-contexts';
import { createStoreRegistry, type StoreRegistry } from './stores/store-registry';

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** PostgreSQL connection pool size (default 10). */
  poolSize?: number;
  /** Relative SQLite paths resolve against this folder (default: the process's cwd). */
  cwd?: string;
}

export interface Database {
  provider: Provider;
  outbox: PrismaOutboxStore;
  pixels: PixelConfigStore;
  stores: StoreRegistry;
  /**
   * The store and its pixels for the webhook path, from memory (stores/store-contexts.ts); writes
   * through `stores`, `pixels` and `deleteStoreData` drop what they change.
   */
  storeContexts: StoreContexts;
  carts: CartStateStore;
  compliance: ComplianceStore;
  dataExports: DataExportStore;
  /** Sessions hold Shopify tokens, so they need the secret box that seals them. */
  createSessionStore(secretBox: SecretBox): SessionStore;
  deleteStoreData(storeId: string): Promise<DeletedStoreData>;
  /** After a privacy deletion: leaves no deleted bytes readable in the database files (see scrub-deleted.ts). */
  scrubDeletedContent(): Promise<void>;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** The Prisma client, for this package's tests and tools; application code uses the stores. */
  readonly client: DbClient;
  /** The SQL driver beneath Prisma, for this package's tests and tools, as `client`. */
  readonly sql: SqlDriver;
}

export function openDatabase(url?: string, options: OpenDatabaseOptions = {}): Database {
  const target: DatabaseTarget = resolveDatabaseTarget(url, options.cwd);
  const logger = options.logger ?? silentLogger;
  if (target.provider === 'sqlite') fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
  const db = createDb(target, { poolSize: options.poolSize });
  const cached = cachedStoreAccess(createStoreRegistry(db), createPrismaPixelConfigStore(db));

  return {
    provider: target.provider,
    outbox: createPrismaOutboxStore(db, logger),
    pixels: cached.pixels,
    stores: cached.stores,
    storeContexts: cached.contexts,
    carts: createPrismaCartStateStore(db),
    compliance: createComplianceStore(db),
    dataExports: createDataExportStore(db),
    createSessionStore: (secretBox) => createSessionStore(db, secretBox),
    async deleteStoreData(storeId) {
      try {
        return await deleteStoreData(db, storeId);
      } finally {
        cached.contexts.forget(storeId);
      }
    },
    scrubDeletedContent: () => scrubDeletedContent(target, logger),
    migrate: () => migrateDatabase(target, logger),
    close: () => db.close(),
    client: db.client,
    sql: db.sql,
  };
}
