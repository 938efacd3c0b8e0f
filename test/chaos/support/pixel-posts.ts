/**
 * Storefront pixel posts to /api/pixel, as the extension sends them (text/plain JSON, the shop's pixel
 * key) and as anyone on the internet may instead: fast-check arbitraries that start from a report the
 * app accepts and break it one way at a time, so each case reaches past the checks it does not break.
 */
import fc from 'fast-check';

import { HOSTILE_STRINGS, hostileValue } from './hostile-values';

/** In every well-formed report's shopper data (URL, user agent, SKU): a log line that holds it has kept body text. */
export const BODY_CANARY = 'canary-3c1f9a';

export const PIXEL_EVENT_NAMES = ['page_viewed', 'product_viewed', 'product_added_to_cart', 'checkout_started', 'payment_info_submitted', 'checkout_completed'];

export interface PixelPost {
  body: string;
  contentType: string | undefined;
}

/** A report of `event` the app accepts, a minute old, with every field the extension sends. */
export function pixelReport(key: string, shop: string, event: string, serial: number): Record<string, unknown> {
  return {
    key,
    shop,
    event,
    // Shopify's event id becomes the event_id, which log lines name on purpose: no canary in it.
    id: `sh-${serial}`,
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    url: `https://${shop}/products/${BODY_CANARY}?fbclid=IwAR${serial}`,
    referrer: 'https://www.facebook.com/',
    userAgent: `Mozilla/5.0 (${BODY_CANARY}) storefront`,
    fbp: `fb.1.${Date.now() - 3_600_000}.${1_000_000 + serial}`,
    fbc: `fb.1.${Date.now() - 3_600_000}.IwAR${serial}`,
    cartToken: `cart-${serial}`,
    checkoutToken: `checkout-${serial}`,
    orderId: String(7_000_000 + serial),
    customerId: String(8_000_000 + serial),
    value: '39.98',
    currency: 'EUR',
    items: [{ variantId: '808950810', productId: '632910392', sku: `TEE-${BODY_CANARY}`, quantity: 2, price: '19.99' }],
    consent: { marketing: true, saleOfData: true },
  };
}

type Report = Record<string, unknown>;
type Mutation = fc.Arbitrary<(report: Report) => unknown>;

const replaceField: Mutation = fc
  .tuple(fc.constantFrom(...Object.keys(pixelReport('k', 's', 'e', 0))), hostileValue)
  .map(([field, value]) => (report: Report) => ({ ...report, [field]: value }));

const dropFields: Mutation = fc
  .uniqueArray(fc.constantFrom(...Object.keys(pixelReport('k', 's', 'e', 0))), { minLength: 1 })
  .map((fields) => (report: Report) => Object.fromEntries(Object.entries(report).filter(([field]) => !fields.includes(field))));

/** Keys the report does not have, prototype names among them. */
const addKeys: Mutation = fc
  .dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'Key', 'EVENT', 'shop ', 'items[0]')), fc.anything(), { minKeys: 1, maxKeys: 5 })
  .map((extra) => (report: Report) => ({ ...JSON.parse(JSON.stringify(extra)), ...report }));

/** The report's first line, or the extension's own when an earlier mutation took the lines away. */
function firstItem(report: Report): Report {
  const first: unknown = Array.isArray(report.items) ? report.items[0] : undefined;
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as Report) : (pixelReport('k', 's', 'e', 0).items as Report[])[0]!;
}

const breakItem: Mutation = fc.oneof(
  fc
    .tuple(fc.constantFrom('variantId', 'productId', 'sku', 'quantity', 'price', 'title'), hostileValue)
    .map(([field, value]) => (report: Report) => ({ ...report, items: [{ ...firstItem(report), [field]: value }] })),
  fc.constantFrom(1e21, 2 ** 53 + 2, 0, -1, 1.5, Number.MAX_VALUE).map((quantity) => (report: Report) => ({ ...report, items: [{ ...firstItem(report), quantity }] })),
  fc.integer({ min: 2, max: 400 }).map((count) => (report: Report) => ({ ...report, items: Array.from({ length: count }, () => firstItem(report)) })),
  hostileValue.map((items) => (report: Report) => ({ ...report, items })),
);

