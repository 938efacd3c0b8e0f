/**
 * The Admin GraphQL API's web pixel operations, faked at @shopify/shopify-api's fetch seam (with
 * fakeTokenEndpoint): `webPixel` answers as Shopify does for an app without a pixel (an error and
 * null data), webPixelCreate and webPixelUpdate keep the shop's pixel, the shop query answers with
 * the country set in `countries` (none: a shop whose address names no country), and every request
 * is recorded.
 */
import { grantOfflineToken, type TokenAnswer, type TokenRequest } from './shopify-token-endpoint';

export interface FakeWebPixels {
  answer: TokenAnswer;
  /** The shop's pixel settings as the app last saved them (a JSON string, as Shopify keeps them). */
  pixels: Map<string, { id: string; settings: string }>;
  operations: string[];
  /** The country each shop's address names (`shop.shopAddress.countryCodeV2`); absent: null. */
  countries: Map<string, string>;
  /** Resolves once the shop's pixel was created or updated (at once if it was). */
  saved(shop: string): Promise<void>;
}

export function fakeWebPixels(): FakeWebPixels {
  const pixels = new Map<string, { id: string; settings: string }>();
  const operations: string[] = [];
  const countries = new Map<string, string>();
  const waiting = new Map<string, () => void>();

  const graphql = (request: TokenRequest) => {
    const shop = new URL(request.url).host;
    const { query, variables } = request.body as unknown as { query: string; variables?: { id?: string; settings?: string } };
    const operation = /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? 'unknown';
    operations.push(operation);
    if (operation === 'CapiRelayShopCountry') {
      return { status: 200, body: { data: { shop: { shopAddress: { countryCodeV2: countries.get(shop) ?? null } } } } };
    }
    const current = pixels.get(shop);
    if (operation === 'CapiRelayWebPixel') {
      return current
        ? { status: 200, body: { data: { webPixel: current } } }
        : { status: 200, body: { data: { webPixel: null }, errors: [{ message: 'No web pixel was found for this app.', path: ['webPixel'] }] } };
    }
    const id = current?.id ?? `gid://shopify/WebPixel/${pixels.size + 1}`;
    pixels.set(shop, { id, settings: variables?.settings ?? '' });
    const field = operation === 'CapiRelayWebPixelCreate' ? 'webPixelCreate' : 'webPixelUpdate';
    waiting.get(shop)?.();
    return { status: 200, body: { data: { [field]: { userErrors: [], webPixel: { id } } } } };
  };

  return {
    pixels,
    operations,
    countries,
    answer: (request) => (request.url.endsWith('/graphql.json') ? graphql(request) : grantOfflineToken(request)),
    saved: (shop) => (pixels.has(shop) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(shop, resolve))),
  };
}
