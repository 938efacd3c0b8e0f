/**
 * The HTTP server: Fastify with the webhook endpoint (raw body, HMAC), the admin API (session
 * token) and the health check. Route handlers stay thin; the work happens in the services.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';

import { describeFailure, type WorkerTuning } from '@capi-relay/core';

import { dataRequestsRoutes } from '../admin/data-requests-routes';
import { eventsRoute } from '../admin/events-route';
import { healthRoute } from '../admin/health-route';
import { matchQualityRoute } from '../admin/match-quality-route';
import { settingsRoutes } from '../admin/settings-routes';
import { requireShop } from '../admin/shop-context';
import { testEventRoute } from '../admin/test-event-route';
import type { AppConfig } from '../config/app-config';
import type { LoadedConfig } from '../config/load-config';
import { openRuntime, type Runtime } from '../app/open-runtime';
import { panelRoutes } from '../panel/panel-routes';
import { withPreviewShop } from '../panel/preview-session';
import { pixelRoute } from '../pixel/pixel-route';
import { recordPixelReport } from '../pixel/record-pixel-report';
import { createWebhookHandler } from '../webhooks/create-webhook-handler';
import { authCallbackRoute } from '../shopify/auth-callback-route';
import { WEBHOOK_PATH, webhookRoute } from '../webhooks/webhook-route';
import type { AppServices } from './app-services';
import { RequestLogController } from './request-log';

export interface BuildServerOptions {
  config: LoadedConfig['config'];
  logger: FastifyServerOptions['logger'];
  now?: () => Date;
  worker?: WorkerTuning;
}

/**
 * The server with every route, over a freshly opened runtime. Closing is the caller's: `app.close()`
 * first (in-flight requests finish), then the worker, then `runtime.close()`.
 */
export async function buildServer(options: BuildServerOptions): Promise<{ app: FastifyInstance; runtime: Runtime }> {
  const app = createHttpServer(options.logger, options.config.httpTimeouts);
  const runtime = await openRuntime({ config: options.config, logger: app.log, now: options.now, worker: options.worker });
  try {
    const { mode, shopify } = options.config;
    const services = mode === 'development' ? withPreviewShop(runtime.services) : runtime.services;
    await registerRoutes(app, services);
    await app.register(async (scope) => panelRoutes(scope, { services, mode, shopify }));
    await app.ready();
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return { app, runtime };
}

/** Admin API bodies are small settings objects. */
const ADMIN_BODY_LIMIT = 64 * 1024;

/**
 * An HTTP server with its error handling, before any route. Fastify's logger is the app's logger.
 * Timeouts: a request (headers and body) still arriving after `requestMs` is a slow or stalled sender
 * holding a buffer before any HMAC check; it gets 408 and its connection closes (a connection that
 * never sends a request too). Kept-alive connections idle for `idleMs` close. Node checks those
 * deadlines every second (its default is every 30 s). No socket timeout: it would also cut off a
 * response still being written to the database.
 */
export function createHttpServer(logger: FastifyServerOptions['logger'], timeouts: AppConfig['httpTimeouts']): FastifyInstance {
  const app = Fastify({
    logger,
    logController: new RequestLogController(new Set([WEBHOOK_PATH])),
    bodyLimit: ADMIN_BODY_LIMIT,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.idleMs,
    http: { headersTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.min(1_000, timeouts.requestMs) },
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ error: describeFailure(error) }, 'request failed');
      return reply.code(500).send({ error: 'Internal error; the request can be retried.' });
    }
    request.log.info({ status, code: error.code }, 'request refused');
    return reply.code(status).send({ error: error.message });
  });
  return app;
}

export async function registerRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(webhookRoute, {
    secrets: services.webhookSecrets,
    bodyLimit: services.webhookBodyLimitBytes,
    isShopDomain: services.isShopDomain,
    now: services.now,
    handle: createWebhookHandler({
      db: services.db,
      sessions: services.sessions,
      engine: services.engine,
      logger: services.logger,
      now: services.now,
    }),
  });
  await app.register(async (admin) => {
    admin.addHook('onRequest', requireShop(services));
    await settingsRoutes(admin, services);
    await eventsRoute(admin, services);
    await testEventRoute(admin, services);
    await dataRequestsRoutes(admin, services);
    await matchQualityRoute(admin, services);
  });
  await app.register(async (scope) => healthRoute(scope, services));
  await app.register(async (scope) => authCallbackRoute(scope, services));
  await app.register(pixelRoute, {
    ...services.pixel,
    findStoreByKey: (key) => services.db.stores.findByPixelKey(key),
    record: (store, report, clientIp) => recordPixelReport(services, store, report, clientIp),
    now: services.now,
  });
}
