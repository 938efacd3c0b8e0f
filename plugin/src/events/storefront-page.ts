import type { BrowserContext } from '@capi-relay/core';

/**
 * Meta requires the page address of a website event. When no request said which page the shopper was
 * on (a storefront calling Medusa from its server sends no Referer), the storefront's address stands in.
 */
export function withStorefrontPage(browser: BrowserContext | undefined, storefrontUrl: string): BrowserContext {
  return browser?.pageUrl ? browser : { ...browser, pageUrl: storefrontUrl };
}
