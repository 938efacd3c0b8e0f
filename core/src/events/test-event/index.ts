import { randomUUID } from 'node:crypto';
import { buildEvent } from '../build-event';
import type { BuiltEvent, EventDefinition } from '../definition';

/** What "Send test event" knows when a merchant presses it. */
export interface TestEventInput {
  /** The store's id or domain. Becomes the (hashed) external_id, so the test names the store, not a shopper. */
  storeRef: string;
  /** The admin's own browser user agent: Meta requires one on website events. */
  userAgent: string | undefined;
  /** The storefront page the event claims to happen on. */
  pageUrl: string;
  now: Date;
}

interface TestEventSource extends TestEventInput {
  eventId: string;
}

/**
 * A PageView, not a Purchase: events sent with a test event code still reach the dataset (Meta does
 * not sandbox them), so a fake purchase would count as the merchant's revenue.
 */
const testEvent: EventDefinition<TestEventSource> = {
  eventName: 'PageView',
  eventId: (test) => test.eventId,
  sourceId: () => 'test-event',
  tokens: () => ({}),
  occurredAt: (test) => test.now,
  actionSource: () => 'website',
  identity: (test) => ({
    // Prefixed so the store's test identity can never equal a real customer's external_id.
    customer: { id: `capi-relay-test:${test.storeRef}` },
    browser: { userAgent: test.userAgent, pageUrl: test.pageUrl },
  }),
  value: () => undefined,
  lines: () => [],
};

export function buildTestEvent(input: TestEventInput): BuiltEvent {
  // A new id on every press: Meta deduplicates by event_id, so a repeated test would not show up again.
  return buildEvent(testEvent, { ...input, eventId: `test:${randomUUID()}` }, { now: input.now });
}
