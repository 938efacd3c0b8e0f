/**
 * The one spelling of a Shopify shop we accept: `<name>.myshopify.com`, lower case, nothing around
 * it. Every other spelling (a trailing slash, a scheme, `admin.shopify.com`, a custom domain) would
 * otherwise become a tenant of its own, with its own store row, settings and events.
 */
const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;

export function isMyshopifyDomain(domain: string): boolean {
  return MYSHOPIFY_DOMAIN.test(domain);
}
