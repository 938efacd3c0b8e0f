import { isIP } from 'node:net';
import { dropped, kept, type NormalizeResult } from './result';

/** Meta's Parameter Builder appends `.<appendix>` to IPs and cookies; such values go out as is. */
const APPENDIX = /\.[A-Za-z0-9]{2,8}$/;

/** `fb.<subdomain index>.<creation time>.<click id or random number>[.<appendix>]`. */
const FB_COOKIE = /^fb\.\d+\.\d+\.\S+$/;

/** `client_ip_address`: a literal IPv4 or IPv6 address, sent in clear text and never hashed. */
export function normalizeIpAddress(text: string): NormalizeResult {
  const ip = text.trim();
  const withoutAppendix = ip.replace(APPENDIX, '');
  return isIP(ip) || (withoutAppendix !== ip && isIP(withoutAppendix))
    ? kept(ip)
    : dropped('IP address is not a valid IPv4 or IPv6 address');
}

/** `client_user_agent`: the browser's header value, unchanged apart from surrounding whitespace. */
export function normalizeUserAgent(text: string): NormalizeResult {
  const userAgent = text.trim();
  return userAgent ? kept(userAgent) : dropped('user agent is empty');
}

/**
 * `fbc` / `fbp`: cookie values go out verbatim. The click id inside `fbc` is case-sensitive, so
 * nothing is lowercased; a value that is not shaped like Meta's cookie is dropped, not repaired.
 */
function normalizeFbCookie(name: 'fbc' | 'fbp', shape: string) {
  return (text: string): NormalizeResult => {
    const cookie = text.trim();
    return FB_COOKIE.test(cookie) ? kept(cookie) : dropped(`${name} is not shaped ${shape}`);
  };
}

export const normalizeFbc = normalizeFbCookie('fbc', 'fb.<subdomain>.<time>.<click id>');
export const normalizeFbp = normalizeFbCookie('fbp', 'fb.<subdomain>.<time>.<random number>');
