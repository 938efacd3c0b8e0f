import { normalizeCountry, toAlpha2 } from './country';

describe('normalizeCountry', () => {
  test.each([
    ['alpha-2', ' DE ', 'de'],
    ['alpha-3', 'usa', 'us'],
    ['English name', 'United Kingdom', 'gb'],
    ['UK', 'UK', 'gb'],
    ['a UK nation', 'Scotland', 'gb'],
    ['punctuated abbreviation', 'U.S.A.', 'us'],
    ['name without its accent and apostrophe', 'Cote dIvoire', 'ci'],
    ['alternative name', 'Republic of Korea', 'kr'],
    ['the full name of a country whose short name is shared', 'Republic of the Congo', 'cg'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCountry(input)).toEqual({ value: expected });
  });

  test.each([
    ['unassigned alpha-2', 'XX'],
    ['numeric code', '840'],
    ['name in another language', 'Deutschland'],
    ['name shared by two countries', 'Congo'],
  ])('drops %s', (_name, input) => {
    expect(normalizeCountry(input)).toEqual({ value: null, reason: 'country is not an ISO 3166 country code or English name' });
  });

  test('toAlpha2 answers uppercase for use as a region', () => {
    expect(toAlpha2('france')).toBe('FR');
  });
});
