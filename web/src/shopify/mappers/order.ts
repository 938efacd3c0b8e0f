import type { BrowserContext, Money, Order } from '@capi-relay/core';
import { lineItemRecords, mapLineItem } from './line-items';
import { money, moneyFromSet, type MoneySide } from './money';
import { ShopifyPayloadError } from './payload-error';
import { mapAddress, mapCustomer } from './people';
import { asRecord, compact, definedOnly, payloadRecord, requiredDate, shopifyId, text, type JsonRecord } from './payload-reader';
import { normalizeCartToken, storefrontTraces } from './storefront-context';

export interface MapOrderOptions {
  /** Report value and prices in the buyer's currency (default) or the shop's. See MoneySide. */
  money?: MoneySide;
}

export interface MappedOrder {
  order: Order;
  /** Shopify's `test` flag: a test-mode payment. The caller decides whether such orders are sent. */
  isTest: boolean;
  isCancelled: boolean;
}

/**
 * The order total in one currency. The preferred side of `total_price_set` when present, else the
 * top-level `total_price` with the shop `currency` (both are shop money in Shopify's REST order).
 */
function orderTotal(payload: JsonRecord, side: MoneySide): Money {
  const total = moneyFromSet(payload.total_price_set, side, 'total_price_set') ?? money(payload.total_price, payload.currency, 'total_price');
  if (!total) throw new ShopifyPayloadError('total_price', 'and total_price_set are missing');
  return total;
}

/**
 * A line's unit price in the currency of the total, so `value`, `currency` and each `item_price`
 * always agree. Shopify's top-level line `price` is shop money.
 */
function unitPriceIn(currency: string, item: JsonRecord, path: string, shopCurrency: unknown): Money | undefined {
  const candidates = [
    moneyFromSet(item.price_set, 'presentment', `${path}.price_set`),
    moneyFromSet(item.price_set, 'shop', `${path}.price_set`),
    money(item.price, shopCurrency, `${path}.price`),
  ];
  return candidates.find((candidate) => candidate?.currency === currency);
}

/**
 * The page to report: the order status page, without its query string, whose `key` grants access
 * to the order and has no business at Meta.
 */
function orderStatusPage(value: unknown): string | undefined {
  return text(value)?.split(/[?#]/)[0];
}

function orderBrowser(payload: JsonRecord): BrowserContext | undefined {
  const clientDetails = asRecord(payload.client_details);
  return compact<BrowserContext>({
    ipAddress: text(clientDetails?.browser_ip) ?? text(payload.browser_ip),
    userAgent: text(clientDetails?.user_agent),
    pageUrl: orderStatusPage(payload.order_status_url),
    ...storefrontTraces(payload),
  });
}

/** An `orders/*` webhook body (raw string or losslessly parsed) as the neutral Order. */
export function mapOrder(payload: unknown, opts: MapOrderOptions = {}): MappedOrder {
  const record = payloadRecord(payload, 'orders');
  const id = shopifyId(record.admin_graphql_api_id, 'admin_graphql_api_id') ?? shopifyId(record.id, 'id');
  if (id === undefined) throw new ShopifyPayloadError('id', 'is missing');
  const total = orderTotal(record, opts.money ?? 'presentment');

  const order = definedOnly<Order>({
    id,
    name: text(record.name),
    createdAt: requiredDate(record.created_at, 'created_at'),
    total,
    email: text(record.email) ?? text(record.contact_email),
    phone: text(record.phone),
    customer: mapCustomer(record.customer, 'customer'),
    billingAddress: mapAddress(record.billing_address),
    shippingAddress: mapAddress(record.shipping_address),
    lineItems: lineItemRecords(record.line_items, 'line_items').map((line) =>
      mapLineItem(line, unitPriceIn(total.currency, line.item, line.path, record.currency)),
    ),
    channel: record.source_name === 'pos' ? 'pos' : 'online',
    checkoutToken: text(record.checkout_token),
    cartToken: normalizeCartToken(text(record.cart_token)),
    browser: orderBrowser(record),
  });
  return { order, isTest: record.test === true, isCancelled: text(record.cancelled_at) !== undefined };
}
