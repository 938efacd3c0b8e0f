/**
 * What the storefront pixel (extensions/capi-relay-pixel) posts to /api/pixel, read from untrusted
 * JSON. Every field is checked; a report that cannot be used is refused with the field named, and
 * its values are never echoed (they are a shopper's browsing data).
 */
import { isDecimalAmount, type Consent, type LineItem, type Money } from '@capi-relay/core';

import { ShopifyPayloadError } from '../shopify/mappers';
import { asRecord, compact, definedOnly, list, shopifyId, text, type JsonRecord } from '../shopify/mappers/payload-reader';
import { fbclidFromLandingSite, normalizeCartToken } from '../shopify/mappers/storefront-context';
import { hasUnstorableText } from '../webhooks/storable-text';

/** The Web Pixels API events the extension subscribes to. */
export const PIXEL_EVENTS = ['page_viewed', 'product_viewed', 'product_added_to_cart', 'checkout_started', 'payment_info_submitted', 'checkout_completed'] as const;
export type PixelEventName = (typeof PIXEL_EVENTS)[number];

export interface PixelReport {
  /** The pixel key the app put in the pixel's settings: names the shop. */
  key: string;
  /** The shop's myshopify domain as the pixel saw it (`init.data.shop.myshopifyDomain`): checked, never trusted. */
  shop: string;
  event: PixelEventName;
  /** Shopify's id of the pixel event. */
  id: string;
  occurredAt: Date;
  pageUrl?: string;
  referrerUrl?: string;
  userAgent?: string;
  fbp?: string;
  fbc?: string;
  fbclid?: string;
  cartToken?: string;
  checkoutToken?: string;
  orderId?: string;
  /** The logged-in shopper's customer id, when the pixel saw one: lets the customer's redaction find the report. */
  customerId?: string;
  total?: Money;
  lineItems: LineItem[];
  consent?: Consent;
}

/** Longer values are not what a browser sends: refused instead of stored. */
const MAX_TEXT = 2048;
/**
 * A browser's clock may be off by hours or days (core then says why the event cannot go to Meta), not
 * by more than a year: such a time is made up, and past year 9999 or before year 1 no column holds it.
 */
const MAX_CLOCK_DISTANCE_MS = 366 * 86_400_000;

/** `now`: the server's time, which the report's timestamp must be near. */
export function readPixelReport(body: unknown, now: Date): PixelReport {
  const record = asRecord(body);
  if (!record) throw new ShopifyPayloadError('(body)', 'of a pixel report is not a JSON object');
  const event = bounded(record, 'event');
  if (!(PIXEL_EVENTS as readonly string[]).includes(event ?? '')) {
    throw new ShopifyPayloadError('event', `is not one of ${PIXEL_EVENTS.join(', ')}`);
  }
  const pageUrl = httpUrl(record, 'url');
  const currency = bounded(record, 'currency')?.toUpperCase();
  return definedOnly({
    key: required(record, 'key'),
    shop: required(record, 'shop').toLowerCase(),
    event: event as PixelEventName,
    id: required(record, 'id'),
    occurredAt: timestamp(record.timestamp, now),
    pageUrl,
    referrerUrl: httpUrl(record, 'referrer'),
    userAgent: bounded(record, 'userAgent'),
    fbp: bounded(record, 'fbp'),
    fbc: bounded(record, 'fbc'),
    fbclid: fbclidFromLandingSite(pageUrl),
    cartToken: normalizeCartToken(bounded(record, 'cartToken')),
    checkoutToken: bounded(record, 'checkoutToken'),
    orderId: shopifyId(bounded(record, 'orderId'), 'orderId'),
    customerId: shopifyId(bounded(record, 'customerId'), 'customerId'),
    total: amount(record.value, currency, 'value'),
    lineItems: list(record.items).map((item, index) => lineItem(asRecord(item), currency, `items[${index}]`)),
    consent: consent(asRecord(record.consent)),
  });
}

/**
 * A text field within bounds. A NUL or a lone surrogate is refused, not repaired as a webhook's are:
 * browsers hand the pixel well-formed strings only, so such a report was made by hand, and no
 * database column could store the value as it is.
 */
function bounded(record: JsonRecord, key: string, field = key): string | undefined {
  const value = text(record[key])?.trim();
  if (value === undefined) return undefined;
  if (value.length > MAX_TEXT) throw new ShopifyPayloadError(field, `is longer than ${MAX_TEXT} characters`);
  if (hasUnstorableText(value)) throw new ShopifyPayloadError(field, 'holds a NUL or an unpaired surrogate, which no browser sends');
  return value;
}

function required(record: JsonRecord, key: string): string {
  const value = bounded(record, key);
  if (value === undefined) throw new ShopifyPayloadError(key, 'is missing');
  return value;
}

function httpUrl(record: JsonRecord, key: string): string | undefined {
  const value = bounded(record, key);
  if (value === undefined) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new ShopifyPayloadError(key, 'is not an http(s) URL');
  return value;
}

function timestamp(value: unknown, now: Date): Date {
  const parsed = typeof value === 'string' ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new ShopifyPayloadError('timestamp', 'is not an ISO 8601 time');
  if (Math.abs(parsed.getTime() - now.getTime()) > MAX_CLOCK_DISTANCE_MS) throw new ShopifyPayloadError('timestamp', 'is more than a year away from now');
  return parsed;
}

/** The Web Pixels API gives amounts as numbers; the extension sends them as they are or as text. */
function amount(value: unknown, currency: string | undefined, field: string): Money | undefined {
  if (value === undefined || value === null || currency === undefined) return undefined;
  const decimal = typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value)?.trim();
  if (decimal === undefined || !isDecimalAmount(decimal)) throw new ShopifyPayloadError(field, 'is not a decimal amount');
  return { amount: decimal, currency };
}

function lineItem(item: JsonRecord | undefined, currency: string | undefined, field: string): LineItem {
  if (!item) throw new ShopifyPayloadError(field, 'is not an object');
  const quantity = item.quantity;
  // Safe integers only: 1e21 is an integer to JavaScript, and no count Graph (or a cart) can take.
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) throw new ShopifyPayloadError(`${field}.quantity`, 'is not a whole number from 1 to 2^53 - 1');
  return definedOnly({
    productId: shopifyId(bounded(item, 'productId', `${field}.productId`), `${field}.productId`),
    variantId: shopifyId(bounded(item, 'variantId', `${field}.variantId`), `${field}.variantId`),
    sku: bounded(item, 'sku', `${field}.sku`),
    quantity,
    unitPrice: amount(item.price, currency, `${field}.price`),
  });
}

function consent(record: JsonRecord | undefined): Consent | undefined {
  if (!record) return undefined;
  const flag = (key: string) => (typeof record[key] === 'boolean' ? (record[key] as boolean) : undefined);
  return compact({ marketing: flag('marketing'), saleOfData: flag('saleOfData') });
}
