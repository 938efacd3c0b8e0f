/**
 * Reports per client address per minute. A shopper's browser posts one per page view plus one per
 * cart or checkout step; shoppers behind one carrier-grade NAT share an address, hence the headroom.
 */
export const PIXEL_RATE_LIMIT = { limit: 120, windowMs: 60_000 };
