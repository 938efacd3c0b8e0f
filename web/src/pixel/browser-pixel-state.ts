/**
 * Whether Meta's own browser pixel also runs on the storefront, for the health route. The app cannot
 * see other apps' pixels (Shopify sandboxes each one, and the Admin API lists only the app's own web
 * pixel), nor which code runs on the theme. What it can see is Meta's `_fbp` cookie, which only Meta's
 * browser pixel sets: when the shop's recent events carry an fbp, some Meta browser pixel is there.
 * If that is the Facebook & Instagram sales channel's pixel (or any pixel not using the custom pixel
 * snippet from the README), its browser events carry their own event IDs, which Meta cannot match
 * against ours: every such event would be counted twice.
 */
import type { OutboxEventLog } from '@capi-relay/core';

/** Recent enough to describe the storefront as it is, few enough for one indexed read. */
const RECENT_EVENTS = 100;

export interface BrowserPixelState {
  metaBrowserPixelSeen: boolean;
  warning: string | null;
}

export const META_BROWSER_PIXEL_WARNING =
  "Meta's browser pixel runs on this storefront (its _fbp cookie reaches these events). If it is Meta's Facebook & Instagram " +
  'sales channel pixel, or any Meta pixel not set up with the custom pixel snippet from the CAPI Relay README, its browser events ' +
  "carry other event IDs than this app's and Meta counts them twice. Turn off that pixel's data sharing for Purchase, " +
  'InitiateCheckout and AddToCart (or remove it), or replace it with the snippet, which sends the same event IDs.';

export async function browserPixelState(events: Pick<OutboxEventLog, 'listEvents'>, storeId: string): Promise<BrowserPixelState> {
  const recent = await events.listEvents({ storeId, limit: RECENT_EVENTS });
  const seen = recent.some((event) => event.userDataKeys.includes('fbp'));
  return { metaBrowserPixelSeen: seen, warning: seen ? META_BROWSER_PIXEL_WARNING : null };
}
