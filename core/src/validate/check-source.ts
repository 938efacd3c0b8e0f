import { ACTION_SOURCES, type ServerEvent } from '../meta/wire';
import type { ValidationIssue } from './issues';

function isKnownActionSource(source: string): boolean {
  return (ACTION_SOURCES as readonly string[]).includes(source);
}

/** `host` is an allowed host or one of its subdomains (`www.shop.com` is on `shop.com`). */
function isOnHost(host: string, allowedHosts: string[]): boolean {
  return allowedHosts.some((allowed) => {
    const wanted = allowed.trim().toLowerCase();
    return host === wanted || host.endsWith(`.${wanted}`);
  });
}

/** Messages name only the host: full page URLs can carry order keys or customer details. */
function checkSourceUrl(url: string, allowedHosts: string[] | undefined): ValidationIssue[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field: 'event_source_url', code: 'bad_source_url', message: 'The page address is not an absolute URL; Meta needs the full https:// address of the page.' }];
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return [{ field: 'event_source_url', code: 'bad_source_url', message: `The page address uses "${parsed.protocol}"; Meta needs an http(s) address.` }];
  }
  if (allowedHosts && !isOnHost(parsed.hostname.toLowerCase(), allowedHosts)) {
    return [{
      field: 'event_source_url',
      code: 'bad_source_url',
      message: `The page is on ${parsed.hostname}, which is not one of the shop's domains (${allowedHosts.join(', ')}). Meta expects events from the domain verified for the pixel.`,
    }];
  }
  return [];
}

/** action_source, and what website events additionally need: the page URL and the browser's user agent. */
export function checkSource(event: ServerEvent, allowedHosts: string[] | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isKnownActionSource(event.action_source)) {
    issues.push({
      field: 'action_source',
      code: 'bad_action_source',
      message: `"${String(event.action_source)}" is not an action source Meta accepts (${ACTION_SOURCES.join(', ')}).`,
    });
  }
  if (event.event_source_url !== undefined) {
    issues.push(...checkSourceUrl(event.event_source_url, allowedHosts));
  }
  if (event.action_source === 'website') {
    if (event.event_source_url === undefined) {
      issues.push({
        field: 'event_source_url',
        code: 'missing_source_url',
        message: 'Website events need the address of the page where the action happened, and none was captured for this event.',
      });
    }
    if (!event.user_data.client_user_agent) {
      issues.push({
        field: 'user_data.client_user_agent',
        code: 'missing_user_agent',
        message: "Website events need the shopper's browser user agent, and none was captured for this event.",
      });
    }
  }
  return issues;
}
