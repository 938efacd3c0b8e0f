/**
 * The mandatory privacy webhooks. Each request is kept as evidence (ids and counts, never data) in
 * the compliance log, which outlives the shop's own data, then acted on at once:
 *   customers/data_request: recorded; the merchant answers the customer (PRIVACY.md says what we hold).
 *   customers/redact: the customer's outbox rows and cart snapshots, plus every row of the listed orders.
 *   shop/redact: everything the shop owns (store, pixels and token, events, carts, sessions).
 * All three are idempotent: a redelivery repeats the deletion harmlessly and adds a log entry.
 */
import { asRecord, list, shopifyId } from '../shopify/mappers/payload-reader';
import type { WebhookDelivery, WebhookHandler } from './webhook-delivery';
import { PLATFORM, type WebhookContext } from './webhook-context';

export function customersDataRequestHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const payload = asRecord(delivery.payload);
    const request = await ctx.db.compliance.recordRequest({
      ...requestBase(ctx, delivery),
      ...optional('requestId', shopifyId(asRecord(payload?.data_request)?.id, 'data_request.id')),
      ...optional('customerRef', customerId(delivery)),
    });
    return { action: 'data_request_recorded', detail: `compliance request ${request.id}` };
  };
}

export function customersRedactHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const customerRef = customerId(delivery);
    const orderIds = list(asRecord(delivery.payload)?.orders_to_redact)
      .map((id, index) => shopifyId(id, `orders_to_redact[${index}]`))
      .filter((id): id is string => id !== undefined);
    const request = await ctx.db.compliance.recordRequest({ ...requestBase(ctx, delivery), ...optional('customerRef', customerRef) });
    const store = await ctx.db.stores.findStore(PLATFORM, delivery.shop);
    const deleted =
      store && (customerRef !== undefined || orderIds.length > 0)
        ? await ctx.db.outbox.deleteCustomerData(store.id, { ...optional('customerRef', customerRef), sourceIds: orderIds })
        : 0;
    const outcome = store ? `deleted ${deleted} event(s) for the customer and ${orderIds.length} listed order(s)` : 'no data held for this shop';
    await ctx.db.compliance.completeRequest(request.id, ctx.now(), outcome);
    return { action: 'customer_redacted', detail: outcome };
  };
}

export function shopRedactHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const request = await ctx.db.compliance.recordRequest(requestBase(ctx, delivery));
    const store = await ctx.db.stores.findStore(PLATFORM, delivery.shop);
    let outcome: string;
    if (store) {
      const deleted = await ctx.db.deleteStoreData(store.id);
      outcome = `deleted the store with ${deleted.events} event(s) and ${deleted.sessions} session(s)`;
    } else {
      // Sessions are keyed by domain and can exist without a store row (install never completed).
      const sessions = await ctx.sessions.deleteSessionsByShop(delivery.shop);
      outcome = `no store data held; deleted ${sessions} session(s)`;
    }
    await ctx.db.compliance.completeRequest(request.id, ctx.now(), outcome);
    return { action: 'shop_redacted', detail: outcome };
  };
}

function requestBase(ctx: WebhookContext, delivery: WebhookDelivery) {
  return { platform: PLATFORM, shopDomain: delivery.shop, topic: delivery.topic, receivedAt: ctx.now() } as const;
}

function customerId(delivery: WebhookDelivery): string | undefined {
  return shopifyId(asRecord(asRecord(delivery.payload)?.customer)?.id, 'customer.id');
}

function optional<Key extends string>(key: Key, value: string | undefined): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
