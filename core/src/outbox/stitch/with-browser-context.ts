import { rawUserDataFrom } from '../../events/user-data';
import type { ServerEvent } from '../../meta/wire';
import type { BrowserContext } from '../../model/commerce';
import { hashUserData } from '../../normalize';
import { mergeServerEvents } from './merge-server-events';

/**
 * A stored event completed with what the storefront pixel saw afterwards: IP address, user agent,
 * fbp and fbc (normalized as the builder does), page and referrer. What the event already carries
 * stays; the browser only fills gaps.
 */
export function withBrowserContext(event: ServerEvent, browser: BrowserContext): ServerEvent {
  const { raw, context } = rawUserDataFrom({ browser }, new Date(event.event_time * 1000));
  const { userData } = hashUserData(raw, context);
  const browserHalf: ServerEvent = {
    ...event,
    user_data: userData,
    ...(browser.pageUrl ? { event_source_url: browser.pageUrl } : {}),
    ...(browser.referrerUrl ? { referrer_url: browser.referrerUrl } : {}),
  };
  return mergeServerEvents(event, browserHalf);
}
