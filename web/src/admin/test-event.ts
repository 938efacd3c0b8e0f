/**
 * The event behind "Send test event": a PageView on the shop's storefront, with the merchant's own
 * browser user agent and a per-shop external_id. A PageView, not a Purchase, because events sent
 * with a test event code still reach the dataset (Meta does not sandbox them): a fake purchase
 * would count as revenue.
 */
import { randomUUID } from 'node:crypto';
import { buildEvent, type EventDefinition, type ServerEvent } from '@capi-relay/core';

interface ConnectionTest {
  shop: string;
  userAgent: string | undefined;
  at: Date;
  eventId: string;
}

const connectionTestEvent: EventDefinition<ConnectionTest> = {
  eventName: 'PageView',
  eventId: (test) => test.eventId,
  sourceId: () => 'test-event',
  occurredAt: (test) => test.at,
  actionSource: () => 'website',
  identity: (test) => ({
    customer: { id: `capi-relay-test:${test.shop}` },
    browser: { userAgent: test.userAgent, pageUrl: `https://${test.shop}/` },
  }),
  value: () => undefined,
  lines: () => [],
};

export function buildTestEvent(shop: string, userAgent: string | undefined, now: Date): ServerEvent {
  return buildEvent(connectionTestEvent, { shop, userAgent, at: now, eventId: `test:${randomUUID()}` }, { now }).event;
}
