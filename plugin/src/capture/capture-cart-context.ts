/**
 * Middleware on the Store API's cart routes: keeps what the request says about the shopper's browser
 * with our snapshot of the cart, before Medusa's route runs, so the AddToCart, InitiateCheckout and
 * Purchase built later from Medusa's events carry it. Saving it fails open: a shopper's cart request
 * never fails because of us (the event then waits as needs_browser_context, which the log shows).
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from '@medusajs/framework/http';

import { resolveRuntime } from '../runtime/resolve-runtime';
import { browserContextOf } from './request-browser-context';

export async function captureCartContext(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const cartId = req.params.id;
  if (cartId) {
    const runtime = resolveRuntime(req.scope);
    try {
      await runtime.db.carts.saveBrowserContext(runtime.store.id, { cartToken: cartId }, browserContextOf(req, new Date()));
    } catch (error) {
      runtime.logger.error({ cartId, error: (error as Error).message }, 'browser context of a cart request not saved');
    }
  }
  next();
}
