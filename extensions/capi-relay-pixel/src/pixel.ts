/**
 * CAPI Relay's web pixel. It runs in Shopify's strict sandbox (a web worker: no DOM, no fbq) and only
 * once the visitor granted marketing consent (shopify.extension.toml). For each subscribed event it
 * posts the browser half of a Meta website event to the app (settings.ingestUrl): page URL, referrer,
 * user agent, Meta's _fbp/_fbc cookies, the cart/checkout/order it belongs to, value and items. The
 * app adds the IP address from the request and stitches this half with the webhook's.
 *
 * It reads no customer data: Shopify nulls it for apps without protected-data approval, and the
 * webhooks carry it anyway.
 */
import type { ExtensionApi } from '@shopify/web-pixels-extension';

/** The events posted; the app's /api/pixel accepts exactly these. */
export const SUBSCRIBED_EVENTS = ['page_viewed', 'product_viewed', 'product_added_to_cart', 'checkout_started', 'payment_info_submitted', 'checkout_completed'] as const;

export interface PixelSettings {
  /** The app's /api/pixel URL. */
  ingestUrl: string;
  /** The key the app issued for this shop (the app creates the pixel with it). */
  shopKey: string;
}

/** What the app receives, as JSON in a text/plain body. */
export interface PixelPost {
  key: string;
  shop: string;
  event: string;
  id: string;
  timestamp: string;
  url?: string;
  referrer?: string;
  userAgent?: string;
  fbp?: string;
  fbc?: string;
  cartToken?: string;
  checkoutToken?: string;
  orderId?: string;
  /** The logged-in shopper's id (never their name or email): lets the app delete the report on the customer's redaction. */
  customerId?: string;
  value?: string;
  currency?: string;
  items?: PixelItem[];
  consent: { marketing: boolean; saleOfData: boolean };
}

export interface PixelItem {
  variantId?: string;
  productId?: string;
  sku?: string;
  quantity: number;
  price?: string;
}

export type Send = (url: string, body: string) => Promise<unknown>;

/**
 * A plain-text POST is a CORS "simple request": no preflight, so `keepalive` can finish it while the
 * page unloads (a click to checkout, the thank-you page closing). sendBeacon is deprecated here.
 */
export const keepaliveFetch: Send = (url, body) => fetch(url, { method: 'POST', keepalive: true, body });

/** The parts of a Web Pixels API event this pixel reads; everything may be missing or null. */
interface Amount {
  amount?: number | null;
  currencyCode?: string | null;
}
interface Variant {
  id?: string | null;
  sku?: string | null;
  price?: Amount | null;
  product?: { id?: string | null } | null;
}
interface PixelEvent {
  id: string;
  name: string;
  timestamp: string;
  context?: { document?: { location?: { href?: string } | null; referrer?: string | null } | null; navigator?: { userAgent?: string | null } | null } | null;
  data?: {
    productVariant?: Variant | null;
    cartLine?: { quantity?: number | null; merchandise?: Variant | null; cost?: { totalAmount?: Amount | null } | null } | null;
    checkout?: {
      token?: string | null;
      totalPrice?: Amount | null;
      currencyCode?: string | null;
      lineItems?: ({ quantity?: number | null; variant?: Variant | null } | null)[] | null;
      order?: { id?: string | null } | null;
    } | null;
  } | null;
}

