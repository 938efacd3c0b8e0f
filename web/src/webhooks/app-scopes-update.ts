/**
 * app/scopes_update: the merchant approved (or Shopify removed) scopes, e.g. the write_pixels and
 * read_customer_events the storefront pixel needs. The stored offline session's scope follows, so
 * /api/health shows what the token can do without waiting for the next token exchange.
 */
import { asRecord, list, text } from '../shopify/mappers/payload-reader';
import type { WebhookHandler } from './webhook-delivery';
import type { WebhookContext } from './webhook-context';

/** Shopify's offline session id for a shop (what @shopify/shopify-api's getOfflineId gives). */
const offlineSessionId = (shop: string) => `offline_${shop}`;

export function appScopesUpdateHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const current = list(asRecord(delivery.payload)?.current).map(text).filter((scope): scope is string => scope !== undefined);
    const session = await ctx.sessions.loadSession(offlineSessionId(delivery.shop));
    if (!session) return { action: 'ignored', detail: 'no offline session stored for this shop yet' };
    await ctx.sessions.storeSession({ ...session, scope: current.join(',') });
    return { action: 'scopes_updated', detail: `${current.length} scope(s)` };
  };
}
