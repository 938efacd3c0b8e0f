/**
 * app/uninstalled: stop sending and drop the shop's Shopify sessions (their tokens are dead anyway).
 * The store row stays, marked uninstalled, so later deliveries are kept as store_uninstalled; its
 * data goes with shop/redact, 48 hours later. Keyed on the header domain (the payload's
 * myshopify_domain can be null). Both steps are idempotent, so a redelivery is harmless.
 */
import type { WebhookHandler } from './webhook-delivery';
import { PLATFORM, type WebhookContext } from './webhook-context';

export function appUninstalledHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const store = await ctx.db.stores.ensureStore(PLATFORM, delivery.shop);
    await ctx.db.stores.markUninstalled(store.id, ctx.now());
    const sessions = await ctx.sessions.findSessionsByShop(delivery.shop);
    if (sessions.length > 0) await ctx.sessions.deleteSessions(sessions.map((session) => session.id));
    return { action: 'uninstalled', detail: `store marked uninstalled, ${sessions.length} session(s) deleted` };
  };
}
