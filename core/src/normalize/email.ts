import { dropped, kept, type NormalizeResult } from './result';
import { lowerNfc } from './text';

const notAnAddress = (why: string): NormalizeResult => dropped(`email is not an email address (${why})`);

/**
 * `em`: Meta documents trim + lowercase only. No plus-tag or dot stripping (that is Google's rule,
 * not Meta's), and no RFC validation: the SDK's validator rejects IDN addresses such as
 * `josé@example.com` that Meta's rule accepts. Only values that cannot be a deliverable address
 * are dropped, each with the reason: hashing them would cost nothing but could never match.
 */
export function normalizeEmail(text: string): NormalizeResult {
  const email = lowerNfc(text.trim());
  if (/\s/u.test(email)) return notAnAddress('it contains a space');
  const at = email.indexOf('@');
  if (at < 0 || email.includes('@', at + 1)) return notAnAddress('it needs exactly one @');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!local || !domain) return notAnAddress('nothing before or after the @');
  if (email.includes('..')) return notAnAddress('it has two dots in a row');
  if (!/^[^.].*\.[^.]+$/u.test(domain)) return notAnAddress('its domain has no dot between two names');
  return kept(email);
}
