/**
 * GET /api/settings and PUT /api/settings. The token never leaves the server: only whether one is
 * saved and its last four characters. A PUT may carry any subset of fields plus `accessToken`; every
 * refused field comes back with its own message (400). Saving does not wait on Shopify.
 */
import type { FastifyInstance } from 'fastify';
import type { SettingsView } from '@capi-relay/core';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

export async function settingsRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get('/api/settings', async (request) => toResponse(await services.settings.getSettings(shopOf(request).store.id)));

  app.put('/api/settings', async (request, reply) => {
    const { store } = shopOf(request);
    const result = await services.settings.updateSettings(store.id, request.body);
    if (!result.ok) return reply.code(400).send({ error: 'Some settings were not saved.', errors: result.errors });
    return toResponse(result.settings);
  });
}

function toResponse(view: SettingsView) {
  return {
    pixelId: view.pixelId,
    accessTokenSet: view.accessTokenSet,
    accessTokenLast4: view.accessTokenLast4,
    testEventCode: view.testEventCode,
    purchaseTrigger: view.purchaseTrigger,
    events: view.events,
    limitedDataUse: view.limitedDataUse,
    noConsentSignal: view.noConsentSignal,
    noConsentSignalDefault: view.noConsentSignalDefault,
    enabled: view.enabled,
    stopped: view.stopped ? { at: view.stopped.at.toISOString(), reason: view.stopped.reason } : null,
  };
}
