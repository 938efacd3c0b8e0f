/**
 * Values of every JSON type, and the unicode and number edge cases no storefront or Shopify field
 * carries: what the fuzzed inputs are made of.
 */
import fc from 'fast-check';

/** Strings PostgreSQL, JSON parsers, URL parsers and log readers trip on. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202e\u202d',
  '\u200f\u200e',
  '\ufeff',
  '\u2028\u2029',
  '9007199254740993',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '0x1F',
  '',
  ' ',
  '__proto__',
  '{"key":"x"}',
  'https://',
  'javascript:alert(1)',
  ''.padEnd(5_000, 'x'),
];

export const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53 + 2, -(2 ** 53) - 2, 1e21, 1e308, -1e308, 5e-324, -0, 0.1 + 0.2),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }).map((n) => n.toString()),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
);

/**
 * A hostile value as the text a query string carries. Not String(): a generated object may own a
 * `toString` or `valueOf` key that is not a function, and String() throws on it.
 */
export const hostileText = hostileValue.map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))));
