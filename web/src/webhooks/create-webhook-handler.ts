/** Routes a verified delivery to its topic's handler, by the X-Shopify-Topic header. */
import { appScopesUpdateHandler } from './app-scopes-update';
import { appUninstalledHandler } from './app-uninstalled';
import { cartTopic } from './cart-topics';
import { checkoutTopic } from './checkout-topics';
import { customersDataRequestHandler, customersRedactHandler, shopRedactHandler } from './compliance-topics';
import { orderTopic } from './order-topics';
import { eventTopicHandler } from './record-store-events';
import type { WebhookHandler } from './webhook-delivery';
import type { WebhookContext } from './webhook-context';

/** Every topic shopify.app.toml subscribes to. */
export const SUBSCRIBED_TOPICS = [
  'orders/create',
  'orders/paid',
  'checkouts/create',
  'checkouts/update',
  'carts/create',
  'carts/update',
  'app/uninstalled',
  'app/scopes_update',
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;
type SubscribedTopic = (typeof SUBSCRIBED_TOPICS)[number];

export function createWebhookHandler(ctx: WebhookContext): WebhookHandler {
  const orders = eventTopicHandler(ctx, orderTopic);
  const checkouts = eventTopicHandler(ctx, checkoutTopic);
  const carts = eventTopicHandler(ctx, cartTopic);
  const handlers: Record<SubscribedTopic, WebhookHandler> = {
    'orders/create': orders,
    'orders/paid': orders,
    'checkouts/create': checkouts,
    'checkouts/update': checkouts,
    'carts/create': carts,
    'carts/update': carts,
    'app/uninstalled': appUninstalledHandler(ctx),
    'app/scopes_update': appScopesUpdateHandler(ctx),
    'customers/data_request': customersDataRequestHandler(ctx),
    'customers/redact': customersRedactHandler(ctx),
    'shop/redact': shopRedactHandler(ctx),
  };
  return async (delivery) => {
    const handler = (handlers as Record<string, WebhookHandler | undefined>)[delivery.topic];
    // Acknowledged, so Shopify does not retry a topic this app has no use for.
    if (!handler) return { action: 'ignored', detail: `no handler for topic ${delivery.topic}` };
    return handler(delivery);
  };
}
