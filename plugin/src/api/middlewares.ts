import { defineMiddlewares } from '@medusajs/framework/http';

import { captureCartContext } from '../capture/capture-cart-context';
import { emitOnCheckoutDetails } from '../capture/checkout-fallback';

export default defineMiddlewares({
  routes: [
    { matcher: '/store/carts/:id', method: ['POST'], middlewares: [captureCartContext, emitOnCheckoutDetails] },
    { matcher: '/store/carts/:id/line-items', method: ['POST'], middlewares: [captureCartContext] },
    { matcher: '/store/carts/:id/complete', method: ['POST'], middlewares: [captureCartContext] },
  ],
});
