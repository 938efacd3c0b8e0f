import type { BrowserContext } from '../model/commerce';
import type { CartStateStore } from './port';

/** The tokens a storefront pixel report names; the webhooks of the same cart, checkout and order find it by them. */
export interface BrowserReportKeys {
  cartToken?: string;
  checkoutToken?: string;
}

/**
 * Files what the storefront pixel saw under its cart, so the cart's, checkout's and order's webhooks
 * find it (`findByTokens`). A report from a checkout the pixel saw no cart for (Buy it now skips the
 * cart) joins the cart that led to that checkout when one is known, else a cart snapshot of its own,
 * named after the checkout, that the checkout's webhooks find by its token. False when the report
 * names neither token: nothing to file it under.
 */
export async function saveBrowserReport(carts: CartStateStore, storeId: string, keys: BrowserReportKeys, browser: BrowserContext, customerRef?: string): Promise<boolean> {
  const { checkoutToken } = keys;
  const cartToken =
    keys.cartToken ??
    (checkoutToken === undefined ? undefined : ((await carts.findByTokens(storeId, { checkoutToken }))?.cartToken ?? `checkout:${checkoutToken}`));
  if (cartToken === undefined) return false;
  await carts.saveBrowserContext(storeId, { cartToken, ...(checkoutToken === undefined ? {} : { checkoutToken }) }, browser, customerRef);
  return true;
}
