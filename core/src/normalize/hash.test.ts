import { asPreHashed, hashField, sha256Hex } from './hash';

const MARY = '6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec';
const VALERY_NFC = '08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c';

describe('sha256Hex', () => {
  test('hashes UTF-8 bytes as lowercase hex', () => {
    expect(sha256Hex('mary')).toBe(MARY);
  });

  test('hashes the NFC form, so decomposed input matches Meta’s published hash', () => {
    expect(sha256Hex('vale\u0301ry')).toBe(VALERY_NFC);
    expect(sha256Hex('valéry')).toBe(VALERY_NFC);
  });
});

describe('asPreHashed', () => {
  test.each([
    ['lowercase digest', MARY, MARY],
    ['uppercase digest, lowercased', MARY.toUpperCase(), MARY],
    ['surrounding whitespace', `  ${MARY}\n`, MARY],
    ['Parameter Builder appendix kept verbatim', `${MARY}.ABcDEFGh`, `${MARY}.ABcDEFGh`],
    ['2-character appendix', `${MARY}.Ab`, `${MARY}.Ab`],
  ])('accepts %s', (_name, input, expected) => {
    expect(asPreHashed(input)).toBe(expected);
  });

  test.each([
    ['32-hex (MD5 or a dashless UUID)', '550e8400e29b41d4a716446655440000'],
    ['63 hex digits', MARY.slice(1)],
    ['65 hex digits', `${MARY}a`],
    ['a non-hex letter', `${MARY.slice(1)}g`],
    ['a 9-character appendix', `${MARY}.ABCDEFGHI`],
    ['a 1-character appendix', `${MARY}.A`],
    ['a punctuated appendix', `${MARY}.AB-CD`],
  ])('rejects %s', (_name, input) => {
    expect(asPreHashed(input)).toBeNull();
  });
});

describe('hashField', () => {
  test('hashes a normalized value', () => {
    expect(hashField('fn', 'mary')).toBe(MARY);
  });

  test('passes an already hashed value through instead of hashing it twice', () => {
    expect(hashField('em', MARY)).toBe(MARY);
    expect(hashField('em', `${MARY}.ABcDEFGh`)).toBe(`${MARY}.ABcDEFGh`);
  });

  test('hashes a 32-hex value like any other text', () => {
    expect(hashField('external_id', '550e8400e29b41d4a716446655440000')).toBe(sha256Hex('550e8400e29b41d4a716446655440000'));
  });
});
