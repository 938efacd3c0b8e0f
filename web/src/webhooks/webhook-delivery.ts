/** A webhook delivery that passed the HMAC check and carries the headers we route and dedupe on. */
export interface WebhookDelivery {
  /** `orders/create`, as in `X-Shopify-Topic`. */
  topic: string;
  /** The shop's myshopify domain, from `X-Shopify-Shop-Domain`. */
  shop: string;
  /** `X-Shopify-Webhook-Id`: one per delivery, stable across Shopify's retries. */
  webhookId: string;
  /** The body, parsed with big ids kept exact. */
  payload: unknown;
}

/** What a topic handler did, for the delivery's log line (ids and counts only). */
export interface WebhookOutcome {
  action: string;
  duplicateDelivery?: boolean;
  inserted?: number;
  duplicateEvents?: number;
  detail?: string;
}

export type WebhookHandler = (delivery: WebhookDelivery) => Promise<WebhookOutcome>;
