/** Browser traces Shopify keeps on orders and checkouts: the landing URL and cart attributes. */
import type { BrowserContext } from '@capi-relay/core';
import { asRecord, list, text } from './payload-reader';

/**
 * `fbclid` from a landing URL or path (`/products/x?fbclid=IwAR...&utm_source=...`), verbatim:
 * Meta's click id is case-sensitive and must not be decoded or otherwise altered.
 */
export function fbclidFromLandingSite(landingSite: string | undefined): string | undefined {
  const query = landingSite?.split('#')[0]?.split('?')[1];
  const parameter = query?.split('&').find((pair) => pair.startsWith('fbclid='));
  return text(parameter?.slice('fbclid='.length));
}

/**
 * A cart attribute, as written by the storefront (`_fbp`, `_fbc`). Shopify sends them as a list of
 * `{name, value}`; older payloads use a plain object.
 */
export function noteAttribute(attributes: unknown, name: string): string | undefined {
  const asObject = asRecord(attributes);
  if (asObject) return text(asObject[name]);
  const found = list(attributes).map(asRecord).find((attribute) => attribute?.name === name);
  return text(found?.value);
}

/**
 * Cart tokens appear as `c1-abc`, `c1-abc?key=secret` and `gid://shopify/Cart/c1-abc?key=secret`
 * depending on the API. The bare token is the join key and the event_id part; the `key` is a
 * secret and never leaves this function.
 */
export function normalizeCartToken(token: string | undefined): string | undefined {
  const bare = token?.trim().replace(/^gid:\/\/shopify\/Cart\//, '').split('?')[0];
  return text(bare);
}

/** The browser context an order or checkout payload carries: click id and Meta cookies. */
export function storefrontTraces(payload: Record<string, unknown>): Pick<BrowserContext, 'fbclid' | 'fbp' | 'fbc'> {
  return {
    fbclid: fbclidFromLandingSite(text(payload.landing_site)),
    fbp: noteAttribute(payload.note_attributes, '_fbp'),
    fbc: noteAttribute(payload.note_attributes, '_fbc'),
  };
}
