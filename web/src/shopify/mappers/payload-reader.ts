/**
 * Typed reads from an untrusted, losslessly parsed Shopify payload. Absent, null and blank values
 * all read as `undefined`; values that are present but unusable throw a ShopifyPayloadError.
 */
import { ShopifyPayloadError } from './payload-error';
import { parseShopifyJson } from './parse-shopify-json';

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** The payload as an object: raw body strings are parsed here so big ids stay exact. */
export function payloadRecord(payload: unknown, topic: string): JsonRecord {
  const record = asRecord(typeof payload === 'string' ? parseShopifyJson(payload) : payload);
  if (!record) throw new ShopifyPayloadError('(body)', `of a ${topic} webhook is not a JSON object`);
  return record;
}

export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const GID = /^gid:\/\/shopify\/[A-Za-z]+\/([^/?#]+)/;

/**
 * A Shopify id as its exact decimal string. Accepts the string a lossless parser yields for ids
 * beyond 2^53, a safe integer, or a GraphQL gid (`gid://shopify/Order/123` -> `123`). A number
 * beyond 2^53 has already been rounded by a lossy parser, so it is refused rather than trusted.
 */
export function shopifyId(value: unknown, field: string): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
    throw new ShopifyPayloadError(field, `(${value}) was rounded by a JSON parser; parse webhook bodies with parseShopifyJson`);
  }
  const id = text(value)?.trim();
  return id === undefined ? undefined : (GID.exec(id)?.[1] ?? id);
}

export function requiredText(record: JsonRecord, key: string, field: string): string {
  const value = text(record[key]);
  if (value === undefined) throw new ShopifyPayloadError(field, 'is missing');
  return value;
}

export function requiredDate(value: unknown, field: string): Date {
  const raw = text(value);
  if (raw === undefined) throw new ShopifyPayloadError(field, 'is missing');
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new ShopifyPayloadError(field, `("${raw}") is not a date`);
  return date;
}

export function wholeNumber(value: unknown, field: string): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new ShopifyPayloadError(field, `(${JSON.stringify(value)}) is not a whole number`);
  }
  return number;
}

/**
 * The object without its undefined keys, so mapped objects only hold what the payload had. A loop,
 * not Object.fromEntries(Object.entries(...).filter(...)): mapping an order calls this dozens of
 * times, and the entry arrays were 2% of a webhook's CPU.
 */
export function definedOnly<T extends object>(record: T): T {
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined as T;
}

/** Like definedOnly, or undefined when nothing is left. */
export function compact<T extends object>(record: T): T | undefined {
  const defined = definedOnly(record);
  return Object.keys(defined).length > 0 ? defined : undefined;
}
