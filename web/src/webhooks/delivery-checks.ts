/**
 * What the HMAC does not prove. Shopify signs the body only: the topic, shop and delivery id come
 * from headers anyone replaying a signed body can rewrite. So before a delivery is acted on, its
 * body must fit its topic, must not name another shop than the header does, and the delivery must
 * be recent enough to be one of Shopify's own (it retries 8 times over 4 hours).
 */
import { asRecord, type JsonRecord } from '../shopify/mappers/payload-reader';

/** Shopify's 4-hour retry schedule, plus an hour for its queue and the two clocks. */
export const MAX_DELIVERY_AGE_MS = 5 * 60 * 60 * 1000;
/** Clocks disagree a little; a delivery from further in the future is not Shopify's. */
const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** Null when `triggeredAt` (X-Shopify-Triggered-At) is a time inside the window; else why not. */
export function checkTriggeredAt(triggeredAt: string, now: Date): string | null {
  const at = Date.parse(triggeredAt);
  if (Number.isNaN(at)) return 'X-Shopify-Triggered-At is not a timestamp';
  const age = now.getTime() - at;
  if (age > MAX_DELIVERY_AGE_MS) return 'X-Shopify-Triggered-At is older than Shopify retries a delivery (replayed?)';
  if (age < -MAX_CLOCK_AHEAD_MS) return 'X-Shopify-Triggered-At is in the future';
  return null;
}

type Shape = 'order' | 'shop' | 'compliance' | 'other';

/** What kind of Shopify object a body is, by the fields only that kind carries. */
function shapeOf(body: JsonRecord): Shape {
  const gid = body.admin_graphql_api_id;
  if (typeof gid === 'string' && gid.startsWith('gid://shopify/Order/')) return 'order';
  if ('shop_domain' in body) return 'compliance';
  if ('myshopify_domain' in body) return 'shop';
  return 'other';
}

/**
 * Per topic: the shape its body must have, and for a few, one more field it must (not) carry.
 * Undefined for a topic this app does not handle: it is acknowledged and ignored whatever it carries.
 */
function fitsTopic(topic: string, body: JsonRecord): boolean | undefined {
  const shape = shapeOf(body);
  if (topic === 'orders/create' || topic === 'orders/paid') return shape === 'order';
  // Orders and checkouts carry `cart_token`; a cart's own token is `token`.
  if (topic === 'carts/create' || topic === 'carts/update') return shape === 'other' && !('cart_token' in body);
  if (topic === 'checkouts/create' || topic === 'checkouts/update') return shape === 'other';
  if (topic === 'app/uninstalled') return shape === 'shop';
  if (topic === 'shop/redact') return shape === 'compliance' && !('customer' in body);
  if (topic === 'customers/redact' || topic === 'customers/data_request') return shape === 'compliance' && 'customer' in body;
  return undefined;
}

/** Fields that name the shop outright. */
const SHOP_FIELDS = ['shop_domain', 'myshopify_domain'] as const;
/** Storefront URLs: on a myshopify.com host they name the shop too (a custom domain cannot be checked). */
const SHOP_URL_FIELDS = ['order_status_url', 'abandoned_checkout_url'] as const;

function shopsNamedBy(body: JsonRecord): string[] {
  const named: string[] = [];
  for (const field of SHOP_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') named.push(value.trim().toLowerCase());
  }
  for (const field of SHOP_URL_FIELDS) {
    const host = hostOf(body[field]);
    if (host?.endsWith('.myshopify.com')) named.push(host);
  }
  return named;
}

function hostOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Null when the body is a JSON object that fits the topic and names no other shop; else why not. */
export function checkBodyFitsDelivery(topic: string, shop: string, payload: unknown): string | null {
  const body = asRecord(payload);
  if (!body) return null; // not an object: the route acknowledges it as unmappable
  const fits = fitsTopic(topic, body);
  if (fits === undefined) return null;
  if (!fits) return `the body is not a ${topic} payload`;
  const other = shopsNamedBy(body).find((named) => named !== shop);
  if (other !== undefined) return 'the body names another shop than X-Shopify-Shop-Domain';
  return null;
}
