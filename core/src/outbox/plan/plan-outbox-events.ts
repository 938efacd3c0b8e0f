import type { BuiltEvent } from '../../events';
import type { ServerEvent } from '../../meta/wire';
import type { DroppedField } from '../../normalize';
import type { Consent } from '../../model/commerce';
import { hasConsentSignal, noSignalDecision } from '../../settings/consent-policy';
import type { PixelConfigRecord } from '../../settings/port';
import { validateEvent } from '../../validate';
import type { NewOutboxEvent, NotSentReason, TwinHalf } from '../port';
import { deliveryVerdict, type PlanSkip, type Verdict } from './delivery-verdict';
import { withLimitedDataUse } from './limited-data-use';

export interface PlanInput {
  storeId: string;
  /** The store's pixel configurations; empty when none is set up yet. */
  pixels: PixelConfigRecord[];
  built: BuiltEvent[];
  /** Platform customer id, kept on each row so a customer's rows can be deleted on request. */
  customerRef?: string;
  /** The clock validation judges event age by. */
  now: Date;
  /** The visitor's consent signal, when the storefront sent one. */
  consent?: Consent;
  /**
   * The shop's own country (ISO alpha-2) when the platform told us: with no consent signal, it sets
   * the default of each pixel's policy for such events. Absent or null: the region is unknown.
   */
  shopCountry?: string | null;
  /** The adapter already knows these events must not be sent (a test order, no consent, ...). */
  skip?: PlanSkip;
  /**
   * The half these website events lack and may still get: `browser` for a webhook's event with no
   * pixel report yet, `server` for the pixel's event with no webhook yet. A queued row then waits up
   * to `stitchWaitMs` for its twin (see stitchTwin) before it is sent with what it has.
   */
  awaitingTwin?: TwinHalf;
  /** How long a queued row waits for its twin; 0 (the default) sends at once. */
  stitchWaitMs?: number;
}

/**
 * Turns freshly built events into outbox rows: one per pixel per event, each either queued for
 * delivery or kept with the reason it will not be sent, so the merchant's event log explains every
 * event and nothing disappears silently.
 */
export function planOutboxEvents(input: PlanInput): NewOutboxEvent[] {
  return input.built.flatMap((built) => {
    if (input.pixels.length === 0) {
      return [rowFor(input, built, null, { status: 'skipped', reason: 'no_pixel', detail: NO_PIXEL_DETAIL })];
    }
    const issues = validateEvent(built.event, { now: input.now });
    const signalled = hasConsentSignal(input.consent);
    return input.pixels.map((pixel) => {
      const noSignal = signalled ? undefined : noSignalDecision(pixel.noConsentSignal, input.shopCountry);
      const event = withLimitedDataUse(built.event, pixel.limitedDataUse, input.consent, noSignal?.policy === 'limited_data_use');
      const verdict = deliveryVerdict({ event, pixel, issues, consent: input.consent, noSignal, skip: input.skip });
      return rowFor(input, { ...built, event }, pixel.id, verdict);
    });
  });
}

const NO_PIXEL_DETAIL = 'No Meta pixel is set up for this store yet, so the event was kept here but not sent.';

function rowFor(input: PlanInput, built: BuiltEvent, pixelConfigId: string | null, verdict: Verdict): NewOutboxEvent {
  const { event } = built;
  const waitMs = input.stitchWaitMs ?? 0;
  // Only a website event has a browser twin, and with no wait there is nothing to wait for.
  const awaitingTwin = input.awaitingTwin && event.action_source === 'website' && waitMs > 0 ? input.awaitingTwin : undefined;
  return {
    storeId: input.storeId,
    pixelConfigId,
    eventName: event.event_name,
    eventId: event.event_id,
    sourceId: built.sourceId,
    ...(input.customerRef === undefined ? {} : { customerRef: input.customerRef }),
    ...(built.tokens.cartToken === undefined ? {} : { cartToken: built.tokens.cartToken }),
    ...(built.tokens.checkoutToken === undefined ? {} : { checkoutToken: built.tokens.checkoutToken }),
    eventTime: new Date(event.event_time * 1000),
    payload: event,
    status: verdict.status,
    ...(verdict.status === 'queued' ? {} : { reason: verdict.reason satisfies NotSentReason, reasonDetail: verdict.detail }),
    userDataKeys: userDataKeysOf(event),
    droppedUserData: distinctDropped(built.dropped),
    ...(awaitingTwin ? { awaitingTwin } : {}),
    ...(awaitingTwin && verdict.status === 'queued' ? { dueAt: new Date(input.now.getTime() + waitMs) } : {}),
    ...(hasConsentSignal(input.consent) ? {} : { withoutConsentSignal: true as const }),
  };
}

/** Two emails refused for the same rule say so once: the log explains keys, it does not count values. */
export function distinctDropped(dropped: DroppedField[]): DroppedField[] {
  const seen = new Set<string>();
  return dropped.filter(({ field, reason }) => {
    const key = `${field}\n${reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Names of the user_data keys that carry a value: what the event log shows instead of the values. */
export function userDataKeysOf(event: ServerEvent): string[] {
  return Object.entries(event.user_data)
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== ''))
    .map(([key]) => key)
    .sort();
}
