import { isDecimalAmount, type Money } from '@capi-relay/core';
import { ShopifyPayloadError } from './payload-error';
import { asRecord, text } from './payload-reader';

/**
 * Which of Shopify's two amounts to report. `presentment` (the default) is the buyer's currency:
 * what the buyer actually paid, what Shopify's storefront pixel events carry (so the server copy
 * of an event matches its browser twin), and the only currency checkout webhooks have. `shop` is
 * the store's own currency, for merchants who report in it.
 */
export type MoneySide = 'presentment' | 'shop';

const SET_KEY: Record<MoneySide, string> = { presentment: 'presentment_money', shop: 'shop_money' };
const OTHER_SIDE: Record<MoneySide, MoneySide> = { presentment: 'shop', shop: 'presentment' };

/** A decimal amount and its currency, or undefined if either is absent. */
export function money(amount: unknown, currency: unknown, field: string): Money | undefined {
  const value = text(amount)?.trim();
  const code = text(currency)?.trim();
  if (value === undefined || code === undefined) return undefined;
  if (!isDecimalAmount(value)) throw new ShopifyPayloadError(field, `("${value}") is not a decimal amount`);
  return { amount: value, currency: code.toUpperCase() };
}

/** One side of a Shopify `*_set` ({shop_money, presentment_money}). */
export function moneyFromSet(set: unknown, side: MoneySide, field: string): Money | undefined {
  const entry = asRecord(asRecord(set)?.[SET_KEY[side]]);
  return money(entry?.amount, entry?.currency_code, `${field}.${SET_KEY[side]}`);
}

/** The preferred side of a `*_set`, else the other side. */
export function moneyFromSetPreferring(set: unknown, side: MoneySide, field: string): Money | undefined {
  return moneyFromSet(set, side, field) ?? moneyFromSet(set, OTHER_SIDE[side], field);
}
