import { normalizePostalCode } from './postal-code';

describe('normalizePostalCode', () => {
  test.each([
    ['US ZIP+4 with a dash', '94107-1234', 'us', '94107'],
    ['US ZIP+4 without a dash', '941071234', 'us', '94107'],
    ['US leading zero kept', '02134', 'us', '02134'],
    ['no country: ZIP+4 shape read as US', '94107 1234', undefined, '94107'],
    ['UK full postcode', 'SW1A 1AA', 'gb', 'sw1a1aa'],
    ['Japan: both halves kept', '100-0001', 'jp', '1000001'],
    ['Unicode dash removed', '1234‐567', 'pt', '1234567'],
    ['Canada', 'K1A 0B1', 'ca', 'k1a0b1'],
    ['4-digit code elsewhere kept', '2134', 'au', '2134'],
  ])('%s', (_name, input, country, expected) => {
    expect(normalizePostalCode(input, country)).toEqual({ value: expected });
  });

  test.each([
    ['a single character', '9', undefined, 'postal code is too short'],
    ['US code that is not 5 or 9 digits', '9410', 'us', 'US ZIP code is not 5 or 9 digits'],
    ['US code with letters', 'SW1A 1AA', 'us', 'US ZIP code is not 5 or 9 digits'],
  ])('drops %s', (_name, input, country, reason) => {
    expect(normalizePostalCode(input, country)).toEqual({ value: null, reason });
  });
});
