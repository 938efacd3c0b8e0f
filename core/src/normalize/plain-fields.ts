import { isIP } from 'node:net';
import { dropped, kept, type NormalizeResult } from './result';

/** Meta's Parameter Builder appends `.<appendix>` to IPs and cookies; such values go out as is. */
const APPENDIX = /\.[A-Za-z0-9]{2,8}$/;

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
