/**
 * cart.created / cart.updated -> one AddToCart per line added or increased. Medusa's event says only
 * that the cart changed, so the cart is diffed against our stored snapshot of it, and the new snapshot
 * is written in the same transaction as the events, only if no concurrent update moved the snapshot
 * on meanwhile (then the diff runs again): two updates of one cart must not both count the same units.
 */
import { buildAddToCart, CartSnapshotConflictError, diffCartLines, type RecordResult } from '@capi-relay/core';

import { mapMedusaCart } from '../mappers/map-medusa';
import type { MedusaCart } from '../mappers/medusa-types';
import type { PluginRuntime } from '../runtime/plugin-runtime';
import { withStorefrontPage } from './storefront-page';

const CONFLICT_ATTEMPTS = 5;

export async function recordCart(runtime: PluginRuntime, record: MedusaCart, now = new Date()): Promise<RecordResult | 'older'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await recordCartOnce(runtime, record, now);
    } catch (error) {
      if (!(error instanceof CartSnapshotConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
      runtime.logger.info({ cartId: record.id, attempt }, 'cart changed by a concurrent update; diffing again');
    }
  }
}

async function recordCartOnce(runtime: PluginRuntime, record: MedusaCart, now: Date): Promise<RecordResult | 'older'> {
  const { db, engine, store, stores, settings } = runtime;
  const cart = mapMedusaCart(record);
  const previous = await db.carts.get(store.id, cart.token);
  if (previous && previous.updatedAt.getTime() > cart.updatedAt.getTime()) return 'older';
  const withContext = { ...cart, browser: withStorefrontPage(previous?.browser, settings.storefrontUrl) };
  const built = diffCartLines(previous?.lines, cart.lines).map((delta) => buildAddToCart(withContext, delta, { now }));
  const customerRef = cart.customer?.id ?? previous?.customerRef;
  return engine.enqueue(
    stores,
    null,
    { storeId: store.id, built, now, ...(customerRef === undefined ? {} : { customerRef }) },
    {
      cartState: {
        storeId: store.id,
        cartToken: cart.token,
        lines: cart.lines,
        updatedAt: cart.updatedAt,
        ...(customerRef === undefined ? {} : { customerRef }),
      },
      cartStateBasedOn: previous ? (previous.version ?? null) : null,
    },
  );
}
