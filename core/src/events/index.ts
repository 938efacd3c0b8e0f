export type { BuildContext, BuiltEvent, EventDefinition, IdentitySources, SkippedLine, SourceTokens } from './definition';
export { buildEvent } from './build-event';
export { eventIds } from './event-ids';
export { buildPurchase, purchaseEvent } from './purchase';
export { buildInitiateCheckout, initiateCheckoutEvent } from './initiate-checkout';
export { buildAddToCart, addToCartEvent, diffCartLines, type CartAddition, type CartLineDelta } from './add-to-cart';
export { buildTestEvent, type TestEventInput } from './test-event';
export { buildViewContent, viewContentEvent } from './view-content';
export { buildAddPaymentInfo, addPaymentInfoEvent } from './add-payment-info';
