import type { LineItem, Money } from '@capi-relay/core';
import { ShopifyPayloadError } from './payload-error';
import { asRecord, definedOnly, list, shopifyId, text, wholeNumber, type JsonRecord } from './payload-reader';

export interface LineItemRecord {
  item: JsonRecord;
  /** Path of the item in the payload, for error messages: `line_items[2]`. */
  path: string;
}

/** The objects of a `line_items` list, each with its path. */
export function lineItemRecords(value: unknown, field: string): LineItemRecord[] {
  return list(value).map((raw, index) => {
    const path = `${field}[${index}]`;
    const item = asRecord(raw);
    if (!item) throw new ShopifyPayloadError(path, 'is not an object');
    return { item, path };
  });
}

/** The keys order, checkout and cart lines share. Each caller decides which amount is the unit price. */
export function mapLineItem({ item, path }: LineItemRecord, unitPrice: Money | undefined): LineItem {
  return definedOnly<LineItem>({
    productId: shopifyId(item.product_id, `${path}.product_id`),
    variantId: shopifyId(item.variant_id, `${path}.variant_id`),
    sku: text(item.sku),
    title: text(item.title),
    quantity: wholeNumber(item.quantity, `${path}.quantity`),
    unitPrice,
  });
}
