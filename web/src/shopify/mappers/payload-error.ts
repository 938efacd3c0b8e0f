/** A Shopify payload lacks something the neutral model cannot do without. The message names the field. */
export class ShopifyPayloadError extends Error {
  override readonly name = 'ShopifyPayloadError';

  constructor(
    readonly field: string,
    /** What is wrong with the field, e.g. "is missing". */
    readonly problem: string,
  ) {
    super(`Shopify payload field ${field} ${problem}`);
  }
}
