import fc from 'fast-check';

import { mayHoldUnstorable, storableText } from './storable-text';

/** JSON string literals written the way any sender may: raw characters and \u escapes of any case. */
const literal = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('\\"', '\\\\', '\\n', '\\\\u0000'),
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean()).map(([code, upper]) => {
        const hex = code.toString(16).padStart(4, '0');
        return `\\u${upper ? hex.toUpperCase() : hex}`;
      }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => `"${parts.join('').replace(/(?<!\\)"/g, '\\"')}"`);

describe('mayHoldUnstorable', () => {
  it('is true for the escapes that make unstorable characters', () => {
    expect(mayHoldUnstorable('{"a":"x\\u0000"}')).toBe(true);
    expect(mayHoldUnstorable('{"a":"\\uD83D"}')).toBe(true);
    expect(mayHoldUnstorable('{"a":"\\udfff"}')).toBe(true);
    expect(mayHoldUnstorable('{"a":"caf\\u00e9 \\u4e2d"}')).toBe(false);
  });

  it('never lets a body skip the walk when the walk would replace something', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, literal), { maxLength: 4 }), (pairs) => {
        const raw = `{${pairs.map(([key, value]) => `${key}:[${value}]`).join(',')}}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          return;
        }
        if (storableText(parsed).replaced > 0) expect(mayHoldUnstorable(raw)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
