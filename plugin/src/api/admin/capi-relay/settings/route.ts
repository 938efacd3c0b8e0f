/**
 * GET and POST /admin/capi-relay/settings, behind Medusa's admin authentication (every /admin route
 * is). The same settings service as the Shopify app: the token is stored encrypted and never sent
 * back, only whether one is saved and its last four characters. A POST may carry any subset of the
 * fields plus `accessToken`; every refused field comes back with its own message (400).
 */
import type { SettingsView } from '@capi-relay/core';
import type { AuthenticatedMedusaRequest, MedusaResponse } from '@medusajs/framework/http';

import { resolveRuntime } from '../../../../runtime/resolve-runtime';

export function toSettingsResponse(view: SettingsView) {
  return {
    pixelId: view.pixelId,
    accessTokenSet: view.accessTokenSet,
    accessTokenLast4: view.accessTokenLast4,
    testEventCode: view.testEventCode,
    events: view.events,
    enabled: view.enabled,
    stopped: view.stopped ? { at: view.stopped.at.toISOString(), reason: view.stopped.reason } : null,
  };
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const runtime = resolveRuntime(req.scope);
  res.json(toSettingsResponse(await runtime.settingsService.getSettings(runtime.store.id)));
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const runtime = resolveRuntime(req.scope);
  const result = await runtime.settingsService.updateSettings(runtime.store.id, req.body);
  if (!result.ok) {
    res.status(400).json({ message: 'Some settings were not saved.', errors: result.errors });
    return;
  }
  res.json(toSettingsResponse(result.settings));
}
