/**
 * The neutral commerce model. Platform adapters (Shopify, Medusa) map their own objects into these
 * types and stop there; everything Meta-specific happens in core.
 *
 * Platform ids are strings end to end: Shopify ids exceed 2^53 and would be corrupted as numbers.
 */

/** A decimal amount as a string ("12.50") plus an ISO-4217 currency code. Never float arithmetic. */
export interface Money {
  amount: string;
  currency: string;
}

export interface Address {
  firstName?: string;
  lastName?: string;
  city?: string;
  /** Province or state name as the platform gives it ("California"). */
  province?: string;
  /** Province or state code when the platform has one ("CA"). Preferred over `province`. */
  provinceCode?: string;
  zip?: string;
  /** Country name as the platform gives it ("United States"). */
  country?: string;
  /** ISO 3166-1 alpha-2 code when the platform has one ("US"). Preferred over `country`. */
  countryCode?: string;
  phone?: string;
}

export interface Customer {
  id?: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  /** Date of birth as the platform gives it; normalized to YYYYMMDD by core. */
  dateOfBirth?: string;
  gender?: string;
}

export interface LineItem {
  productId?: string;
  variantId?: string;
  sku?: string;
  title?: string;
  quantity: number;
  /** Price of one unit. */
  unitPrice?: Money;
}

export interface CartLine extends LineItem {
  /** The platform's stable key for this line within its cart (Shopify's line `key`). */
  key: string;
}

/** What the visitor's browser told us. Filled by a storefront pixel, or partly by order payloads. */
export interface BrowserContext {
  ipAddress?: string;
  userAgent?: string;
  /** `_fbp` cookie value, verbatim. */
  fbp?: string;
  /** `_fbc` cookie value, verbatim. */
  fbc?: string;
  /** Click id from a landing URL, verbatim (case-sensitive). Used to build `fbc` when no cookie exists. */
  fbclid?: string;
  /** When the click id was first observed; becomes `fbc`'s creation time (milliseconds). */
  fbclidSeenAt?: Date;
  /** Absolute URL of the page where the action happened. */
  pageUrl?: string;
  referrerUrl?: string;
  consent?: Consent;
}

/** A visitor's consent state; `undefined` means no signal was received. */
export interface Consent {
  marketing?: boolean;
  saleOfData?: boolean;
}

/**
 * Where the sale happened: online orders are `website` events, point-of-sale ones `physical_store`,
 * and orders the merchant's staff entered for a customer (an admin draft order) `other`: no shopper's
 * browser was involved, so neither a page nor a user agent is expected.
 */
export type SalesChannel = 'online' | 'pos' | 'staff';

/** What an order and a checkout both hold: the total, the lines, and who is buying, from where. */
export interface PricedBasket {
  total: Money;
  email?: string;
  phone?: string;
  customer?: Customer;
  billingAddress?: Address;
  shippingAddress?: Address;
  lineItems: LineItem[];
  browser?: BrowserContext;
}

export interface Order extends PricedBasket {
  id: string;
  /** Human-facing number ("#1001"). */
  name?: string;
  /** When the order was placed: becomes `event_time`. */
  createdAt: Date;
  channel: SalesChannel;
  /** The checkout and cart this order came from, for joining browser context. */
  checkoutToken?: string;
  cartToken?: string;
}

export interface Checkout extends PricedBasket {
  token: string;
  cartToken?: string;
  /** When the checkout was started: becomes `event_time`. */
  createdAt: Date;
}

export interface Cart {
  token: string;
  /** When the cart last changed: becomes `event_time` of the AddToCart it yields. */
  updatedAt: Date;
  /** Currency of the line prices, when known. */
  currency?: string;
  lines: CartLine[];
  customer?: Customer;
  browser?: BrowserContext;
}

/**
 * A shopper looking at a product, as the storefront pixel saw it (`product_viewed`). Browser-only:
 * no webhook reports it, so the pixel event's own id names it.
 */
export interface ProductView {
  /** The storefront pixel event's id. */
  id: string;
  occurredAt: Date;
  /** The variant viewed, quantity 1 at its price. */
  line: LineItem;
  browser?: BrowserContext;
}

/** A buyer submitting payment details in a checkout (`payment_info_submitted`), as the pixel saw it. */
export interface PaymentInfoSubmission {
  checkoutToken: string;
  occurredAt: Date;
  total?: Money;
  lineItems: LineItem[];
  browser?: BrowserContext;
}
