import { getNames, registerLocale } from 'i18n-iso-countries/index';
import isoCodes from 'i18n-iso-countries/codes.json';
import enLocale from 'i18n-iso-countries/langs/en.json';
import { countryNameForms, countryNameKey, normalizeCountry, toAlpha2 } from './country';
import { COUNTRY_TABLE } from './country-names';

registerLocale(enLocale);

/** Names written under two countries on purpose (ISO's `Congo (the)` too): they must stay unmapped. */
const AMBIGUOUS = ['Congo'].map(countryNameKey);
const isAmbiguous = (name: string) => AMBIGUOUS.includes(countryNameKey(name));

describe('the country table', () => {
  test('holds exactly the ISO 3166-1 codes, alpha-2 with its own alpha-3, each once', () => {
    const iso = (isoCodes as string[][]).map(([alpha2, alpha3]) => `${alpha2}/${alpha3}`).sort();
    const ours = COUNTRY_TABLE.map(([alpha2, alpha3]) => `${alpha2}/${alpha3}`).sort();
    expect(ours).toEqual(iso);
    expect(new Set(ours).size).toBe(ours.length);
  });

  test('gives every country at least its ISO short name', () => {
    expect(COUNTRY_TABLE.filter(([, , ...names]) => names.length === 0)).toEqual([]);
  });

  const rows = COUNTRY_TABLE.map(([alpha2, alpha3, ...names]) => [alpha2, alpha3, names] as const);

  test.each(rows)('%s round-trips from its codes and each of its names', (alpha2, alpha3, names) => {
    const expected = alpha2.toLowerCase();
    for (const code of [alpha2, alpha2.toLowerCase(), alpha3, alpha3.toLowerCase(), ` ${alpha3} `]) {
      expect([code, normalizeCountry(code)]).toEqual([code, { value: expected }]);
    }
    for (const name of names.filter((written) => !isAmbiguous(written))) {
      const spellings = countryNameForms(name).flatMap((form) => [
        form,
        form.toUpperCase(),
        form.toLowerCase(),
        form.replace(/[,()[\]]/gu, ''),
        form.replace(/[^\p{L}\p{N}]+/gu, ' '),
        ` ${form.normalize('NFD')} `,
      ]);
      for (const spelling of spellings) expect([spelling, normalizeCountry(spelling)]).toEqual([spelling, { value: expected }]);
    }
  });

  test('agrees with every English name i18n-iso-countries knows', () => {
    const disagreements = Object.entries(getNames('en', { select: 'all' })).flatMap(([alpha2, names]) =>
      names.filter((name) => !isAmbiguous(name) && toAlpha2(name) !== alpha2).map((name) => `${name} -> ${String(toAlpha2(name))}, not ${alpha2}`),
    );
    expect(disagreements).toEqual([]);
  });
});

describe('normalizeCountry', () => {
  test.each([
    ['alpha-2', ' DE ', 'de'],
    ['alpha-3', 'usa', 'us'],
    ['English name', 'United Kingdom', 'gb'],
    ['UK', 'UK', 'gb'],
    ['a UK nation', 'Scotland', 'gb'],
    ['punctuated abbreviation', 'U.S.A.', 'us'],
    ['punctuated alpha-2', 'U.S.', 'us'],
    ['name without its accent and apostrophe', 'Cote dIvoire', 'ci'],
    ['alternative name', 'Republic of Korea', 'kr'],
    ['the full name of a country whose short name is shared', 'Republic of the Congo', 'cg'],
    ['Syria', 'Syria', 'sy'],
    ['Laos', 'Laos', 'la'],
    ['Moldova', 'Moldova', 'md'],
    ['Brunei', 'Brunei', 'bn'],
    ['Vatican', 'Vatican', 'va'],
    ['Macedonia', 'Macedonia', 'mk'],
    ['Micronesia', 'Micronesia', 'fm'],
    ['Swaziland', 'Swaziland', 'sz'],
    ['Burma', 'Burma', 'mm'],
    ['East Timor', 'East Timor', 'tl'],
    ['Ivory Coast', 'Ivory Coast', 'ci'],
    ['Czechia', 'Czechia', 'cz'],
    ['Turkey', 'Turkey', 'tr'],
    ['Türkiye', 'Türkiye', 'tr'],
    ['Türkiye without its accent', 'Turkiye', 'tr'],
    ['ISO inverted form', 'Iran, Islamic Republic of', 'ir'],
    ['ISO inverted form without its comma', 'Iran Islamic Republic of', 'ir'],
    ['ISO inverted form, North Korea', "Korea, Democratic People's Republic of", 'kp'],
    ['uninverted', "Democratic People's Republic of Korea", 'kp'],
    ['ISO inverted form, Bolivia', 'Bolivia, Plurinational State of', 'bo'],
    ['ISO parenthesized form', 'Bolivia (Plurinational State of)', 'bo'],
    ['ISO inverted form, Tanzania', 'Tanzania, United Republic of', 'tz'],
    ['uninverted, Tanzania', 'United Republic of Tanzania', 'tz'],
    ['the former Macedonian name', 'The former Yugoslav Republic of Macedonia', 'mk'],
    ['St. for Saint', 'St. Kitts & Nevis', 'kn'],
    ['Saint for St', 'Saint Vincent & the Grenadines', 'vc'],
    ['an article before the name', 'The Bahamas', 'bs'],
    ['British Virgin Islands', 'British Virgin Islands', 'vg'],
    ['US Virgin Islands', 'U.S. Virgin Islands', 'vi'],
    ['Viet Nam written as one word', 'Vietnam', 'vn'],
    ['Cape Verde', 'Cape Verde', 'cv'],
    ['DR Congo', 'DR Congo', 'cd'],
    ['São Tomé with its accents', 'São Tomé and Príncipe', 'st'],
    ['alpha-2 ST is not "Saint"', 'ST', 'st'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCountry(input)).toEqual({ value: expected });
  });

  test.each([
    ['unassigned alpha-2', 'XX'],
    ['unassigned alpha-3', 'XYZ'],
    ['numeric code', '840'],
    ['name in another language', 'Deutschland'],
    ['name shared by two countries', 'Congo'],
    ['Korea alone: two countries', 'Korea'],
    ['Virgin Islands alone: two territories', 'Virgin Islands'],
    ['a continent', 'Europe'],
    ['an article alone', 'The'],
  ])('drops %s', (_name, input) => {
    expect(normalizeCountry(input)).toEqual({ value: null, reason: 'country is not an ISO 3166 country code or English name' });
  });

  test('toAlpha2 answers uppercase for use as a region', () => {
    expect(toAlpha2('france')).toBe('FR');
  });
});
