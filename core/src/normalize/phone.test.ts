import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  test.each([
    ['national US number with the region', '(650) 555-1212', 'us', '16505551212'],
    ['GB trunk 0 dropped', '07911 123456', 'gb', '447911123456'],
    ['00 international prefix', '0044 20 7946 0958', 'us', '442079460958'],
    ['00 prefix without a region', '001 650 555 1212', undefined, '16505551212'],
    ['US international prefix 011', '011 44 20 7946 0958', 'us', '442079460958'],
    ['Australian international prefix 0011', '0011 44 20 7946 0958', 'au', '442079460958'],
    ['explicit + wins over the region', '+33 6 12 34 56 78', 'de', '33612345678'],
    ['digits already carrying a foreign country code', '442079460958', 'us', '442079460958'],
    ['digits carrying a country code, no region', '16505551212', undefined, '16505551212'],
    ['(0) inside an international number', '+44 (0)20 7946 0958', undefined, '442079460958'],
    ['tel: URI', 'tel:+1-650-555-1212', undefined, '16505551212'],
    ['possible though not valid (Meta’s own example)', '+1 425 123 4567', undefined, '14251234567'],
    ['an Italian landline keeps its 0 after the country code', '06 1234 5678', 'it', '390612345678'],
  ])('%s', (_name, input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ value: expected });
  });

  // "Remove symbols": every character that is not a digit, whatever it is.
  test.each([
    ['underscores', '650_555_1212'],
    ['pipes', '650|555|1212'],
    ['braces', '{650} 555-1212'],
    ['square brackets', '[650] 555 1212'],
    ['asterisks and hashes inside', '650*555*1212'],
    ['at, dollar and percent signs', '@650 $555 %1212'],
    ['dots and slashes', '650.555/1212'],
    ['a tab inside', '650\t555\t1212'],
    ['a line break inside', '650\n555\r\n1212'],
    ['no-break and thin spaces', '650\u00a0555\u20091212'],
    ['full-width digits and dashes', '６５０－５５５－１２１２'],
    ['Arabic-Indic digits', '٦٥٠ ٥٥٥ ١٢١٢'],
    ['Unicode dashes', '650–555—1212'],
    ['letters mixed in', 'phone: 650 555 1212'],
  ])('removes %s', (_name, input) => {
    expect(normalizePhone(input, 'us')).toEqual({ value: '16505551212' });
  });

  test.each([
    ['a full-width plus', '＋1 650 555 1212'],
    ['a small plus', '\uFE62' + '1 650 555 1212'],
    ['a plus inside brackets', '(+1) 650 555 1212'],
    ['a plus with underscores', '+1_650_555_1212'],
    ['a plus with a line break', '+1\n650 555 1212'],
  ])('keeps the international sign: %s', (_name, input) => {
    expect(normalizePhone(input, 'gb')).toEqual({ value: '16505551212' });
  });

  // "Remove any leading zeros": zeros before a country code are an international prefix.
  test.each([
    ['+00 before the country code', '+001 (616) 954-78 88', undefined, '16169547888'],
    ['+0 before the country code', '+0 44 20 7946 0958', undefined, '442079460958'],
    ['+000 before the country code', '+000 33 6 12 34 56 78', 'us', '33612345678'],
    ['five zeros before the country code', '0000015551234567', undefined, '15551234567'],
    ['five zeros with a region', '0000015551234567', 'us', '15551234567'],
    ['three zeros before a GB number', '000 44 20 7946 0958', 'fr', '442079460958'],
    ['00 with symbols', '00_44_20_7946_0958', undefined, '442079460958'],
  ])('strips leading zeros: %s', (_name, input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ value: expected });
  });

  test.each([
    ['ext.', '+1 650-555-1212 ext. 123'],
    ['x', '+1 650 555 1212 x123'],
    ['extension', '+1 650 555 1212 extension 12'],
    ['RFC 3966', '+1 650 555 1212;ext=123'],
    ['a hash', '+1 650 555 1212 #45'],
  ])('drops an extension written with %s', (_name, input) => {
    expect(normalizePhone(input, undefined)).toEqual({ value: '16505551212' });
  });

  test.each([
    ['no digits', 'n/a', undefined, 'phone has no digits'],
    ['symbols only', '__|{}', 'us', 'phone has no digits'],
    ['national number without a region', '(650) 555-1212', undefined, 'phone has no country code and no country was given'],
    ['trunk-0 number without a region', '07911 123456', undefined, 'phone has no country code and no country was given'],
    ['too short for the region', '555-1212', 'us', 'phone could not be parsed for country US'],
    ['region without phone numbering', '650 555 1212', 'aq', 'phone could not be parsed for country AQ'],
    ['impossible international number', '+1 555', undefined, 'phone is not a possible international number'],
    ['too long', '+12345678901234567', undefined, 'phone is not a possible international number'],
    ['zeros only', '0000', undefined, 'phone is not a possible international number'],
    ['zeros before an impossible number', '000123456789', undefined, 'phone is not a possible international number'],
  ])('drops %s', (_name, input, country, reason) => {
    expect(normalizePhone(input, country)).toEqual({ value: null, reason });
  });
});
