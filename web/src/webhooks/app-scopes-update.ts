/**
 * app/scopes_update: the merchant approved (or Shopify removed) scopes, e.g. the write_pixels and
 * read_customer_events the storefront pixel needs. The stored sessions' scope follows at once, so
 * /api/health shows what the token can do without waiting for the next token exchange. Only the
 * scope column is written: no token is opened, so a session sealed under an older key is no obstacle.
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
    if (updated === 0) return { action: 'ignored', detail: 'no session stored for this shop yet' };
    return { action: 'scopes_updated', detail: `${updated} session(s) now hold scopes "${scope}"` };
  };
}
