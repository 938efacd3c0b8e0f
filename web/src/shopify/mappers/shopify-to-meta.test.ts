/**
 * Shopify webhook bodies, through the mappers and core's builders, to the exact Meta payload.
 * Every expected hash is node:crypto's over the normalized value we expect (`sha256Hex`),
 * independently of core's normalization code.
 */
import { buildAddToCart, buildInitiateCheckout, buildPurchase, diffCartLines, validateEvent } from '@capi-relay/core';
import { sha256Hex } from '@capi-relay/core/testing';
import { CART_ADD_CUSTOM_DATA, CART_ADD_EVENT_ID, ORDER_CUSTOM_DATA, ORDER_ID, ORDER_USER_DATA } from '../../../test/support/expected-payloads';
import { fixtureBody } from '../../../test/support/shopify-signing';
import { mapCart, mapCheckout, mapOrder } from '.';
const codesOf = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('orders/paid -> Purchase', () => {
  const { order } = mapOrder(fixtureBody('orders-paid.capi-variant.json'));
  const built = buildPurchase(order);
  const { event } = built;

  it('identifies and dates the event from the order, with the 64-bit order id exact', () => {
    expect(event.event_name).toBe('Purchase');
    expect(event.event_id).toBe(`purchase:${ORDER_ID}`);
    expect(event.event_time).toBe(1640995200); // 2021-12-31T19:00:00-05:00
    expect(event.action_source).toBe('website');
    expect(event.event_source_url).toBe('https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate');
    expect(event).not.toHaveProperty('referrer_url');
    expect(built.sourceId).toBe(ORDER_ID);
  });

  it('hashes the buyer, with the exact customer id as external_id, and passes browser values through', () => {
    expect(event.user_data).toEqual(ORDER_USER_DATA);
    expect(built.dropped).toEqual([]);
  });

  it('reports value, currency and every line in the buyer currency', () => {
    expect(event.custom_data).toEqual(ORDER_CUSTOM_DATA);
  });

  it('is sendable within Meta’s window from the shop’s domain, and expired after it', () => {
    const anHourLater = new Date('2022-01-01T01:00:00Z');
    expect(validateEvent(event, { now: anHourLater, allowedHosts: ['jsmith.myshopify.com'] })).toEqual([]);
    expect(codesOf(validateEvent(event, { now: new Date('2022-01-08T00:00:00Z') }))).toEqual(['too_old']);
  });

  it('falls back to product ids and SKUs for Shopify’s sample, which has no variant ids', () => {
    const sample = buildPurchase(mapOrder(fixtureBody('orders-paid.json')).order).event;
    expect(sample.custom_data?.content_ids).toEqual(['788032119674292922', 'LENS-PROTECT-2YR', 'CASE-LEATHER-PREM']);
    expect(sample.custom_data?.order_id).toBe(ORDER_ID);
    expect(sample.user_data.external_id).toEqual([sha256Hex('115310627314723954')]);
  });
});

describe('checkouts/create -> InitiateCheckout', () => {
  const checkout = mapCheckout(fixtureBody('checkouts-create.capi-variant.json'));
  const built = buildInitiateCheckout(checkout);
  const { event } = built;

  it('keys the event on the checkout token and dates it by the checkout', () => {
    expect(event.event_name).toBe('InitiateCheckout');
    expect(event.event_id).toBe('initiate_checkout:bd5a8aa1ecd019dd3520ff791ee3a24c');
    expect(event.event_time).toBe(1640995200);
    expect(event.action_source).toBe('website');
  });

  it('hashes the buyer and builds fbc from the landing click id, dated by the checkout in milliseconds', () => {
    expect(event.user_data).toEqual({
      em: [sha256Hex('jane.doe@example.com')],
      ph: [sha256Hex('4915112345678')],
      fn: [sha256Hex('john')],
      ln: [sha256Hex('smith')],
      ct: [sha256Hex('billtown')],
      st: [sha256Hex('ky')],
      country: [sha256Hex('us')],
      external_id: [sha256Hex('603851970716743426')],
      fbp: 'fb.1.1715000000000.1234567890',
      fbc: 'fb.1.1640995200000.IwAR2xExAmPlEfBcLiD0123456789',
    });
    // Shopify's sample gives a Canadian postcode on a US address: dropped, and said so.
    expect(built.dropped).toEqual([{ field: 'zp', reason: expect.stringContaining('US ZIP') }]);
  });

  it('reports the checkout total and lines', () => {
    expect(event.custom_data).toEqual({
      value: 421.88,
      currency: 'USD',
      content_ids: ['808950810'],
      contents: [
        { id: '808950810', quantity: 1, item_price: 199 },
        { id: '808950810', quantity: 1, item_price: 199 },
      ],
      content_type: 'product',
      num_items: 2,
    });
  });

  it('still needs the page and user agent from the storefront pixel before it can be sent', () => {
    expect(codesOf(validateEvent(event, { now: new Date('2022-01-01T00:10:00Z') }))).toEqual(['missing_source_url', 'missing_user_agent']);
  });
});

describe('carts/create and carts/update -> AddToCart', () => {
  const created = mapCart(fixtureBody('carts-create.json'));

  it('builds one AddToCart for the new line, valued at the units added, with the 64-bit variant id exact', () => {
    const deltas = diffCartLines(undefined, created.lines);
    expect(deltas).toHaveLength(1);
    const { event } = buildAddToCart(created, deltas[0]!);
    expect(event).toEqual({
      event_name: 'AddToCart',
      event_time: 1640995200,
      event_id: CART_ADD_EVENT_ID,
      action_source: 'website',
      user_data: {},
      custom_data: CART_ADD_CUSTOM_DATA,
    });
    expect(codesOf(validateEvent(event, { now: new Date('2022-01-01T00:10:00Z') }))).toEqual([
      'missing_source_url',
      'missing_user_agent',
      'insufficient_user_data',
    ]);
  });

  it('builds nothing for an update that added nothing', () => {
    expect(diffCartLines(created.lines, mapCart(fixtureBody('carts-update.json')).lines)).toEqual([]);
  });
});
