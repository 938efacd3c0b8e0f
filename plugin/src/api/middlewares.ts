import { defineMiddlewares } from '@medusajs/framework/http';

import { captureCartContext } from '../capture/capture-cart-context';
import { captureCreatedCart } from '../capture/capture-created-cart';
import { emitOnCheckoutDetails } from '../capture/checkout-fallback';

export default defineMiddlewares({
  routes: [
    { matcher: '/store/carts', method: ['POST'], middlewares: [captureCreatedCart] },
    { matcher: '/store/carts/:id', method: ['POST'], middlewares: [captureCartContext, emitOnCheckoutDetails] },
    { matcher: '/store/carts/:id/line-items', method: ['POST'], middlewares: [captureCartContext] },
    { matcher: '/store/carts/:id/complete', method: ['POST'], middlewares: [captureCartContext] },
  ],
});
