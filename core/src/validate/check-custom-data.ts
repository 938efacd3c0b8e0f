import type { ServerEvent } from '../meta/wire';
import { isIsoCurrency } from './currency';
import type { ValidationIssue } from './issues';
const CONTENT_TYPES: readonly unknown[] = ['product', 'product_group'];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function checkMoney(event: ServerEvent): ValidationIssue[] {
  const { value, currency } = event.custom_data ?? {};
  const isPurchase = event.event_name === 'Purchase';
  const issues: ValidationIssue[] = [];
  if (value === undefined && isPurchase) {
    issues.push({ field: 'custom_data.value', code: 'missing_value', message: 'A Purchase needs the order value, and none was found.' });
  } else if (value !== undefined && !isFiniteNumber(value)) {
    issues.push({ field: 'custom_data.value', code: 'bad_value', message: `The value must be a number; got ${JSON.stringify(value)}.` });
  }
  if (currency === undefined && (isPurchase || value !== undefined)) {
    issues.push({
      field: 'custom_data.currency',
      code: 'missing_currency',
      message: isPurchase ? 'A Purchase needs the currency of its value, and none was found.' : 'A value needs its currency, and none was found.',
    });
  } else if (currency !== undefined && !(typeof currency === 'string' && isIsoCurrency(currency))) {
    issues.push({
      field: 'custom_data.currency',
      code: 'bad_currency',
      message: `${JSON.stringify(currency)} is not an ISO 4217 currency code in capitals, such as USD or EUR. Check the store's currency setting.`,
    });
  }
  return issues;
}

function checkContents(event: ServerEvent): ValidationIssue[] {
  const { contents, content_ids: contentIds, content_type: contentType, num_items: numItems } = event.custom_data ?? {};
  const issues: ValidationIssue[] = [];
  const bad = (field: string, message: string): void => {
    issues.push({ field: `custom_data.${field}`, code: 'bad_contents', message });
  };

  contents?.forEach((content, index) => {
    if (!isNonEmptyString(content.id)) bad(`contents[${index}].id`, `Product ${index + 1} has no id; Meta needs one for every product.`);
    if (!Number.isInteger(content.quantity) || content.quantity < 1) {
      bad(`contents[${index}].quantity`, `Product ${index + 1} has quantity ${String(content.quantity)}; it must be a whole number of at least 1.`);
    }
    if (content.item_price !== undefined && !isFiniteNumber(content.item_price)) {
      bad(`contents[${index}].item_price`, `Product ${index + 1} has a price that is not a number.`);
    }
  });
  contentIds?.forEach((id, index) => {
    if (!isNonEmptyString(id)) bad(`content_ids[${index}]`, `Product id ${index + 1} is empty.`);
  });
  if (numItems !== undefined && (!Number.isInteger(numItems) || numItems < 0)) {
    bad('num_items', `The number of items is ${String(numItems)}; it must be a whole number.`);
  }
  if (contentType !== undefined && !CONTENT_TYPES.includes(contentType)) {
    issues.push({
      field: 'custom_data.content_type',
      code: 'bad_content_type',
      message: `Content type "${String(contentType)}" is not one Meta accepts (product or product_group).`,
    });
  }
  return issues;
}

export function checkCustomData(event: ServerEvent): ValidationIssue[] {
  return [...checkMoney(event), ...checkContents(event)];
}
