import { ShopifyPayloadError } from '../shopify/mappers';
import { readPixelReport } from './pixel-report';

const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

/** A checkout the extension would post, a minute old. */
function report(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key: 'key-1',
    shop: 'acme.myshopify.com',
    event: 'checkout_started',
    id: 'sh-1',
    timestamp: new Date(NOW.getTime() - 60_000).toISOString(),
    url: 'https://acme.myshopify.com/checkouts/cn/abc',
    userAgent: 'Mozilla/5.0 storefront',
    checkoutToken: 'abc',
    value: '39.98',
    currency: 'EUR',
    items: [{ variantId: '808950810', quantity: 2, price: '19.99' }],
    ...fields,
  };
}

/** The field and problem a refusal names, or 'accepted'. */
function verdict(body: unknown): string {
  try {
    readPixelReport(body, NOW);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ShopifyPayloadError)) throw error;
    return `${error.field} ${error.problem}`;
  }
}

describe('readPixelReport', () => {
  it('reads a report the extension posts', () => {
    expect(readPixelReport(report(), NOW)).toMatchObject({ event: 'checkout_started', checkoutToken: 'abc', total: { amount: '39.98', currency: 'EUR' }, lineItems: [{ variantId: '808950810', quantity: 2 }] });
  });

  // These reached the database: PostgreSQL text holds no NUL, no UTF-8 column a lone surrogate, and
  // every post was answered 500 (found by the chaos suite's fuzzing).
  it('refuses a NUL or an unpaired surrogate in any text field, naming the field', () => {
    expect(verdict(report({ checkoutToken: 'abc\u0000' }))).toBe('checkoutToken holds a NUL or an unpaired surrogate, which no browser sends');
    expect(verdict(report({ userAgent: 'Mozilla\ud800' }))).toBe('userAgent holds a NUL or an unpaired surrogate, which no browser sends');
    expect(verdict(report({ items: [{ variantId: '808950810', sku: '\udfffTEE', quantity: 1 }] }))).toBe('items[0].sku holds a NUL or an unpaired surrogate, which no browser sends');
    expect(verdict(report({ userAgent: 'Mozilla 😀 storefront' }))).toBe('accepted');
  });

  // Year 275760 (the latest Date) failed the write: Prisma takes no time past year 9999.
  it('refuses a timestamp more than a year from now, and keeps a clock that is days off', () => {
    for (const timestamp of ['+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', new Date(NOW.getTime() + 400 * DAY).toISOString()]) {
      expect(verdict(report({ timestamp }))).toBe('timestamp is more than a year away from now');
    }
    expect(verdict(report({ timestamp: new Date(NOW.getTime() + 3 * DAY).toISOString() }))).toBe('accepted');
    expect(verdict(report({ timestamp: new Date(NOW.getTime() - 30 * DAY).toISOString() }))).toBe('accepted');
  });

  it('refuses quantities JavaScript calls integers but no count can be: past 2^53', () => {
    expect(verdict(report({ items: [{ variantId: '808950810', quantity: 1e21 }] }))).toBe('items[0].quantity is not a whole number from 1 to 2^53 - 1');
    expect(verdict(report({ items: [{ variantId: '808950810', quantity: 2 ** 53 }] }))).toBe('items[0].quantity is not a whole number from 1 to 2^53 - 1');
    expect(verdict(report({ items: [{ variantId: '808950810', quantity: 2 ** 53 - 1 }] }))).toBe('accepted');
  });
});
