/**
 * Session tokens (App Bridge ID tokens): HS256 JWTs signed with the app secret. Shopify's library
 * checks the signature, exp/nbf (10 s tolerance) and the audience; we add that the token has an
 * `exp` (the library lets a token without one through), that it names a `<name>.myshopify.com`
 * shop, and that issuer and destination agree; then we take the shop from `dest`.
 */
import type { Shopify } from '@shopify/shopify-api';

import { isMyshopifyDomain } from './shop-domain';

export interface VerifiedSessionToken {
  /** The shop's myshopify domain, from `dest`. */
  shop: string;
  /** The raw token, kept for token exchange. */
  token: string;
  /** The staff member (`sub`), when present. */
  userId?: string;
}

export type SessionTokenCheck = { valid: true; session: VerifiedSessionToken } | { valid: false; reason: string };

export type SessionTokenVerifier = (authorization: string | undefined) => Promise<SessionTokenCheck>;

export function createSessionTokenVerifier(shopify: Shopify): SessionTokenVerifier {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) return { valid: false, reason: 'missing_bearer_token' };
    const token = match[1];
    let payload: Awaited<ReturnType<Shopify['session']['decodeSessionToken']>>;
    try {
      payload = await shopify.session.decodeSessionToken(token);
    } catch {
      // The library's message quotes the token itself: never pass it on.
      return { valid: false, reason: 'invalid_token' };
    }
    // The library checks `exp` only when the token has one; a token without it would never expire.
    if (typeof payload.exp !== 'number') return { valid: false, reason: 'missing_expiry' };
    const shop = hostOf(payload.dest);
    if (!shop || !isMyshopifyDomain(shop)) return { valid: false, reason: 'invalid_destination' };
    if (payload.iss !== `https://${shop}/admin`) return { valid: false, reason: 'issuer_mismatch' };
    return { valid: true, session: { shop, token, userId: payload.sub || undefined } };
  };
}

function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.pathname.replace(/\/+$/, '') === '' ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
