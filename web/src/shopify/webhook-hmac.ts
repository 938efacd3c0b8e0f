/**
 * Shopify signs each webhook with base64(HMAC-SHA256(app secret, raw body)). The check runs on the
 * exact bytes received, before any JSON parsing, and compares in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhookBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True when `signature` matches the body under any of `secrets` (the current secret, plus the
 * previous one during a rotation).
 */
export function isValidWebhookSignature(rawBody: Buffer, signature: string | undefined, secrets: readonly string[]): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature.trim(), 'utf8');
  let valid = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhookBody(rawBody, secret), 'utf8');
    // Every secret is checked (no early exit) so timing does not reveal which one matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}
