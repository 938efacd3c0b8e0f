/**
 * Everything behind the routes, opened once from the validated config: the database (migrated),
 * the engine (Graph client, settings, planner, worker factory), the Shopify library and the
 * services the routes use. Shared by the server and the standalone worker.
 */
import { createEngine, type Engine, type Logger, partnerAgentFor, type WorkerTuning } from '@capi-relay/core';
import { type Database, openDatabase } from '@capi-relay/db';

import type { LoadedConfig } from '../config/load-config';
import { PIXEL_RATE_LIMIT } from '../pixel/pixel-limits';
import { createRateLimiter } from '../pixel/rate-limiter';
import { createWebPixelSetup } from '../pixel/web-pixel-setup';
import type { AppServices } from '../server/app-services';
import { createAdminAccess } from '../shopify/admin-access';
import { createSessionTokenVerifier } from '../shopify/session-token';
import { shopifySessionStorage } from '../shopify/session-storage';
import { isMyshopifyDomain } from '../shopify/shop-domain';
import { allSetupSteps } from '../shopify/setup-steps';
import { createShopCountryRead } from '../shopify/shop-country';
import { createShopifyApi } from '../shopify/shopify-api';

export interface RuntimeOptions {
  config: LoadedConfig['config'];
  logger: Logger;
  now?: () => Date;
  /** Tests shorten the worker's waits; production uses core's defaults. */
  worker?: WorkerTuning;
}

export interface Runtime {
  db: Database;
  engine: Engine;
  services: AppServices;
  close(): Promise<void>;
}

export async function openRuntime({ config, logger, now = () => new Date(), worker }: RuntimeOptions): Promise<Runtime> {
  const engine = createEngine({
    encryptionKey: config.encryptionKey,
    graph: {
      ...(config.meta.graphUrl === undefined ? {} : { graphUrl: config.meta.graphUrl }),
      ...(config.meta.apiVersion === undefined ? {} : { apiVersion: config.meta.apiVersion }),
      ...(config.meta.timeoutMs === undefined ? {} : { timeoutMs: config.meta.timeoutMs }),
      partnerAgent: partnerAgentFor('shopify'),
    },
    testCodeOnLiveEvents: config.meta.testCodeOnLiveEvents,
    stitchWaitMs: config.pixel.stitchWaitSeconds * 1000,
    worker: worker ?? config.worker,
    logger,
  });
  const db = openDatabase(config.databaseUrl, { logger, cwd: config.cwd });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }

  const shopify = createShopifyApi(config.shopify, logger);
  const sessions = db.createSessionStore(engine.secretBox);
  const services: AppServices = {
    db,
    sessions,
    engine,
    settings: engine.settings(db.pixels, async (storeId) => (await db.stores.getStore(storeId))?.country ?? null),
    graph: engine.graph,
    verifySessionToken: createSessionTokenVerifier(shopify),
    adminAccess: createAdminAccess({
      shopify,
      sessions: shopifySessionStorage(sessions),
      logger,
      now,
      onConnected: allSetupSteps({
        webPixel: createWebPixelSetup({ shopify, stores: db.stores, appUrl: config.shopify.appUrl, logger }),
        shopCountry: createShopCountryRead({ shopify, stores: db.stores, logger }),
      }),
    }),
    webhookSecrets: [config.shopify.apiSecret, ...(config.shopify.previousApiSecret ? [config.shopify.previousApiSecret] : [])],
    webhookBodyLimitBytes: config.webhookBodyLimitBytes,
    isShopDomain: isMyshopifyDomain,
    apiKey: config.shopify.apiKey,
    verifyAdminQuery: async (query) => {
      try {
        return (await shopify.utils.validateHmac(query)) ? { valid: true } : { valid: false, reason: 'hmac does not match' };
      } catch (error) {
        // Missing hmac, or a timestamp outside Shopify's window.
        return { valid: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    pixel: { trustProxy: config.pixel.trustProxy, rateLimiter: createRateLimiter(PIXEL_RATE_LIMIT) },
    logger,
    now,
  };
  return {
    db,
    engine,
    services,
    async close() {
      await services.adminAccess.settle();
      await closeWithin(db, DATABASE_CLOSE_TIMEOUT_MS, logger);
    },
  };
}

/** How long a shutdown waits for the database driver to let go before it goes on without it. */
const DATABASE_CLOSE_TIMEOUT_MS = 10_000;

/**
 * A shutdown must end: Prisma's PostgreSQL disconnect was seen (rarely, in tests) to wait forever
 * with no connection open on the server, so it gets a bounded wait and a log line instead. One cause
 * is fixed (transactions that ended on a dead connection never gave it back, and the pool's end waits
 * for every connection: prisma/src/pg-adapter.ts); the bound stays for any other.
 */
async function closeWithin(db: Database, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  const outcome = await Promise.race([db.close().then(() => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') logger.warn({ timeoutMs }, 'the database connections did not close in time; shutting down without waiting for them');
}
