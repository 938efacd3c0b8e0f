/**
 * A verified pixel report, recorded: the browser context filed under the report's cart and checkout
 * (so the webhooks that follow find it), the report's own browser events planned, and the stored
 * events of the same cart, checkout or order that were waiting for this browser context completed
 * with it. A shopper who refused marketing leaves only that refusal: no IP, user agent or cookies.
 */
import { type BrowserContext, DEFAULT_PURCHASE_TRIGGER, type Engine, saveBrowserReport } from '@capi-relay/core';
import type { Database, StoreRecord } from '@capi-relay/db';

import { definedOnly } from '../shopify/mappers/payload-reader';
import { UNINSTALLED } from '../webhooks/record-store-events';
import { pixelEvents } from './pixel-events';
import type { PixelReport } from './pixel-report';

export interface PixelContext {
  db: Pick<Database, 'outbox' | 'pixels' | 'carts'>;
  engine: Pick<Engine, 'enqueue' | 'completeWithBrowser'>;
  now: () => Date;
}

/** What one report did, for its log line (counts and ids, never the shopper's data). */
export interface PixelOutcome {
  event: string;
  contextSaved: boolean;
  inserted: number;
  stitched: number;
  duplicateEvents: number;
  refused: boolean;
}

export async function recordPixelReport(ctx: PixelContext, store: StoreRecord, report: PixelReport, clientIp: string | undefined): Promise<PixelOutcome> {
  const now = ctx.now();
  const refused = report.consent?.marketing === false;
  const browser = refused ? { consent: report.consent } : browserContext(report, clientIp);
  const keys = definedOnly({ cartToken: report.cartToken, checkoutToken: report.checkoutToken });
  const contextSaved = await saveBrowserReport(ctx.db.carts, store.id, keys, browser, report.customerId);

  const pixels = await ctx.db.pixels.listByStore(store.id);
  const stores = { outbox: ctx.db.outbox, pixels: ctx.db.pixels };
  const common = { storeId: store.id, pixels, now, shopCountry: store.country, ...(report.consent ? { consent: report.consent } : {}), ...(store.uninstalledAt ? { skip: UNINSTALLED } : {}) };
  const { built, awaitingTwin } = pixelEvents(report, browser, pixels[0]?.purchaseTrigger ?? DEFAULT_PURCHASE_TRIGGER, now);
  const own = await ctx.engine.enqueue(stores, null, { ...common, built, ...(awaitingTwin ? { awaitingTwin } : {}) });
  const sourceIds = [report.cartToken, report.checkoutToken, report.orderId].filter((id): id is string => id !== undefined);
  const completed = await ctx.engine.completeWithBrowser(stores, { ...common, sourceIds, browser });
  return {
    event: report.event,
    contextSaved,
    inserted: own.inserted + completed.inserted,
    stitched: own.stitched + completed.stitched,
    duplicateEvents: own.duplicateEvents + completed.duplicateEvents,
    refused,
  };
}

function browserContext(report: PixelReport, clientIp: string | undefined): BrowserContext {
  return definedOnly({
    ipAddress: clientIp,
    userAgent: report.userAgent,
    fbp: report.fbp,
    fbc: report.fbc,
    fbclid: report.fbclid,
    // The click id was in the URL the shopper landed on when this page was viewed.
    fbclidSeenAt: report.fbclid ? report.occurredAt : undefined,
    pageUrl: report.pageUrl,
    referrerUrl: report.referrerUrl,
    consent: report.consent,
  });
}
