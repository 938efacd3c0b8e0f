import { dropped, kept, type NormalizeResult } from './result';
import { lowerNfc } from './text';

/**
 * `em`: Meta documents trim + lowercase only. No plus-tag or dot stripping (that is Google's rule,
 * not Meta's), and no RFC validation: the SDK's validator rejects IDN addresses such as
 * `josé@example.com` that Meta's rule accepts. Only values that cannot be an address are dropped.
 */
export function normalizeEmail(text: string): NormalizeResult {
  const email = lowerNfc(text.trim());
  if (/\s/u.test(email)) return dropped('email contains a space');
  const parts = email.split('@');
  if (parts.length !== 2) return dropped('email has no single @');
  const [local, domain] = parts;
  if (!local || !domain) return dropped('email is missing the part before or after @');
  return kept(email);
}
