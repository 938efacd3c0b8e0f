import { sha256Hex } from './hash';
import { normalizeWithReason } from './normalize';
import { hashUserData } from './user-data';

describe('external_id', () => {
  test.each([
    ['a numeric customer id as is', '7088923443234', '7088923443234'],
    ['surrounding whitespace trimmed', '  user-123\n', 'user-123'],
    ['lowercased', 'USER-123', 'user-123'],
    ['a Shopify gid lowercased', 'gid://shopify/Customer/7088923443234', 'gid://shopify/customer/7088923443234'],
    ['a Medusa id lowercased', 'cus_01HXYZABCDEF', 'cus_01hxyzabcdef'],
    ['inner spaces removed', 'Customer 42', 'customer42'],
    ['tabs and line breaks inside removed', 'a\tb\nc', 'abc'],
    ['punctuation kept: it is part of the id', 'ACME/42-x_y', 'acme/42-x_y'],
    ['a 32-hex id is an id, not a hash', '550E8400E29B41D4A716446655440000', '550e8400e29b41d4a716446655440000'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeWithReason('external_id', input)).toEqual({ value: expected });
  });

  test('is hashed on the wire, so the Pixel and the server send the same digest for any spelling', () => {
    const spellings = ['Customer 42', 'customer42', ' CUSTOMER 42 ', 'CUSTOMER\t42'];
    for (const spelling of spellings) expect(hashUserData({ external_id: spelling }).userData).toEqual({ external_id: [sha256Hex('customer42')] });
  });

  test('a blank id is absent, not an empty hash', () => {
    expect(hashUserData({ external_id: ' \t ' })).toEqual({ userData: {}, dropped: [] });
  });
});