/** Times and amounts a browser never sends: far past and future, out of range, not numbers. */
const breakNumbers: Mutation = fc.oneof(
  fc.constantFrom('+275760-09-13T00:00:00.000Z', '2999-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-02-30T25:61:00Z', '1', 'now').map((timestamp) => (report: Report) => ({ ...report, timestamp })),
  fc.constantFrom('1e309', '99999999999999999999999999.99', '-5', '0', '0.000000001', 1e308, -1, Number.MIN_VALUE, '١٢٣').map((value) => (report: Report) => ({ ...report, value })),
  fc.constantFrom('usd', 'EURO', 'E', '€', '123', '\u0000EU', 'XXX').map((currency) => (report: Report) => ({ ...report, currency })),
);

/** Stands for a value nested `depth` deep until the body is text (building it as objects would overflow the suite's own stack). */
const deepMarker = (depth: number) => `__deep_${depth}__`;
const DEEP_MARKER = /"__deep_(\d+)__"/g;
const expandDeep = (json: string) => json.replace(DEEP_MARKER, (_marker, depth: string) => `${'{"a":['.repeat(Number(depth))}"deep"${']}'.repeat(Number(depth))}`);

/** Values nested past any depth a parser or a writer is tested at. */
const nestDeep: Mutation = fc
  .tuple(fc.constantFrom('consent', 'items', 'value', 'userAgent', 'extra'), fc.integer({ min: 50, max: 5_000 }))
  .map(([field, depth]) => (report: Report) => ({ ...report, [field]: deepMarker(depth) }));

const consentCases: Mutation = fc
  .record({ marketing: fc.oneof(fc.boolean(), hostileValue), saleOfData: fc.oneof(fc.boolean(), hostileValue) }, { requiredKeys: [] })
  .map((consent) => (report: Report) => ({ ...report, consent }));

/** A text field set to one of the strings that break storage, parsing or logs. */
const hostileText: Mutation = fc
  .tuple(fc.constantFrom('id', 'userAgent', 'fbp', 'fbc', 'cartToken', 'checkoutToken', 'orderId', 'customerId', 'url', 'referrer', 'shop', 'key'), fc.constantFrom(...HOSTILE_STRINGS), fc.boolean())
  .map(([field, hostile, appended]) => (report: Report) => ({ ...report, [field]: appended ? `${String(report[field])}${hostile}` : hostile }));

/** Not a report at all: other JSON, broken JSON, nothing. */
const notAReport = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom('', '{', '{"key":', 'null', '[]', '"report"', '\ud800', '\u0000', '{"key":"\\ud800"}', '{"a":1,"a":2}', ' '.repeat(10_000), `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
);

const CONTENT_TYPES = ['text/plain;charset=UTF-8', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'text/plain; charset=latin1', undefined];

/**
 * One post: a report of one of the events, broken by one or two mutations, or not a report; with a
 * content type a browser or a script may use.
 */
export function pixelPosts(key: string, shop: string): fc.Arbitrary<PixelPost> {
  // Mostly the extension's own events, so the breakage reaches past the event check.
  const event = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PIXEL_EVENT_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('Purchase', 'PAGE_VIEWED', '', 'page_viewed ') });
  const mutation = fc.oneof(replaceField, dropFields, addKeys, breakItem, breakNumbers, nestDeep, consentCases, hostileText);
  const report = fc
    .tuple(event, fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 2 }))
    .map(([event, serial, mutations]) => expandDeep(JSON.stringify(mutations.reduce<unknown>((current, mutate) => mutate(current as Report), pixelReport(key, shop, event, serial))) ?? 'null'));
  return fc.record({ body: fc.oneof({ weight: 9, arbitrary: report }, { weight: 1, arbitrary: notAReport }), contentType: fc.constantFrom(...CONTENT_TYPES) });
}
