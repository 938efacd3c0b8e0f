import fc from 'fast-check';

import { fixtureBody } from '../../../test/support/shopify-signing';
import { parseShopifyJson } from './parse-shopify-json';
import { shopifyId } from './payload-reader';

/**
 * The reference: JSON.parse with a reviver reading each unsafe integer's source text (Node 22 hands
 * it to revivers), as this parser did before; slow (called for every value), but exact by design.
 */
function withReviver(raw: string): unknown {
  return JSON.parse(raw, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value !== 'number' || Number.isSafeInteger(value) ? value : /^-?\d+$/.test(context?.source ?? '') ? context?.source : value,
  );
}

type Outcome = { value: unknown } | { error: string };
function outcome(parse: (raw: string) => unknown, raw: string): Outcome {
  try {
    return { value: parse(raw) };
  } catch (error) {
    return { error: error instanceof SyntaxError ? 'SyntaxError' : String(error) };
  }
}

/** A JSON value whose leaves may be integer literals of any size, written bare: `{ raw }`. */
type Tree = null | boolean | number | string | { raw: string } | Tree[] | { entries: [string, Tree][] };
/** Strings of JSON's structural characters and long digit runs: text that looks like numbers, inside strings. */
const tricky = fc
  .array(fc.constantFrom(':', ',', '[', ']', '{', '}', '"', '\\', ' ', '.', 'e', '0', '12345678901234567890', '-98765432109876543210', '9007199254740993'), { maxLength: 8 })
  .map((parts) => parts.join(''));
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.oneof(fc.string(), tricky),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => ({ raw: n.toString() })),
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.array(fc.tuple(fc.oneof(fc.string(), tricky), tie('tree')), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
}));
const space = fc.constantFrom('', ' ', '\n', '\t ', '\r\n');

function serialize(value: Tree, gap: string): string {
  if (Array.isArray(value)) return `[${gap}${value.map((item) => serialize(item, gap)).join(`,${gap}`)}${gap}]`;
  if (value !== null && typeof value === 'object') {
    if ('raw' in value) return value.raw;
    return `{${gap}${value.entries.map(([key, item]) => `${JSON.stringify(key)}${gap}:${gap}${serialize(item, gap)}`).join(`,${gap}`)}${gap}}`;
  }
  return JSON.stringify(value);
}

describe('parseShopifyJson', () => {
  it('keeps integers beyond 2^53 exact, as strings, where JSON.parse rounds them', () => {
    const raw = '{"id":820982911946154508,"edge":9007199254740993,"negative":-9007199254740993}';
    expect((JSON.parse(raw) as { id: number }).id).toBe(820982911946154500);
    expect(parseShopifyJson(raw)).toEqual({ id: '820982911946154508', edge: '9007199254740993', negative: '-9007199254740993' });
  });

  it('leaves safe integers, decimals, strings and structure as JSON.parse does', () => {
    const raw = '{"quantity":3,"rate":0.06,"big_float":1e300,"price":"19.99","list":[1,null,true],"nested":{"id":808950810}}';
    expect(parseShopifyJson(raw)).toEqual(JSON.parse(raw));
  });

  it('keeps every id of a real order payload exact', () => {
    const order = parseShopifyJson(fixtureBody('orders-paid.capi-variant.json')) as Record<string, unknown>;
    const customer = order.customer as Record<string, unknown>;
    const lines = order.line_items as Record<string, unknown>[];
    expect(order.id).toBe('820982911946154508');
    expect(customer.id).toBe('115310627314723954');
    expect(lines.map((line) => line.id)).toEqual(['487817672276298554', '789012345678901234', '890123456789012345', '976318377106520349', '315789986012684393']);
    expect(lines[0]?.variant_id).toBe(808950810);
  });

  it('throws a SyntaxError on malformed JSON', () => {
    expect(() => parseShopifyJson('{"id": 1,')).toThrow(SyntaxError);
  });

  it('quotes only whole integer values outside strings', () => {
    const raw = String.raw`{"note": "ref \"12345678901234567890\" paid", "looks": "a:12345678901234567890,b", "gid": "gid://shopify/Order/820982911946154508", "id" : 820982911946154508 , "ids": [820982911946154508,-820982911946154509], "safe": 1000000000000000, "f": 1.12345678901234567890, "e": 12345678901234567890e2}`;
    expect(parseShopifyJson(raw)).toEqual(withReviver(raw));
    expect(parseShopifyJson(raw)).toMatchObject({ id: '820982911946154508', ids: ['820982911946154508', '-820982911946154509'], safe: 1000000000000000 });
  });

  it('keeps malformed bodies malformed: no quoting turns a bad number or key into a string', () => {
    for (const raw of ['{"a": 01234567890123456789}', '{12345678901234567890: 1}', '{"a": 1, 12345678901234567890}', '[12345678901234567890 x]', '{"a": "unterminated 12345678901234567890}']) {
      expect(() => parseShopifyJson(raw)).toThrow(SyntaxError);
    }
  });

  it('agrees with the reviver on any JSON text, with integers of any size', () => {
    fc.assert(
      fc.property(tree, space, (value, gap) => {
        const raw = serialize(value, gap);
        expect(outcome(parseShopifyJson, raw)).toEqual(outcome(withReviver, raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the reviver on malformed texts too: it throws exactly when the reviver does', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', '"', '\\', '0', '9', '-', '.', 'e', ':', ',', '[', ']', '{', '}', ' '), fc.boolean());
    fc.assert(
      fc.property(tree, space, fc.array(edit, { minLength: 1, maxLength: 3 }), (value, gap, edits) => {
        let raw = serialize(value, gap);
        for (const [at, text, replace] of edits) {
          const index = raw.length === 0 ? 0 : at % raw.length;
          raw = raw.slice(0, index) + text + raw.slice(index + (replace ? 1 : 0));
        }
        expect(outcome(parseShopifyJson, raw)).toEqual(outcome(withReviver, raw));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('shopifyId', () => {
  it('reads exact strings, safe integers and GraphQL gids as the decimal id', () => {
    expect(shopifyId('820982911946154508', 'id')).toBe('820982911946154508');
    expect(shopifyId(808950810, 'id')).toBe('808950810');
    expect(shopifyId('gid://shopify/Order/820982911946154508', 'id')).toBe('820982911946154508');
    expect(shopifyId('gid://shopify/OrderIdentity/42?x=1', 'id')).toBe('42');
    expect(shopifyId(null, 'id')).toBeUndefined();
  });

  it('refuses a number a lossy parser already rounded, naming the field', () => {
    expect(() => shopifyId(820982911946154500, 'customer.id')).toThrow(
      'Shopify payload field customer.id (820982911946154500) was rounded by a JSON parser; parse webhook bodies with parseShopifyJson',
    );
  });
});
