/**
 * The mandatory privacy webhooks. Each request is kept as evidence (ids and counts, never data) in
 * the compliance log, which outlives the shop's own data, then acted on at once:
 *   customers/data_request: an export of everything held for the customer and the named orders,
 *     for the merchant to download from the admin API (GET /api/data-requests) until it expires.
 *   customers/redact: the customer's rows, the listed orders' rows, and the carts and checkouts they
 *     name (events and snapshots, a guest's too), plus any export made for the customer.
 *   shop/redact: everything the shop owns (store, pixels and token, events, carts, exports, sessions).
 * After a deletion the database is scrubbed so no deleted byte stays readable (SQLite).
 * All three are idempotent: a redelivery repeats the work harmlessly and adds a log entry.
 */
import { asRecord, list, shopifyId } from '../shopify/mappers/payload-reader';
import type { WebhookDelivery, WebhookHandler } from './webhook-delivery';
import { PLATFORM, type WebhookContext } from './webhook-context';

/** Shopify gives the merchant 30 days to answer a data request; the export is kept that long. */
export const DATA_EXPORT_TTL_MS = 30 * 24 * 3_600_000;
/** Once downloaded, the copy is kept a little longer (a second download), then deleted. */
export const DATA_EXPORT_KEEP_AFTER_DOWNLOAD_MS = 7 * 24 * 3_600_000;

export function customersDataRequestHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const payload = asRecord(delivery.payload);
    const customerRef = customerId(delivery);
    const requestId = shopifyId(asRecord(payload?.data_request)?.id, 'data_request.id');
    const orderIds = orderIdsOf(payload?.orders_requested, 'orders_requested');
    const request = await ctx.db.compliance.recordRequest({
      ...requestBase(ctx, delivery),
      ...optional('requestId', requestId),
      ...optional('customerRef', customerRef),
    });
    const store = await ctx.db.stores.findStore(PLATFORM, delivery.shop);
    let outcome = 'no data held for this shop';
    if (store) {
      const selector = { ...optional('customerRef', customerRef), sourceIds: orderIds };
      const content = await ctx.db.outbox.exportCustomerData(store.id, selector);
      const now = ctx.now();
      const saved = await ctx.db.dataExports.create({
        storeId: store.id,
        complianceRequestId: request.id,
        ...optional('requestId', requestId),
        ...optional('customerRef', customerRef),
        orderIds,
        content,
        createdAt: now,
        expiresAt: new Date(now.getTime() + DATA_EXPORT_TTL_MS),
      });
      outcome = `export ${saved.id} ready for the merchant: ${saved.eventCount} event(s), ${saved.cartCount} cart snapshot(s)`;
    }
    await ctx.db.compliance.completeRequest(request.id, ctx.now(), outcome);
    return { action: 'data_request_exported', detail: outcome };
  };
}

export function customersRedactHandler(ctx: WebhookContext): WebhookHandler {
  return async (delivery) => {
    const customerRef = customerId(delivery);
    const orderIds = orderIdsOf(asRecord(delivery.payload)?.orders_to_redact, 'orders_to_redact');
    const request = await ctx.db.compliance.recordRequest({ ...requestBase(ctx, delivery), ...optional('customerRef', customerRef) });
    const store = await ctx.db.stores.findStore(PLATFORM, delivery.shop);
    const deleted =
      store && (customerRef !== undefined || orderIds.length > 0)
        ? await ctx.db.outbox.deleteCustomerData(store.id, { ...optional('customerRef', customerRef), sourceIds: orderIds })
        : { events: 0, carts: 0 };
    const exports = store && customerRef !== undefined ? await ctx.db.dataExports.deleteForCustomer(store.id, customerRef) : 0;
    const outcome = store
      ? `deleted ${deleted.events} event(s), ${deleted.carts} cart snapshot(s) and ${exports} data export(s) for the customer and ${orderIds.length} listed order(s)`
      : 'no data held for this shop';
    await ctx.db.scrubDeletedContent();
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
    await ctx.db.scrubDeletedContent();
    await ctx.db.compliance.completeRequest(request.id, ctx.now(), outcome);
    return { action: 'shop_redacted', detail: outcome };
  };
}

function requestBase(ctx: WebhookContext, delivery: WebhookDelivery) {
  return { platform: PLATFORM, shopDomain: delivery.shop, topic: delivery.topic, receivedAt: ctx.now() } as const;
}

function orderIdsOf(value: unknown, field: string): string[] {
  return list(value)
    .map((id, index) => shopifyId(id, `${field}[${index}]`))
    .filter((id): id is string => id !== undefined);
}

function customerId(delivery: WebhookDelivery): string | undefined {
  return shopifyId(asRecord(asRecord(delivery.payload)?.customer)?.id, 'customer.id');
}

function optional<Key extends string>(key: Key, value: string | undefined): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
