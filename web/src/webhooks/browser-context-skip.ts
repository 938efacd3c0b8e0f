/**
 * Webhooks cannot see the shopper's browser: cart and checkout payloads carry no user agent, page
 * or IP, and cart payloads no customer either. Such an event is not broken, it is waiting for the
 * storefront pixel. The planner says so (needs_browser_context) when browser data is all that is
 * missing, but calls the event invalid when the missing browser data also leaves too little
 * customer information, although the pixel's IP, user agent and cookies would cure that too.
 * This turns exactly those verdicts into needs_browser_context; settings-based reasons (disabled,
 * no pixel) and any other problem keep the planner's word.
 */
import { type BuiltEvent, type NewOutboxEvent, type PlanSkip, type ValidationCode, validateEvent } from '@capi-relay/core';

const BROWSER_CONTEXT: ReadonlySet<ValidationCode> = new Set(['missing_source_url', 'missing_user_agent']);
const CURED_BY_BROWSER_CONTEXT: ReadonlySet<ValidationCode> = new Set([...BROWSER_CONTEXT, 'insufficient_user_data']);

export function browserContextSkip(planned: NewOutboxEvent[], built: BuiltEvent[], now: Date): PlanSkip | undefined {
  if (planned.length === 0 || !planned.every((row) => row.reason === 'invalid')) return undefined;
  const waiting = built.filter((entry) => {
    const codes = validateEvent(entry.event, { now }).map((issue) => issue.code);
    return codes.some((code) => BROWSER_CONTEXT.has(code)) && codes.every((code) => CURED_BY_BROWSER_CONTEXT.has(code));
  });
  // One delivery's events share one browser context: all wait for it, or none does.
  if (waiting.length === 0 || waiting.length !== built.length) return undefined;
  return {
    reason: 'needs_browser_context',
    detail:
      'Shopify does not send the shopper’s browser details (user agent, page, IP) with this webhook. ' +
      'The storefront pixel reports them when the shopper’s browser sees the event.',
  };
}
