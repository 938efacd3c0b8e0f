/**
 * Middleware on `POST /store/carts`: a cart created with items is an AddToCart, but its id exists only
 * once Medusa's route has run, so this request's browser context cannot be saved before it. The
 * middleware reads the id from the route's answer, saves the context after a success, and only then
 * emits our event for the cart subscriber, so the AddToCart it builds carries the context.
 * (`cart.created` is not subscribed for the same reason: it would race this save.)
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import type { IEventBusModuleService } from '@medusajs/framework/types';
import { Modules } from '@medusajs/framework/utils';

import { resolveRuntime } from '../runtime/resolve-runtime';
import { browserContextOf } from './request-browser-context';

export const CART_CREATED_EVENT = 'capi-relay.cart-created';

function cartIdOf(body: unknown): string | undefined {
  const cart = typeof body === 'object' && body !== null ? (body as { cart?: { id?: unknown } }).cart : undefined;
  return typeof cart?.id === 'string' ? cart.id : undefined;
}

export function captureCreatedCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const now = new Date();
  let cartId: string | undefined;
  const answer = res.json.bind(res);
  res.json = (body: unknown) => {
    cartId = cartIdOf(body);
    return answer(body);
  };
  res.on('finish', () => {
    if (res.statusCode !== 200 || !cartId) return;
    const created = cartId;
    const runtime = resolveRuntime(req.scope);
    const eventBus = req.scope.resolve<IEventBusModuleService>(Modules.EVENT_BUS);
    runtime.db.carts
      .saveBrowserContext(runtime.store.id, { cartToken: created }, browserContextOf(req, now))
      .catch((error: unknown) => runtime.logger.error({ cartId: created, error: (error as Error).message }, 'browser context of a new cart not saved'))
      .then(() => eventBus.emit({ name: CART_CREATED_EVENT, data: { id: created } }))
      .catch((error: unknown) => runtime.logger.error({ cartId: created, error: (error as Error).message }, 'new cart event not emitted'));
  });
  next();
}
