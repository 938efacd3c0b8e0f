/**
 * The pixel's register callback run against a stub of the Web Pixels API it uses (analytics.subscribe,
 * browser.cookie.get, init, settings, customerPrivacy.subscribe), with events shaped as the API
 * documents them. Asserts what is posted for each subscribed event.
 */
import path from 'node:path';

import type { ExtensionApi } from '@shopify/web-pixels-extension';
import { buildSync } from 'esbuild';

import { type PixelPost, startPixel, SUBSCRIBED_EVENTS } from './pixel';

const SETTINGS = { ingestUrl: 'https://relay.example.com/api/pixel', shopKey: 'k3y-issued-by-the-app' };
const TIMESTAMP = '2026-03-10T10:30:00.123Z';
const USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)';
const VARIANT = { id: 'gid://shopify/ProductVariant/808950810', sku: 'TEE-M', price: { amount: 19.99, currencyCode: 'EUR' }, product: { id: 'gid://shopify/Product/632910392' } };
const CHECKOUT = {
  token: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
  email: null,
  phone: null,
  billingAddress: null,
  totalPrice: { amount: 39.98, currencyCode: 'EUR' },
  currencyCode: 'EUR',
  lineItems: [{ quantity: 2, title: 'Tee', variant: VARIANT }],
  order: { id: 'gid://shopify/OrderIdentity/820982911946154508', customer: null },
};

interface Stub {
  api: ExtensionApi;
  posts: { url: string; body: PixelPost }[];
  emit(name: string, data: unknown, href?: string): Promise<void>;
  consentChanges: ((event: { customerPrivacy: Record<string, boolean> }) => void)[];
}

function stub(options: { cookies?: Record<string, string>; cart?: { id: string } | null; customer?: unknown; settings?: Record<string, string> } = {}): Stub {
  const callbacks = new Map<string, (event: unknown) => Promise<void> | void>();
  const posts: Stub['posts'] = [];
  const consentChanges: Stub['consentChanges'] = [];
  const cookies = options.cookies ?? { _fbp: 'fb.1.1715000000000.1234567890', _fbc: 'fb.1.1715000000000.IwAR-cookie' };
  const api = {
    settings: options.settings ?? SETTINGS,
    analytics: {
      subscribe: (name: string, callback: (event: unknown) => void) => {
        callbacks.set(name, callback);
        return () => true;
      },
    },
    browser: { cookie: { get: async (name: string) => cookies[name] ?? '', set: async () => '' } },
    init: {
      context: {},
      data: { customer: options.customer ?? null, cart: options.cart === undefined ? { id: 'gid://shopify/Cart/c1-7a2abe82733a34e84aa472d57fb5c3c1?key=s3cret' } : options.cart, shop: { myshopifyDomain: 'acme.myshopify.com' }, purchasingCompany: null },
      customerPrivacy: { analyticsProcessingAllowed: true, marketingAllowed: true, preferencesProcessingAllowed: true, saleOfDataAllowed: true },
    },
    customerPrivacy: { subscribe: (_name: string, callback: Stub['consentChanges'][number]) => consentChanges.push(callback) },
    _pixelInfo: {},
  } as unknown as ExtensionApi;
  startPixel(api, async (url, body) => posts.push({ url, body: JSON.parse(body) as PixelPost }));
  return {
    api,
    posts,
    consentChanges,
    async emit(name, data, href = 'https://acme.example/products/tee') {
      const callback = callbacks.get(name);
      if (!callback) throw new Error(`the pixel did not subscribe to ${name}`);
      await callback({ id: `sh-${name}`, name, clientId: 'client-1', seq: 1, type: 'standard', timestamp: TIMESTAMP, context: { document: { location: { href }, referrer: 'https://www.facebook.com/', title: 'Tee' }, navigator: { userAgent: USER_AGENT } }, data });
    },
  };
}

const envelope = (event: string) => ({
  key: SETTINGS.shopKey,
  shop: 'acme.myshopify.com',
  event,
  id: `sh-${event}`,
  timestamp: TIMESTAMP,
  url: 'https://acme.example/products/tee',
  referrer: 'https://www.facebook.com/',
  userAgent: USER_AGENT,
  fbp: 'fb.1.1715000000000.1234567890',
  fbc: 'fb.1.1715000000000.IwAR-cookie',
  cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
  consent: { marketing: true, saleOfData: true },
});

