/**
 * app/uninstalled: stop sending and drop the shop's Shopify sessions (their tokens are dead anyway).
 * The store row stays, marked uninstalled, so later deliveries are kept as store_uninstalled; events
 * already queued stay queued behind the pixel's stopped circuit (the merchant resumes by saving the
 * settings after a reinstall). The data goes with shop/redact, 48 hours later. Keyed on the header
 * domain (the payload's myshopify_domain can be null). Every step is idempotent.
 */
import type { WebhookHandler } from './webhook-delivery';
import { PLATFORM, type WebhookContext } from './webhook-context';

export const UNINSTALLED_REASON = 'The app was uninstalled from this store.';

export function appUninstalledHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const store = await ctx.db.stores.ensureStore(PLATFORM, delivery.shop);
    const now = ctx.now();
    await ctx.db.stores.markUninstalled(store.id, now);
    for (const pixel of await ctx.db.pixels.listByStore(store.id)) await ctx.db.pixels.stop(pixel.id, UNINSTALLED_REASON, now);
    const sessions = await ctx.sessions.deleteSessionsByShop(delivery.shop);
    return { action: 'uninstalled', detail: `store marked uninstalled, ${sessions} session(s) deleted` };
  };
}
