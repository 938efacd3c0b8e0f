import type { ServerEvent } from '../../meta/wire';
import type { Consent } from '../../model/commerce';
import type { NoSignalDecision } from '../../settings/consent-policy';
import { type PixelConfigRecord, TOGGLEABLE_EVENTS, type ToggleableEvent } from '../../settings/port';
import type { ValidationCode, ValidationIssue } from '../../validate';
import type { NotSentReason } from '../port';

/** Reasons an adapter can know before planning: facts about the event's origin, not about Meta. */
export type AdapterSkipReason = Extract<NotSentReason, 'test_order' | 'draft_order' | 'order_cancelled' | 'needs_browser_context' | 'no_consent' | 'store_uninstalled'>;

export interface PlanSkip {
  reason: AdapterSkipReason;
  /** Merchant-readable; shown in the event log. */
  detail: string;
}

export type Verdict =
  | { status: 'queued' }
  | { status: 'skipped' | 'expired'; reason: NotSentReason; detail: string };

/**
 * What only the visitor's browser can tell us, named for the merchant. Server-side sources (webhooks
 * for carts and checkouts) never carry these; the storefront pixel reports them after the fact.
 */
const BROWSER_CONTEXT: ReadonlyMap<ValidationCode, string> = new Map([
  ['missing_user_agent', "the shopper's browser user agent (client_user_agent)"],
  ['missing_source_url', 'the page address (event_source_url)'],
]);

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
  /** Present when the event came with no consent signal at all: the pixel's policy for that. */
  noSignal?: NoSignalDecision;
  skip?: PlanSkip;
}

/**
 * Whether one event goes to one pixel, and if not, why. Facts about the event's origin come first,
 * then the merchant's settings, then what Meta would refuse: the first reason that applies is the one
 * a merchant can act on. An expired event outranks one waiting for the browser: no browser context
 * can bring it back inside Meta's window.
 */
export function deliveryVerdict({ event, pixel, issues, consent, noSignal, skip }: VerdictInput): Verdict {
  if (skip) return skipped(skip.reason, skip.detail);
  if (consent?.marketing === false) {
    return skipped('no_consent', 'The shopper declined marketing tracking, so this event is not sent to Meta.');
  }
  if (noSignal?.policy === 'keep') return skipped('no_consent_signal', noSignalDetail(event, noSignal));
  if (!pixel.enabled) return skipped('disabled', 'Sending to this pixel is turned off in settings.');
  if (isToggleable(event.event_name) && !pixel.events[event.event_name]) {
    return skipped('disabled', `Sending ${event.event_name} events is turned off in settings.`);
  }
  if (!pixel.pixelId || !pixel.accessTokenCiphertext) {
    return skipped('no_pixel', 'The pixel ID or the access token is missing in settings, so the event was kept here but not sent.');
  }
  return validationVerdict(issues);
}

const REGION_REASONS: Record<NoSignalDecision['region'], string> = {
  eea_uk_ch: 'the default for a shop in the EEA, the UK or Switzerland, where marketing tracking needs consent first',
  us: 'the default for a shop in the United States',
  other: "the default for your shop's country",
  unknown: 'the default while your shop\'s country is unknown',
};

/** Why an event without a consent signal was kept, and what would still send it. */
function noSignalDetail(event: ServerEvent, noSignal: NoSignalDecision): string {
  const why = noSignal.chosen ? 'your consent setting keeps such events' : `keeping such events is ${REGION_REASONS[noSignal.region]}`;
  const later =
    event.action_source === 'website'
      ? " It is sent if the storefront pixel reports the shopper's consent later."
      : ' No browser reports consent for this kind of sale.';
  return `No consent signal came with this event (the storefront pixel had not reported the shopper's choice), and ${why}.${later} Change this under "Events without a consent signal" in settings.`;
}

/** What Meta's rules alone say of an event (the settings allowing it): sendable, too old, early or invalid. */
export function validationVerdict(issues: ValidationIssue[]): Verdict {
  const tooOld = issues.find((issue) => issue.code === 'too_old');
  if (tooOld) return { status: 'expired', reason: 'too_old', detail: tooOld.message };
  const waiting = browserContextWait(issues);
  if (waiting) return skipped('needs_browser_context', waiting);
  if (issues.length > 0) return skipped('invalid', issues.map((issue) => issue.message).join(' '));
  return { status: 'queued' };
}

/**
 * A website event that lacks only what the browser supplies is not broken, it is early. Too little
 * customer information counts as lacking it too: the pixel's IP address, user agent and Meta cookies
 * are each enough for Meta to match. Any other problem the browser cannot cure, so it stays invalid.
 */
function browserContextWait(issues: ValidationIssue[]): string | undefined {
  const missing = issues.flatMap((issue) => BROWSER_CONTEXT.get(issue.code) ?? []);
  if (missing.length === 0) return undefined;
  const others = issues.filter((issue) => !BROWSER_CONTEXT.has(issue.code));
  if (!others.every((issue) => issue.code === 'insufficient_user_data')) return undefined;
  const tooLittle = others.length > 0
    ? ' Without them the customer information is too little for Meta to match; the browser\'s IP address and cookies complete it.'
    : '';
  return (
    `This website event lacks ${missing.join(' and ')}.${tooLittle} ` +
    "The storefront pixel reports these when the shopper's browser sees the event."
  );
}
