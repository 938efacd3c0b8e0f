import { isMyshopifyDomain } from './shop-domain';

describe('isMyshopifyDomain', () => {
  it('accepts <name>.myshopify.com', () => {
    expect(['shop-a.myshopify.com', 'a1.myshopify.com', '0shop.myshopify.com'].filter(isMyshopifyDomain)).toHaveLength(3);
  });

  it.each([
    'shop-a.myshopify.com/',
    'https://shop-a.myshopify.com',
    'admin.shopify.com',
    'admin.shopify.com/store/shop-a',
    'Shop-A.myshopify.com',
    'shop-a.myshopify.com.evil.example',
    'shop_a.myshopify.com',
    '-shop.myshopify.com',
    '.myshopify.com',
    'shop.example.com',
    ' shop-a.myshopify.com',
    'shop-a.myshopify.com\n',
  ])('refuses %j', (domain) => {
    expect(isMyshopifyDomain(domain)).toBe(false);
  });
});
