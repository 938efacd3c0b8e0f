/** Meta's custom_data rules (spec sections 3 and 11), with the stricter reading of spec item 14. */
import { isPlainObject } from './check-user-data';
import { type EventProblem, problem } from './graph-errors';

const CURRENCY = /^[A-Z]{3}$/;
const CONTENT_TYPES = new Set(['product', 'product_group']);

export function checkCustomData(eventName: string, customData: unknown, at: string): EventProblem | undefined {
  const where = `${at}.custom_data`;
  if (customData === undefined) {
    return eventName === 'Purchase' ? problem.missingParameter(`${where} with value and currency is required for Purchase`) : undefined;
  }
  if (!isPlainObject(customData)) return problem.invalidValue(`${where} must be an object`);
  const { value, currency, contents, content_ids: contentIds, content_type: contentType } = customData;

  if (eventName === 'Purchase') {
    if (currency === undefined) return problem.missingParameter(`${where}.currency is required for Purchase`);
    if (value === undefined) return problem.missingParameter(`${where}.value is required for Purchase`);
  }
  // Graph tolerates "usd" and "142.52"; we send neither, so either one is a bug worth catching.
  if (currency !== undefined && (typeof currency !== 'string' || !CURRENCY.test(currency))) {
    return problem.invalidValue(`${where}.currency must be an uppercase ISO 4217 code like "USD"`);
  }
  if (value !== undefined && !isFiniteNumber(value)) return problem.invalidValue(`${where}.value must be a number`);
  if (contentType !== undefined && !CONTENT_TYPES.has(contentType as string)) {
    return problem.invalidValue(`${where}.content_type must be "product" or "product_group"`);
  }
  if (contentIds !== undefined) {
    if (!Array.isArray(contentIds) || !contentIds.every((id) => typeof id === 'string')) {
      return problem.invalidValue(`${where}.content_ids must be a list of strings`);
    }
  }
  if (contents !== undefined) {
    if (!Array.isArray(contents)) return problem.invalidValue(`${where}.contents must be a list`);
    for (const [index, content] of contents.entries()) {
      const found = checkContent(content, `${where}.contents[${index}]`);
      if (found) return found;
    }
  }
  return undefined;
}

function checkContent(content: unknown, at: string): EventProblem | undefined {
  if (!isPlainObject(content)) return problem.invalidValue(`${at} must be an object`);
  if (typeof content.id !== 'string') return problem.missingParameter(`${at}.id is required`);
  if (!Number.isInteger(content.quantity)) return problem.invalidValue(`${at}.quantity must be a whole number`);
  if (content.item_price !== undefined && !isFiniteNumber(content.item_price)) {
    return problem.invalidValue(`${at}.item_price must be a number`);
  }
  return undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
