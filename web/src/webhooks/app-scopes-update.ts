/**
 * app/scopes_update: the merchant granted or revoked access scopes. The stored sessions carry the
 * scopes they were issued with, and the app decides from them whether Admin API access must be
 * requested again, so they follow at once.
 */
import { asRecord, list, text } from '../shopify/mappers/payload-reader';
import type { WebhookHandler } from './webhook-delivery';
import type { WebhookContext } from './webhook-context';

export function appScopesUpdateHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const current = list(asRecord(delivery.payload)?.current).map(text);
    if (current.some((scope) => scope === undefined)) {
      ctx.logger.warn({ shop: delivery.shop, webhookId: delivery.webhookId }, 'app/scopes_update without a readable list of current scopes; sessions unchanged');
      return { action: 'unmappable', detail: 'current must be a list of scope names' };
    }
    const scope = [...new Set(current as string[])].sort().join(',');
    const updated = await ctx.sessions.setShopScopes(delivery.shop, scope);
    return { action: 'scopes_updated', detail: `${updated} session(s) now hold scopes "${scope}"` };
  };
}
