import type { Cart, CartLine } from '@capi-relay/core';
import { lineItemRecords, mapLineItem } from './line-items';
import { moneyFromSetPreferring, type MoneySide } from './money';
import { ShopifyPayloadError } from './payload-error';
import { definedOnly, payloadRecord, requiredDate, requiredText, text } from './payload-reader';
import { normalizeCartToken } from './storefront-context';

export interface MapCartOptions {
  /** Which side of each line's `price_set` to use (default `presentment`). See MoneySide. */
  money?: MoneySide;
}

/**
 * A `carts/*` webhook body (raw string or losslessly parsed) as the neutral Cart. Cart payloads
 * have no customer, browser data or currency field: prices and their currency come from each
 * line's `price_set`, and the bare `price` (currency unstated) is not used.
 */
export function mapCart(payload: unknown, opts: MapCartOptions = {}): Cart {
  const record = payloadRecord(payload, 'carts');
  const side = opts.money ?? 'presentment';
  const token = normalizeCartToken(requiredText(record, 'token', 'token'));
  if (token === undefined) throw new ShopifyPayloadError('token', 'holds no cart token');

  const lines = lineItemRecords(record.line_items, 'line_items').map((line): CartLine => ({
    ...mapLineItem(line, moneyFromSetPreferring(line.item.price_set, side, `${line.path}.price_set`)),
    key: requiredText(line.item, 'key', `${line.path}.key`),
  }));
  return definedOnly<Cart>({
    token,
    updatedAt: requiredDate(record.updated_at ?? record.created_at, 'updated_at'),
    currency: lines.find((line) => line.unitPrice)?.unitPrice?.currency,
    lines,
  });
}
