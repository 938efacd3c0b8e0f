/** Rows (events or cart snapshots) that name the cart and checkout they belong to. */
export interface TokenBearer {
  cartToken?: string | null;
  checkoutToken?: string | null;
}

/** The carts and checkouts a redaction reaches, beyond the rows it selected directly. */
export interface RedactionScope {
  cartTokens: string[];
  checkoutTokens: string[];
}

/**
 * Every cart and checkout named by the rows a privacy request selected (the customer's events and
 * cart snapshots, the listed orders' events): their own rows and snapshots hold the same shopper's
 * browser context, so they go too, a guest's as much as a customer's.
 */
export function redactionScope(rows: Iterable<TokenBearer>): RedactionScope {
  const carts = new Set<string>();
  const checkouts = new Set<string>();
  for (const row of rows) {
    if (row.cartToken) carts.add(row.cartToken);
    if (row.checkoutToken) checkouts.add(row.checkoutToken);
  }
  return { cartTokens: [...carts], checkoutTokens: [...checkouts] };
}
