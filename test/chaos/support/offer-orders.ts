/** A steady load: orders offered at a rate, in ticks of 100 ms, as many as a tick's share of the rate. */

export interface OfferedOrder {
  shop: string;
  /** Shopify-sized (18 digits), starting with `idPrefix`, so two scenarios' orders never share an id. */
  orderId: string;
  /** 1, 2, ...: lets a scenario vary what it does with every nth order. */
  sequence: number;
}

export interface OfferOptions {
  seconds: number;
  /** Orders a second. */
  rate: number;
  shops: readonly string[];
  idPrefix: string;
  offer: (order: OfferedOrder) => void;
}

const TICK_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs for `seconds`, calling `offer` without waiting for it; resolves with how many orders were offered. */
export async function offerOrders({ seconds, rate, shops, idPrefix, offer }: OfferOptions): Promise<number> {
  let sequence = 0;
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    const tickStart = Date.now();
    for (let i = 0; i < Math.max(1, Math.round((rate * TICK_MS) / 1000)); i += 1) {
      sequence += 1;
      offer({ shop: shops[sequence % shops.length]!, orderId: `${idPrefix}${String(sequence).padStart(17, '0')}`, sequence });
    }
    await sleep(Math.max(0, TICK_MS - (Date.now() - tickStart)));
  }
  return sequence;
}