export function startPixel(api: ExtensionApi, send: Send = keepaliveFetch): void {
  const settings = api.settings as Partial<PixelSettings>;
  const { ingestUrl, shopKey } = settings;
  // Not yet configured by the app (webPixelCreate): nothing to post to.
  if (!ingestUrl || !shopKey) return;
  let consent = { marketing: api.init.customerPrivacy.marketingAllowed, saleOfData: api.init.customerPrivacy.saleOfDataAllowed };
  api.customerPrivacy.subscribe('visitorConsentCollected', (event) => {
    consent = { marketing: event.customerPrivacy.marketingAllowed, saleOfData: event.customerPrivacy.saleOfDataAllowed };
  });
  const shop = api.init.data.shop.myshopifyDomain;
  const initCart = api.init.data.cart?.id ?? undefined;
  const customerId = numericId(api.init.data.customer?.id);

  for (const name of SUBSCRIBED_EVENTS) {
    api.analytics.subscribe(name, async (raw: unknown) => {
      const event = raw as PixelEvent;
      const [fbp, fbcCookie, cartCookie] = await Promise.all(['_fbp', '_fbc', 'cart'].map((cookie) => readCookie(api, cookie)));
      const url = event.context?.document?.location?.href ?? undefined;
      const post: PixelPost = {
        key: shopKey,
        shop,
        event: event.name,
        id: event.id,
        timestamp: event.timestamp,
        ...defined({
          url,
          referrer: event.context?.document?.referrer || undefined,
          userAgent: event.context?.navigator?.userAgent ?? undefined,
          fbp,
          fbc: fbcCookie ?? fbcFromUrl(url, event.timestamp),
          cartToken: cartToken(initCart ?? cartCookie),
          checkoutToken: event.data?.checkout?.token ?? undefined,
          orderId: numericId(event.data?.checkout?.order?.id),
          customerId,
        }),
        ...valueAndItems(event),
        consent,
      };
      await send(ingestUrl, JSON.stringify(post)).catch(() => undefined);
    });
  }
}

async function readCookie(api: ExtensionApi, name: string): Promise<string | undefined> {
  try {
    return (await api.browser.cookie.get(name)) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Meta's fbc for a landing URL with a click id when the _fbc cookie is missing (Meta's pixel is not
 * on the page): fb.1.<the time the click id was seen, in milliseconds>.<fbclid, unaltered>.
 */
export function fbcFromUrl(url: string | undefined, timestamp: string): string | undefined {
  const query = url?.split('#')[0]?.split('?')[1];
  const fbclid = query?.split('&').find((pair) => pair.startsWith('fbclid='))?.slice('fbclid='.length);
  const seenAt = Date.parse(timestamp);
  return fbclid && Number.isFinite(seenAt) ? `fb.1.${seenAt}.${fbclid}` : undefined;
}

/** `gid://shopify/Cart/c1-abc?key=secret` -> `c1-abc`: the key is a secret and never leaves the browser. */
export function cartToken(id: string | undefined): string | undefined {
  return id?.replace(/^gid:\/\/shopify\/Cart\//, '').split('?')[0] || undefined;
}

/** `gid://shopify/OrderIdentity/123` -> `123`, as the webhooks and the event_id scheme have it. */
export function numericId(id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  return /^gid:\/\/shopify\/[A-Za-z]+\/([^/?#]+)/.exec(id)?.[1] ?? id;
}

function valueAndItems(event: PixelEvent): Pick<PixelPost, 'value' | 'currency' | 'items'> {
  const data = event.data;
  if (data?.checkout) {
    const { checkout } = data;
    const items = (checkout.lineItems ?? []).flatMap((line) => (line?.variant ? [item(line.variant, line.quantity ?? 1)] : []));
    return money(checkout.totalPrice, checkout.currencyCode, items);
  }
  if (data?.cartLine?.merchandise) {
    const { cartLine } = data;
    return money(cartLine.cost?.totalAmount, cartLine.merchandise?.price?.currencyCode, [item(cartLine.merchandise as Variant, cartLine.quantity ?? 1)]);
  }
  if (data?.productVariant) return money(data.productVariant.price, undefined, [item(data.productVariant, 1)]);
  return {};
}

function money(amount: Amount | null | undefined, fallbackCurrency: string | null | undefined, items: PixelItem[]): Pick<PixelPost, 'value' | 'currency' | 'items'> {
  const currency = amount?.currencyCode ?? fallbackCurrency ?? undefined;
  const value = typeof amount?.amount === 'number' ? String(amount.amount) : undefined;
  return defined({ value: currency ? value : undefined, currency, items: items.length > 0 ? items : undefined });
}

function item(variant: Variant, quantity: number): PixelItem {
  return {
    quantity,
    ...defined({
      variantId: numericId(variant.id),
      productId: numericId(variant.product?.id),
      sku: variant.sku || undefined,
      price: typeof variant.price?.amount === 'number' ? String(variant.price.amount) : undefined,
    }),
  };
}

function defined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
