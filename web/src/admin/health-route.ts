/**
 * GET /api/health. Without a session token: is the server up and can it reach its database (what a
 * load balancer or a newcomer's first curl needs). With one: the shop's pixel state (configured,
 * sending, or stopped because Meta refused the token, with Meta's reason in merchant words), the
 * Admin API connection (token exchange), the event counts per status, and a warning when Meta's own
 * browser pixel also runs on the storefront (see browser-pixel-state.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { SettingsView } from '@capi-relay/core';
import type { StoreRecord } from '@capi-relay/db';

import { browserPixelState } from '../pixel/browser-pixel-state';
import type { AppServices } from '../server/app-services';
import { UNINSTALLED_REASON } from '../webhooks/app-uninstalled';
import { PLATFORM } from '../webhooks/webhook-context';
import { authenticateShop } from './shop-context';

export async function healthRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get('/api/health', async (request, reply) => {
    const context = await authenticateShop(services, request, reply, { optional: true });
    if (reply.sent) return reply;
    const database = await databaseState(services);
    const server = { status: database === 'ok' ? 'ok' : 'degraded', database };
    if (!context || database !== 'ok') return reply.code(database === 'ok' ? 200 : 503).send(server);

    const { shop, store, sessionToken } = context;
    const settings = await services.settings.getSettings(store.id);
    // The health check is where a failed token exchange shows, so it tries again instead of guessing.
    await services.adminAccess.offlineSession(shop, sessionToken).catch(() => undefined);
    return {
      ...server,
      shop,
      pixel: pixelState(settings, store),
      adminApi: await services.adminAccess.state(shop),
      events: await services.db.outbox.countByStatus(store.id),
      browserPixel: await browserPixelState(services.db.outbox, store.id),
    };
  });
}

async function databaseState(services: AppServices): Promise<'ok' | 'unreachable'> {
  try {
    // Any indexed read proves the connection; this domain can never be a shop.
    await services.db.stores.findStore(PLATFORM, 'health-check.invalid');
    return 'ok';
  } catch (error) {
    services.logger.error({ error: (error as Error).name }, 'health check: database unreachable');
    return 'unreachable';
  }
}

function pixelState(settings: SettingsView, store: StoreRecord) {
  const configured = Boolean(settings.pixelId && settings.accessTokenSet);
  // The cause tells the panel which fix to offer: a new token, or resuming after a reinstall.
  const stopped = settings.stopped
    ? { at: settings.stopped.at.toISOString(), reason: settings.stopped.reason, cause: settings.stopped.reason === UNINSTALLED_REASON ? 'uninstalled' : 'meta_refused' }
    : null;
  const sending = configured && settings.enabled && !stopped && store.uninstalledAt === null;
  return { configured, enabled: settings.enabled, sending, stopped, message: pixelMessage(settings, configured, stopped, store) };
}

function pixelMessage(settings: SettingsView, configured: boolean, stopped: { reason: string } | null, store: StoreRecord): string {
  if (store.uninstalledAt) return 'The app was uninstalled from this store: nothing is sent.';
  if (!configured) return 'Enter the pixel ID and the Conversions API access token in settings to start sending.';
  if (stopped) return `Sending stopped: ${stopped.reason} Saving the settings again resumes sending.`;
  if (!settings.enabled) return 'Sending is turned off in settings.';
  return 'Events are being sent to Meta.';
}
