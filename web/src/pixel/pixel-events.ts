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
} from '@capi-relay/core';

import type { PixelReport } from './pixel-report';

export function pixelEvents(report: PixelReport, browser: BrowserContext, purchaseTrigger: PurchaseTrigger, now: Date): BuiltEvent[] {
  const ctx = { now };
  const { checkoutToken, total, lineItems, occurredAt } = report;
  switch (report.event) {
    case 'product_viewed': {
      const [line] = lineItems;
      return line ? [buildViewContent({ id: report.id, occurredAt, line, browser }, ctx)] : [];
    }
    case 'checkout_started':
      return checkoutToken && total ? [buildInitiateCheckout({ token: checkoutToken, createdAt: occurredAt, total, lineItems, browser, ...cart(report) }, ctx)] : [];
    case 'payment_info_submitted':
      return checkoutToken ? [buildAddPaymentInfo({ checkoutToken, occurredAt, lineItems, browser, ...(total ? { total } : {}) }, ctx)] : [];
    case 'checkout_completed':
      // Paid-only Purchases come from orders/paid alone: an order completed unpaid must not count.
      if (!report.orderId || !total || purchaseTrigger === 'order_paid') return [];
      return [buildPurchase({ id: report.orderId, createdAt: occurredAt, channel: 'online', total, lineItems, browser, ...(checkoutToken ? { checkoutToken } : {}), ...cart(report) }, ctx)];
    case 'page_viewed':
    case 'product_added_to_cart':
      return [];
  }
}

function cart(report: PixelReport): { cartToken?: string } {
  return report.cartToken ? { cartToken: report.cartToken } : {};
}
