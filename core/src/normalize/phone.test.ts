import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  test.each([
    ['national US number with the region', '(650) 555-1212', 'us', '16505551212'],
    ['GB trunk 0 dropped', '07911 123456', 'gb', '447911123456'],
    ['00 international prefix', '0044 20 7946 0958', 'us', '442079460958'],
    ['00 prefix without a region', '001 650 555 1212', undefined, '16505551212'],
    ['US international prefix 011', '011 44 20 7946 0958', 'us', '442079460958'],
    ['explicit + wins over the region', '+33 6 12 34 56 78', 'de', '33612345678'],
    ['digits already carrying a foreign country code', '442079460958', 'us', '442079460958'],
    ['digits carrying a country code, no region', '16505551212', undefined, '16505551212'],
    ['(0) inside an international number', '+44 (0)20 7946 0958', undefined, '442079460958'],
    ['extension dropped', '+1 650 555 1212;ext=123', undefined, '16505551212'],
    ['tel: URI', 'tel:+1-650-555-1212', undefined, '16505551212'],
    ['possible though not valid (Meta’s own example)', '+1 425 123 4567', undefined, '14251234567'],
  ])('%s', (_name, input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ value: expected });
  });

  test.each([
    ['no digits', 'n/a', undefined, 'phone has no digits'],
    ['national number without a region', '(650) 555-1212', undefined, 'phone has no country code and no country was given'],
    ['trunk-0 number without a region', '07911 123456', undefined, 'phone has no country code and no country was given'],
    ['too short for the region', '555-1212', 'us', 'phone could not be parsed for country US'],
    ['region without phone numbering', '650 555 1212', 'aq', 'phone could not be parsed for country AQ'],
    ['impossible international number', '+1 555', undefined, 'phone is not a possible international number'],
    ['too long', '+12345678901234567', undefined, 'phone is not a possible international number'],
  ])('drops %s', (_name, input, country, reason) => {
    expect(normalizePhone(input, country)).toEqual({ value: null, reason });
  });
});
