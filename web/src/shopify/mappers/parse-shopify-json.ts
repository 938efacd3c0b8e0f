/**
 * Shopify ids are 64-bit integers and exceed 2^53: `JSON.parse` silently rounds
 * 820982911946154508 to 820982911946154500. This parser keeps every integer beyond the safe range
 * as its exact decimal string, using the source text Node 22's JSON.parse hands to revivers.
 * Safe integers and all other values come out exactly as `JSON.parse` gives them.
 */

const INTEGER_LITERAL = /^-?\d+$/;

/** Node 22's JSON.parse passes the literal's source text; TypeScript's lib does not declare it yet. */
interface ReviverContext {
  source?: string;
}

function keepBigIntegersExact(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
  const source = context?.source;
  if (source === undefined) {
    throw new Error('JSON.parse does not expose source text here; Node 22 or newer is needed to keep Shopify ids exact');
  }
  return INTEGER_LITERAL.test(source) ? source : value;
}

/** Parses a webhook body; throws a SyntaxError on malformed JSON, like JSON.parse. */
export function parseShopifyJson(raw: string): unknown {
  return JSON.parse(raw, keepBigIntegersExact);
}
