import { checkBodyFitsDelivery, checkTriggeredAt, MAX_DELIVERY_AGE_MS } from './delivery-checks';

const SHOP = 'shop-a.myshopify.com';
const order = { admin_graphql_api_id: 'gid://shopify/Order/1', cart_token: 'c', order_status_url: `https://${SHOP}/1/orders/x/authenticate` };

describe('checkTriggeredAt', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  it('accepts a delivery inside Shopify\'s retry window, with microseconds as Shopify writes them', () => {
    expect(checkTriggeredAt('2026-12-01T08:00:00.000000Z', now)).toBeNull();
  });
  it('refuses a stale, future or unreadable time', () => {
    expect(checkTriggeredAt(new Date(now.getTime() - MAX_DELIVERY_AGE_MS - 1).toISOString(), now)).toMatch(/older/);
    expect(checkTriggeredAt('2026-12-01T13:00:00Z', now)).toMatch(/future/);
    expect(checkTriggeredAt('yesterday', now)).toMatch(/not a timestamp/);
  });
});

describe('checkBodyFitsDelivery', () => {
  it.each([
    ['orders/create', order],
    ['checkouts/update', { token: 't', cart_token: 'c', abandoned_checkout_url: `https://${SHOP}/x` }],
    ['carts/update', { token: 't', line_items: [] }],
    ['app/uninstalled', { id: 1, myshopify_domain: null, domain: 'www.example.com' }],
    ['shop/redact', { shop_id: 1, shop_domain: SHOP }],
    ['customers/redact', { shop_id: 1, shop_domain: SHOP, customer: { id: 1 }, orders_to_redact: [] }],
    ['orders/updated', { anything: true, shop_domain: 'other.myshopify.com' }],
  ])('accepts a %s body of its own shop', (topic, body) => {
    expect(checkBodyFitsDelivery(topic, SHOP, body)).toBeNull();
  });

  it.each([
    ['app/uninstalled', order],
    ['carts/create', order],
    ['carts/create', { token: 't', cart_token: 'c' }],
    ['shop/redact', { shop_id: 1, shop_domain: SHOP, customer: { id: 1 } }],
    ['customers/redact', { shop_id: 1, shop_domain: SHOP }],
    ['orders/paid', { id: 1, line_items: [] }],
  ])('refuses a body that is not a %s payload', (topic, body) => {
    expect(checkBodyFitsDelivery(topic, SHOP, body)).toBe(`the body is not a ${topic} payload`);
  });

  it.each([
    ['shop/redact', { shop_id: 1, shop_domain: 'shop-b.myshopify.com' }],
    ['app/uninstalled', { id: 1, myshopify_domain: 'shop-b.myshopify.com' }],
    ['orders/create', { ...order, order_status_url: 'https://shop-b.myshopify.com/1/orders/x/authenticate' }],
  ])('refuses a %s body naming another shop', (topic, body) => {
    expect(checkBodyFitsDelivery(topic, SHOP, body)).toBe('the body names another shop than X-Shopify-Shop-Domain');
  });

  it('leaves a custom storefront domain alone (it cannot be checked)', () => {
    expect(checkBodyFitsDelivery('orders/create', SHOP, { ...order, order_status_url: 'https://www.example.com/1/orders/x' })).toBeNull();
  });
});
