import type { BrowserContext } from '@capi-relay/core';

/**
 * The payload's own browser traces, completed by what the storefront pixel stored for the same cart
 * or checkout. The payload wins key by key: it describes this very order or checkout.
 */
export function completeBrowserContext(
  fromPayload: BrowserContext | undefined,
  stored: BrowserContext | undefined,
): BrowserContext | undefined {
  if (!stored) return fromPayload;
  const merged: BrowserContext = { ...stored };
  for (const [key, value] of Object.entries(fromPayload ?? {})) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}
