import type { ServerEvent } from '../../meta/wire';
import type { Consent } from '../../model/commerce';
import { type PixelConfigRecord, TOGGLEABLE_EVENTS, type ToggleableEvent } from '../../settings/port';
import type { ValidationCode, ValidationIssue } from '../../validate';
import type { NotSentReason } from '../port';

/** Reasons an adapter can know before planning: facts about the event's origin, not about Meta. */
export type AdapterSkipReason = Extract<NotSentReason, 'test_order' | 'needs_browser_context' | 'no_consent' | 'store_uninstalled'>;

export interface PlanSkip {
  reason: AdapterSkipReason;
  /** Merchant-readable; shown in the event log. */
  detail: string;
}

export type Verdict =
  | { status: 'queued' }
  | { status: 'skipped' | 'expired'; reason: NotSentReason; detail: string };

/** What only the visitor's browser can tell us; the storefront pixel reports it after the fact. */
const BROWSER_CONTEXT_CODES: ReadonlySet<ValidationCode> = new Set(['missing_source_url', 'missing_user_agent']);

function skipped(reason: NotSentReason, detail: string): Verdict {
  return { status: 'skipped', reason, detail };
}

function isToggleable(eventName: string): eventName is ToggleableEvent {
  return (TOGGLEABLE_EVENTS as readonly string[]).includes(eventName);
}

export interface VerdictInput {
  event: ServerEvent;
  pixel: PixelConfigRecord;
  issues: ValidationIssue[];
  consent?: Consent;
  skip?: PlanSkip;
}

/**
 * Whether one event goes to one pixel, and if not, why. Facts about the event's origin come first,
 * then the merchant's settings, then what Meta would refuse: the first reason that applies is the one
 * a merchant can act on.
 */
export function deliveryVerdict({ event, pixel, issues, consent, skip }: VerdictInput): Verdict {
  if (skip) return skipped(skip.reason, skip.detail);
  if (consent?.marketing === false) {
    return skipped('no_consent', 'The shopper declined marketing tracking, so this event is not sent to Meta.');
  }
  if (!pixel.enabled) return skipped('disabled', 'Sending to this pixel is turned off in settings.');
  if (isToggleable(event.event_name) && !pixel.events[event.event_name]) {
    return skipped('disabled', `Sending ${event.event_name} events is turned off in settings.`);
  }
  if (!pixel.pixelId || !pixel.accessTokenCiphertext) {
    return skipped('no_pixel', 'The pixel ID or the access token is missing in settings, so the event was kept here but not sent.');
  }
  const tooOld = issues.find((issue) => issue.code === 'too_old');
  if (tooOld) return { status: 'expired', reason: 'too_old', detail: tooOld.message };
  const blocking = issues.filter((issue) => !BROWSER_CONTEXT_CODES.has(issue.code));
  if (blocking.length > 0) return skipped('invalid', joinMessages(blocking));
  if (issues.length > 0) {
    return skipped(
      'needs_browser_context',
      `${joinMessages(issues)} The storefront pixel reports these when the shopper's browser sees the event.`,
    );
  }
  return { status: 'queued' };
}

function joinMessages(issues: ValidationIssue[]): string {
  return issues.map((issue) => issue.message).join(' ');
}
