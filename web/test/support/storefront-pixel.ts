/**
 * The storefront pixel as the web tests play it: reports shaped as the extension posts them to
 * /api/pixel (text/plain JSON from a storefront origin), and the order fixture without the browser
 * traces it carries itself, so that only the pixel brings them.
 */
import { freshFixture, type TestApp, type TestResponse } from './test-app';

export const CHECKOUT_TOKEN = 'bd5a8aa1ecd019dd3520ff791ee3a24c';
export const PIXEL = {
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) storefront',
  fbp: 'fb.1.1764300000000.987654321',
  fbc: 'fb.1.1764300000000.IwAR-pixel-click',
};

export interface PixelReporter {
  /** A report of `event` at the reporter's time, consenting to everything unless `fields` say otherwise. */
  report(event: string, fields?: Record<string, unknown>): Record<string, unknown>;
  post(body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** Posts and expects the pixel route's 202 with its CORS header. */
  posted(body: unknown): Promise<void>;
}

export function pixelReporter(harness: () => TestApp, shop: string, key: () => string, at: () => Date): PixelReporter {
  const post: PixelReporter['post'] = (body, headers = {}) =>
    harness().request('POST', '/api/pixel', {
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop-a.example', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    report: (event, fields = {}) => ({
      key: key(),
      shop,
      event,
      id: `sh-${event}-${Math.random().toString(36).slice(2)}`,
      timestamp: at().toISOString(),
      url: `https://${shop}/products/example-t-shirt`,
      referrer: 'https://www.facebook.com/',
      userAgent: PIXEL.userAgent,
      fbp: PIXEL.fbp,
      fbc: PIXEL.fbc,
      consent: { marketing: true, saleOfData: true },
      ...fields,
    }),
    post,
    async posted(body) {
      const response = await post(body);
      expect(response.statusCode).toBe(202);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    },
  };
}

/** The capi-variant order without the browser traces it carries itself: the pixel brings them. */
export function orderWithoutBrowser(at: Date, shop?: string): string {
  return freshFixture('orders-paid.capi-variant.json', at, shop)
    .replace(/"browser_ip": "203\.0\.113\.42"/g, '"browser_ip": null')
    .replace(/"user_agent": "Mozilla[^"]*"/, '"user_agent": null')
    .replace(/"name": "_fb([pc])"/g, '"name": "_unrelated_$1"')
    .replace(/"landing_site": "[^"]*"/, '"landing_site": null');
}
