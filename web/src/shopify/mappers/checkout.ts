import type { BrowserContext, Checkout } from '@capi-relay/core';
import { lineItemRecords, mapLineItem } from './line-items';
import { money } from './money';
import { ShopifyPayloadError } from './payload-error';
import { mapAddress, mapCustomer } from './people';
import { compact, definedOnly, payloadRecord, requiredDate, requiredText, text } from './payload-reader';
import { normalizeCartToken, storefrontTraces } from './storefront-context';

/**
 * A `checkouts/*` webhook body (raw string or losslessly parsed) as the neutral Checkout.
 *
 * Checkout amounts (`total_price`, line `price`) are in the buyer's presentment currency, per
 * Shopify's Checkout resource, and there are no `*_set` fields; `currency` is the shop's and only
 * stands in when `presentment_currency` is absent. Checkout payloads carry no IP or user agent:
 * the storefront pixel has to supply them.
 */
export function mapCheckout(payload: unknown): Checkout {
  const record = payloadRecord(payload, 'checkouts');
  const currency = text(record.presentment_currency) ?? text(record.currency);
  const total = money(record.total_price, currency, 'total_price');
  if (!total) throw new ShopifyPayloadError('total_price', 'or its currency (presentment_currency) is missing');

  return definedOnly<Checkout>({
    token: requiredText(record, 'token', 'token'),
    cartToken: normalizeCartToken(text(record.cart_token)),
    createdAt: requiredDate(record.created_at, 'created_at'),
    total,
    email: text(record.email),
    phone: text(record.phone),
    customer: mapCustomer(record.customer, 'customer'),
    billingAddress: mapAddress(record.billing_address),
    shippingAddress: mapAddress(record.shipping_address),
    lineItems: lineItemRecords(record.line_items, 'line_items').map((line) =>
      mapLineItem(line, money(line.item.price, total.currency, `${line.path}.price`)),
    ),
    browser: compact<BrowserContext>(storefrontTraces(record)),
  });
}
