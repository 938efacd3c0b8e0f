import { fixtureBody } from '../../../test/support/shopify-signing';
import { parseShopifyJson } from './parse-shopify-json';
import { shopifyId } from './payload-reader';

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
