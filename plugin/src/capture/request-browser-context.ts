/**
 * What a Store API request tells us about the shopper's browser: IP address, user agent, Meta's
 * `_fbp`/`_fbc` cookies, the page (Referer, or the address the storefront names) and a click id on it.
 * A storefront that calls Medusa from its own server must forward these (see the README).
 */
import type { BrowserContext } from '@capi-relay/core';

export interface RequestLike {
  ip?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

function header(request: RequestLike, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.trim() !== '' ? first : undefined;
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return value === '' ? undefined : decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function absoluteUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param pageUrl the page the storefront says the shopper is on; the Referer header otherwise.
 * @param now when the click id (if any) was seen.
 */
export function browserContextOf(request: RequestLike, now: Date, pageUrl?: string): BrowserContext {
  const cookies = header(request, 'cookie');
  const page = absoluteUrl(pageUrl) ?? absoluteUrl(header(request, 'referer'));
  const fbclid = page?.searchParams.get('fbclid') ?? undefined;
  const context: BrowserContext = {
    ipAddress: request.ip,
    userAgent: header(request, 'user-agent'),
    fbp: readCookie(cookies, '_fbp'),
    fbc: readCookie(cookies, '_fbc'),
    pageUrl: page?.toString(),
    ...(fbclid ? { fbclid, fbclidSeenAt: now } : {}),
  };
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) as BrowserContext;
}