describe('the web pixel', () => {
  it('subscribes to the six events the app accepts', async () => {
    const { emit } = stub();
    for (const name of SUBSCRIBED_EVENTS) await expect(emit(name, {})).resolves.toBeUndefined();
  });

  it('posts a page view with the browser context only', async () => {
    const { emit, posts } = stub();
    await emit('page_viewed', {});
    expect(posts).toEqual([{ url: SETTINGS.ingestUrl, body: envelope('page_viewed') }]);
  });

  it('posts a product view with the variant, its price and currency', async () => {
    const { emit, posts } = stub();
    await emit('product_viewed', { productVariant: VARIANT });
    expect(posts[0]?.body).toEqual({
      ...envelope('product_viewed'),
      value: '19.99',
      currency: 'EUR',
      items: [{ variantId: '808950810', productId: '632910392', sku: 'TEE-M', quantity: 1, price: '19.99' }],
    });
  });

  it('posts an add to cart with the line added and the cart token without its key', async () => {
    const { emit, posts } = stub();
    await emit('product_added_to_cart', { cartLine: { quantity: 2, merchandise: VARIANT, cost: { totalAmount: { amount: 39.98, currencyCode: 'EUR' } } } });
    expect(posts[0]?.body).toEqual({
      ...envelope('product_added_to_cart'),
      value: '39.98',
      currency: 'EUR',
      items: [{ variantId: '808950810', productId: '632910392', sku: 'TEE-M', quantity: 2, price: '19.99' }],
    });
    expect(JSON.stringify(posts)).not.toContain('s3cret');
  });

  it.each(['checkout_started', 'payment_info_submitted'])('posts %s with the checkout token, total and lines', async (name) => {
    const { emit, posts } = stub();
    await emit(name, { checkout: { ...CHECKOUT, order: null } });
    expect(posts[0]?.body).toEqual({
      ...envelope(name),
      checkoutToken: CHECKOUT.token,
      value: '39.98',
      currency: 'EUR',
      items: [{ variantId: '808950810', productId: '632910392', sku: 'TEE-M', quantity: 2, price: '19.99' }],
    });
  });

  it('posts checkout_completed with the order id as its number, with null customer data', async () => {
    const { emit, posts } = stub({ cart: null, customer: null, cookies: { _fbp: 'fb.1.1715000000000.1234567890', cart: 'c1-from-cookie' } });
    await emit('checkout_completed', { checkout: CHECKOUT }, 'https://acme.example/checkouts/cn/x/thank-you');
    const { fbc: _fbc, ...withoutCookie } = envelope('checkout_completed');
    expect(posts[0]?.body).toEqual({
      ...withoutCookie,
      url: 'https://acme.example/checkouts/cn/x/thank-you',
      cartToken: 'c1-from-cookie',
      checkoutToken: CHECKOUT.token,
      orderId: '820982911946154508',
      value: '39.98',
      currency: 'EUR',
      items: [{ variantId: '808950810', productId: '632910392', sku: 'TEE-M', quantity: 2, price: '19.99' }],
    });
  });

  it('posts the logged-in shopper\'s customer id as its number, and nothing else of theirs', async () => {
    const { emit, posts } = stub({ customer: { id: 'gid://shopify/Customer/603851970716743426', email: 'jane@example.com', firstName: 'Jane' } });
    await emit('page_viewed', {});
    expect(posts[0]?.body).toEqual({ ...envelope('page_viewed'), customerId: '603851970716743426' });
    expect(JSON.stringify(posts)).not.toMatch(/jane/i);
  });

  it('posts without fbp when there is no _fbp cookie, and builds fbc from an fbclid in the URL, in milliseconds', async () => {
    const { emit, posts } = stub({ cookies: {} });
    await emit('page_viewed', {}, 'https://acme.example/products/tee?utm_source=fb&fbclid=IwAR2xExAmPlE&x=1');
    const body = posts[0]?.body;
    expect(body).not.toHaveProperty('fbp');
    expect(body?.fbc).toBe(`fb.1.${Date.parse(TIMESTAMP)}.IwAR2xExAmPlE`);
  });

  it('reports consent as it changes, and posts nothing until the app has configured it', async () => {
    const configured = stub();
    configured.consentChanges.forEach((change) => change({ customerPrivacy: { marketingAllowed: false, saleOfDataAllowed: false, analyticsProcessingAllowed: true, preferencesProcessingAllowed: true } }));
    await configured.emit('page_viewed', {});
    expect(configured.posts[0]?.body.consent).toEqual({ marketing: false, saleOfData: false });

    const unconfigured = stub({ settings: {} });
    await expect(unconfigured.emit('page_viewed', {})).rejects.toThrow(/did not subscribe/);
    expect(unconfigured.posts).toEqual([]);
  });

  it('bundles offline into one script that registers with the sandbox and posts with keepalive', async () => {
    const { options } = require(path.join(__dirname, '..', 'build.js')) as { options: Parameters<typeof buildSync>[0] };
    const [bundle] = buildSync({ ...options, write: false }).outputFiles ?? [];
    expect(bundle?.text).toBeDefined();
    let registered: ((api: ExtensionApi) => void) | undefined;
    const shopify = { extend: (point: string, extend: (api: ExtensionApi) => void) => { expect(point).toBe('WebPixel::Render'); registered = extend; } };
    const requests: { url: string; init: RequestInit }[] = [];
    const fetchStub = async (url: string, init: RequestInit) => requests.push({ url, init });
    new Function('shopify', 'fetch', bundle?.text ?? '')(shopify, fetchStub);

    const fake = stub();
    let callback: ((event: unknown) => Promise<void>) | undefined;
    registered?.({ ...fake.api, analytics: { subscribe: (name: string, cb: typeof callback) => { if (name === 'page_viewed') callback = cb; return () => true; } } } as unknown as ExtensionApi);
    await callback?.({ id: 'sh-1', name: 'page_viewed', timestamp: TIMESTAMP, context: {}, data: {} });
    expect(requests).toEqual([{ url: SETTINGS.ingestUrl, init: { method: 'POST', keepalive: true, body: expect.any(String) } }]);
    expect(requests[0]?.init.headers).toBeUndefined();
  });
});
