/** Text columns of CartState: lines and browser context as JSON, with the one Date field revived. */
import type { BrowserContext, CartLine, CartSnapshot } from '@capi-relay/core';

export function browserToJson(browser: BrowserContext | undefined): string | null {
  return browser ? JSON.stringify(browser) : null;
}

export function browserFromJson(text: string | null): BrowserContext | undefined {
  if (text === null) return undefined;
  const parsed = JSON.parse(text) as Omit<BrowserContext, 'fbclidSeenAt'> & { fbclidSeenAt?: string };
  const { fbclidSeenAt, ...rest } = parsed;
  return fbclidSeenAt === undefined ? rest : { ...rest, fbclidSeenAt: new Date(fbclidSeenAt) };
}

export interface CartStateRow {
  storeId: string;
  cartToken: string;
  checkoutToken: string | null;
  customerRef: string | null;
  lines: string;
  browser: string | null;
  updatedAt: Date;
  version: number;
}

export function toCartSnapshot(row: CartStateRow): CartSnapshot {
  const browser = browserFromJson(row.browser);
  return {
    storeId: row.storeId,
    cartToken: row.cartToken,
    ...(row.checkoutToken !== null && { checkoutToken: row.checkoutToken }),
    ...(row.customerRef !== null && { customerRef: row.customerRef }),
    lines: JSON.parse(row.lines) as CartLine[],
    ...(browser && { browser }),
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
