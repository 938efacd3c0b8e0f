/**
 * Shopify webhook bodies, through the mappers and core's builders, to the exact Meta payload.
 * Every hash is computed here with node:crypto over the normalized value we expect, independently
 * of core's normalization code.
 */
import { createHash } from 'node:crypto';
import { buildAddToCart, buildInitiateCheckout, buildPurchase, diffCartLines, validateEvent } from '@capi-relay/core';
import { fixtureBody } from '../../../test/support/shopify-signing';
import { mapCart, mapCheckout, mapOrder } from '.';

const sha = (normalized: string) => createHash('sha256').update(normalized, 'utf8').digest('hex');
const codesOf = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('orders/paid -> Purchase', () => {
  const { order } = mapOrder(fixtureBody('orders-paid.capi-variant.json'));
  const built = buildPurchase(order);
  const { event } = built;

  it('identifies and dates the event from the order, with the 64-bit order id exact', () => {
    expect(event.event_name).toBe('Purchase');
    expect(event.event_id).toBe('purchase:820982911946154508');
    expect(event.event_time).toBe(1640995200); // 2021-12-31T19:00:00-05:00
    expect(event.action_source).toBe('website');
    expect(event.event_source_url).toBe('https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate');
    expect(event).not.toHaveProperty('referrer_url');
    expect(built.sourceId).toBe('820982911946154508');
  });

  it('hashes the buyer, with the exact customer id as external_id, and passes browser values through', () => {
    expect(event.user_data).toEqual({
      em: [sha('jane.doe@example.com')],
      ph: [sha('4915112345678')],
      fn: [sha('jane')],
      ln: [sha('doe')],
      ct: [sha('berlin')],
      st: [sha('be')],
      zp: [sha('10115')],
      country: [sha('de')],
      external_id: [sha('115310627314723954')],
      client_ip_address: '203.0.113.42',
      client_user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      fbp: 'fb.1.1715000000000.1234567890',
      fbc: 'fb.1.1715000000000.IwAR2xExAmPlEfBcLiD0123456789',
    });
    expect(built.dropped).toEqual([]);
  });

  it('reports value, currency and every line in the buyer currency', () => {
    expect(event.custom_data).toEqual({
      value: 372.55,
      currency: 'EUR',
      content_ids: ['808950810', '49148385', '457924702', '39072856', '642667041'],
      contents: [
        { id: '808950810', quantity: 1, item_price: 82.79 },
        { id: '49148385', quantity: 1, item_price: 18.39 },
        { id: '457924702', quantity: 1, item_price: 22.99 },
        { id: '39072856', quantity: 1, item_price: 147.19 },
        { id: '642667041', quantity: 1, item_price: 110.39 },
      ],
      content_type: 'product',
      num_items: 5,
      order_id: '820982911946154508',
    });
  });

  it('is sendable within Meta’s window from the shop’s domain, and expired after it', () => {
    const anHourLater = new Date('2022-01-01T01:00:00Z');
    expect(validateEvent(event, { now: anHourLater, allowedHosts: ['jsmith.myshopify.com'] })).toEqual([]);
    expect(codesOf(validateEvent(event, { now: new Date('2022-01-08T00:00:00Z') }))).toEqual(['too_old']);
  });

  it('falls back to product ids and SKUs for Shopify’s sample, which has no variant ids', () => {
    const sample = buildPurchase(mapOrder(fixtureBody('orders-paid.json')).order).event;
    expect(sample.custom_data?.content_ids).toEqual(['788032119674292922', 'LENS-PROTECT-2YR', 'CASE-LEATHER-PREM']);
    expect(sample.custom_data?.order_id).toBe('820982911946154508');
    expect(sample.user_data.external_id).toEqual([sha('115310627314723954')]);
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
      em: [sha('jane.doe@example.com')],
      ph: [sha('4915112345678')],
      fn: [sha('john')],
      ln: [sha('smith')],
      ct: [sha('billtown')],
      st: [sha('ky')],
      country: [sha('us')],
      external_id: [sha('603851970716743426')],
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
      event_id: 'add_to_cart:exampleCartId:704912205188288575:3abdf474dce81d0025dd15b9a02ef6bf:3',
      action_source: 'website',
      user_data: {},
      custom_data: {
        value: 59.97,
        currency: 'USD',
        content_ids: ['704912205188288575'],
        contents: [{ id: '704912205188288575', quantity: 3, item_price: 19.99 }],
        content_type: 'product',
        num_items: 3,
      },
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
