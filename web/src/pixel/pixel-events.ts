/**
 * The events a pixel report is the browser half of. Checkout and order events carry the ids the
 * webhooks build too (`initiate_checkout:<token>`, `purchase:<order id>`), so the outbox stitches the
 * two halves into one; ViewContent and AddPaymentInfo exist only in the browser. AddToCart has no
 * browser half of its own: its id needs the cart line's key and resulting quantity, which only the
 * cart webhook knows, so the pixel's product_added_to_cart completes the webhook's row instead.
 */
import {
  type BrowserContext,
  buildAddPaymentInfo,
  buildInitiateCheckout,
  buildPurchase,
  buildViewContent,
  type BuiltEvent,
  type PurchaseTrigger,
  type TwinHalf,
} from '@capi-relay/core';

import type { PixelReport } from './pixel-report';

/** A report's own events, and the half they wait for: a webhook's, unless the event exists only in the browser. */
export interface PixelEvents {
  built: BuiltEvent[];
  awaitingTwin?: TwinHalf;
}

const NONE: PixelEvents = { built: [] };

export function pixelEvents(report: PixelReport, browser: BrowserContext, purchaseTrigger: PurchaseTrigger, now: Date): PixelEvents {
  const ctx = { now };
  const { checkoutToken, total, lineItems, occurredAt } = report;
  switch (report.event) {
    case 'product_viewed': {
      const [line] = lineItems;
      return line ? { built: [buildViewContent({ id: report.id, occurredAt, line, browser }, ctx)] } : NONE;
    }
    case 'checkout_started':
      if (!checkoutToken || !total) return NONE;
      return { built: [buildInitiateCheckout({ token: checkoutToken, createdAt: occurredAt, total, lineItems, browser, ...cart(report) }, ctx)], awaitingTwin: 'server' };
    case 'payment_info_submitted':
      return checkoutToken ? { built: [buildAddPaymentInfo({ checkoutToken, occurredAt, lineItems, browser, ...(total ? { total } : {}) }, ctx)] } : NONE;
    case 'checkout_completed': {
      // Paid-only Purchases come from orders/paid alone: an order completed unpaid must not count.
      if (!report.orderId || !total || purchaseTrigger === 'order_paid') return NONE;
      const order = { id: report.orderId, createdAt: occurredAt, channel: 'online' as const, total, lineItems, browser, ...(checkoutToken ? { checkoutToken } : {}), ...cart(report) };
      return { built: [buildPurchase(order, ctx)], awaitingTwin: 'server' };
    }
    case 'page_viewed':
    case 'product_added_to_cart':
      return NONE;
  }
}

function cart(report: PixelReport): { cartToken?: string } {
  return report.cartToken ? { cartToken: report.cartToken } : {};
}
