// CAPI Relay: Meta's browser pixel as a Shopify custom pixel, deduplicated against CAPI Relay.
// Paste into Shopify admin > Settings > Customer events > Add custom pixel, set PIXEL_ID, then
// Save and Connect. Every event it fires carries the eventID CAPI Relay's server event has, so
// Meta keeps one copy of each (same event name + event ID within 48 hours).
// Permission: "Marketing" (Customer privacy), like CAPI Relay's own pixel.
const PIXEL_ID = 'YOUR_PIXEL_ID';

// Meta's loader protocol: calls queue up until fbevents.js takes over.
(function (w, d) {
  if (w.fbq) return;
  const fbq = function () {
    if (fbq.callMethod) fbq.callMethod.apply(fbq, arguments);
    else fbq.queue.push(arguments);
  };
  fbq.push = fbq;
  fbq.loaded = true;
  fbq.version = '2.0';
  fbq.queue = [];
  w.fbq = fbq;
  if (!w._fbq) w._fbq = fbq;
  const script = d.createElement('script');
  script.async = true;
  script.src = 'https://connect.facebook.net/en_US/fbevents.js';
  d.head.appendChild(script);
})(window, document);

window.fbq('init', PIXEL_ID);

// gid://shopify/OrderIdentity/123 -> 123, as CAPI Relay's event IDs have it.
function numericId(id) {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/([^/?#]+)/.exec(id || '');
  return match ? match[1] : id;
}

function checkoutData(checkout) {
  const lines = (checkout.lineItems || []).filter((line) => line.variant);
  return {
    value: checkout.totalPrice && checkout.totalPrice.amount,
    currency: (checkout.totalPrice && checkout.totalPrice.currencyCode) || checkout.currencyCode,
    content_ids: lines.map((line) => numericId(line.variant.id)),
    contents: lines.map((line) => ({ id: numericId(line.variant.id), quantity: line.quantity })),
    content_type: 'product',
    num_items: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

analytics.subscribe('page_viewed', () => {
  window.fbq('track', 'PageView');
});

analytics.subscribe('product_viewed', (event) => {
  const variant = event.data.productVariant;
  window.fbq(
    'track',
    'ViewContent',
    { content_ids: [numericId(variant.id)], content_type: 'product', value: variant.price.amount, currency: variant.price.currencyCode },
    { eventID: 'view_content:' + event.id },
  );
});

analytics.subscribe('checkout_started', (event) => {
  const checkout = event.data.checkout;
  window.fbq('track', 'InitiateCheckout', checkoutData(checkout), { eventID: 'initiate_checkout:' + checkout.token });
});

analytics.subscribe('payment_info_submitted', (event) => {
  const checkout = event.data.checkout;
  window.fbq('track', 'AddPaymentInfo', checkoutData(checkout), { eventID: 'add_payment_info:' + checkout.token });
});

analytics.subscribe('checkout_completed', (event) => {
  const checkout = event.data.checkout;
  const orderId = checkout.order && numericId(checkout.order.id);
  if (!orderId) return;
  window.fbq('track', 'Purchase', Object.assign(checkoutData(checkout), { order_id: orderId }), { eventID: 'purchase:' + orderId });
});

// No AddToCart here: CAPI Relay's AddToCart event ID needs the cart line's key and the quantity the
// line reached, which the browser does not know, so a browser AddToCart could not deduplicate and
// would count twice. The server sends every AddToCart.
