/**
 * The InitiateCheckout fallback: the first time a cart update carries an email or an address, the
 * shopper has reached checkout. Medusa has no event for that, and cart.updated fires for every change,
 * so this middleware on `POST /store/carts/:id` emits our own event once Medusa's route succeeded; a
 * subscriber builds the event (once per cart: the event id is the cart's).
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import type { IEventBusModuleService } from '@medusajs/framework/types';
import { Modules } from '@medusajs/framework/utils';

import { resolveRuntime } from '../runtime/resolve-runtime';

export const CHECKOUT_DETAILS_EVENT = 'capi-relay.checkout-details-added';

function carriesCheckoutDetails(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { email, shipping_address: shipping, billing_address: billing } = body as Record<string, unknown>;
  return Boolean(email || shipping || billing);
}

export function emitOnCheckoutDetails(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const cartId = req.params.id;
  if (cartId && carriesCheckoutDetails(req.body)) {
    res.on('finish', () => {
      if (res.statusCode !== 200) return;
      const eventBus = req.scope.resolve<IEventBusModuleService>(Modules.EVENT_BUS);
      eventBus.emit({ name: CHECKOUT_DETAILS_EVENT, data: { id: cartId } }).catch((error: unknown) => {
        resolveRuntime(req.scope).logger.error({ cartId, error: (error as Error).message }, 'InitiateCheckout fallback event not emitted');
      });
    });
  }
  next();
}
