/**
 * Medusa's order and cart records -> core's neutral model. Values pass through as Medusa holds them
 * (core normalizes); absent ones become undefined. A line's key is its line item id: Medusa merges a
 * re-added variant into the same line, so the id is stable while the quantity grows.
 */
import type { Address, Cart, CartLine, Checkout, Customer, LineItem, Money, Order } from '@capi-relay/core';

import { MedusaDataError } from './medusa-data-error';
import type { MedusaAddress, MedusaAmount, MedusaCart, MedusaCustomer, MedusaLineItem, MedusaOrder } from './medusa-types';

function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** A decimal string from Medusa's amount (a BigNumber's exact raw value); a float without exponent. */
export function amountOf(value: MedusaAmount, field: string): string {
  if (typeof value === 'object' && value !== null) return amountOf(value.raw?.value ?? value.value, field);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) {
    const plain = String(value);
    return plain.includes('e') ? value.toFixed(12).replace(/\.?0+$/, '') : plain;
  }
  throw new MedusaDataError(field, 'is not an amount');
}

function currencyOf(code: string | null | undefined, field: string): string {
  const currency = text(code);
  if (!currency) throw new MedusaDataError(field, 'is missing');
  return currency.toUpperCase();
}

function dateOf(value: string | Date | null | undefined, field: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new MedusaDataError(field, 'is not a date');
  return date;
}

function mapAddress(address: MedusaAddress | null | undefined): Address | undefined {
  if (!address) return undefined;
  const mapped = defined<Address>({
    firstName: text(address.first_name),
    lastName: text(address.last_name),
    city: text(address.city),
    province: text(address.province),
    zip: text(address.postal_code),
    countryCode: text(address.country_code)?.toUpperCase(),
    phone: text(address.phone),
  });
  return Object.keys(mapped).length > 0 ? mapped : undefined;
}

function mapCustomer(customerId: string | null | undefined, customer: MedusaCustomer | null | undefined, email: string | undefined): Customer | undefined {
  const mapped = defined<Customer>({
    id: text(customerId) ?? text(customer?.id),
    email: email ?? text(customer?.email),
    firstName: text(customer?.first_name),
    lastName: text(customer?.last_name),
    phone: text(customer?.phone),
  });
  return Object.keys(mapped).length > 0 ? mapped : undefined;
}

function quantityOf(item: MedusaLineItem, field: string): number {
  const quantity = Number(item.quantity);
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new MedusaDataError(`${field}.quantity`, 'is not a whole number');
  return quantity;
}

function mapLine(item: MedusaLineItem, currency: string, field: string): LineItem {
  return defined<LineItem>({
    productId: text(item.product_id),
    variantId: text(item.variant_id),
    sku: text(item.variant_sku),
    title: text(item.product_title) ?? text(item.title),
    quantity: quantityOf(item, field),
    unitPrice: item.unit_price === null || item.unit_price === undefined ? undefined : { amount: amountOf(item.unit_price, `${field}.unit_price`), currency },
  });
}

function itemsOf(items: MedusaBasket['items']): MedusaLineItem[] {
  return (items ?? []).filter((item): item is MedusaLineItem => item !== null);
}

type MedusaBasket = MedusaOrder | MedusaCart;

function basket(record: MedusaBasket, kind: string) {
  const currency = currencyOf(record.currency_code, `${kind}.currency_code`);
  const total: Money = { amount: amountOf(record.total, `${kind}.total`), currency };
  const email = text(record.email);
  const items = itemsOf(record.items);
  return defined({
    total,
    email,
    customer: mapCustomer(record.customer_id, record.customer, email),
    billingAddress: mapAddress(record.billing_address),
    shippingAddress: mapAddress(record.shipping_address),
    lineItems: items.map((item, index) => mapLine(item, currency, `${kind}.items[${index}]`)),
    items,
    currency,
  });
}

export function mapMedusaOrder(order: MedusaOrder): Order {
  const { items: _items, currency: _currency, ...people } = basket(order, 'order');
  return defined<Order>({
    ...people,
    id: order.id,
    name: order.display_id === null || order.display_id === undefined ? undefined : `#${order.display_id}`,
    createdAt: dateOf(order.created_at, 'order.created_at'),
    // Only a storefront checkout completes a cart; an order without one was converted from an admin draft order.
    channel: order.cart?.id ? 'online' : 'staff',
    cartToken: text(order.cart?.id),
  });
}

/** A checkout is the cart at the moment the shopper opened checkout (`startedAt`). */
export function mapMedusaCheckout(cart: MedusaCart, startedAt: Date): Checkout {
  const { items: _items, currency: _currency, ...people } = basket(cart, 'cart');
  return { ...people, token: cart.id, cartToken: cart.id, createdAt: startedAt };
}

export function mapMedusaCart(cart: MedusaCart): Cart {
  const { items, currency, customer, email } = basket(cart, 'cart');
  const lines: CartLine[] = items.map((item, index) => ({ ...mapLine(item, currency, `cart.items[${index}]`), key: item.id }));
  const withEmail = customer ?? (email ? { email } : undefined);
  return defined<Cart>({ token: cart.id, updatedAt: dateOf(cart.updated_at, 'cart.updated_at'), currency, lines, customer: withEmail });
}
