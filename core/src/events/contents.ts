import type { LineItem } from '../model/commerce';
import { amountToNumber } from '../model/money';
import type { Content, CustomData } from '../meta/wire';
import { canonicalCurrency } from '../validate';
import type { SkippedLine } from './definition';

type ContentFields = Pick<CustomData, 'content_ids' | 'contents' | 'content_type' | 'num_items'>;

/** The catalog id Meta matches against: the variant, else the product, else the SKU. */
export function contentIdOf(line: LineItem): string | undefined {
  return [line.variantId, line.productId, line.sku].find((id) => id !== undefined && id.trim() !== '');
}

/**
 * Content keys for a list of lines. `num_items` counts every unit, while a line with no id at all
 * (a custom item) is left out of `contents` and reported, since Meta rejects a content without id.
 * `item_price` is only sent in the event's own currency, so it never contradicts `currency`.
 */
export function contentFieldsFrom(
  lines: LineItem[],
  currency: string | undefined,
): { fields: ContentFields; skippedLines: SkippedLine[] } {
  const contents: Content[] = [];
  const skippedLines: SkippedLine[] = [];
  lines.forEach((line, index) => {
    const id = contentIdOf(line);
    if (id === undefined) {
      skippedLines.push({ index, reason: 'line has no variant id, product id or SKU to identify it' });
      return;
    }
    const price = line.unitPrice;
    const samePrice = price !== undefined && currency !== undefined && canonicalCurrency(price.currency) === currency;
    contents.push(samePrice ? { id, quantity: line.quantity, item_price: amountToNumber(price.amount) } : { id, quantity: line.quantity });
  });

  const fields: ContentFields = {};
  if (lines.length > 0) fields.num_items = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (contents.length > 0) {
    fields.content_ids = [...new Set(contents.map((content) => content.id))];
    fields.contents = contents;
    fields.content_type = 'product';
  }
  return { fields, skippedLines };
}
