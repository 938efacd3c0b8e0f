import { getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { normalizePhone, readWithLibrary } from './phone';
import { readInternational } from './phone-international';
import { readNational } from './phone-national';
import { phoneDigits } from './phone-text';

/** A small deterministic PRNG (mulberry32): the same numbers on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seeded(2026);
const randomDigits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** National numbers for one region: its example, the example mistyped, cut short or too long, and random ones. */
function nationalNumbersOf(region: CountryCode): string[] {
  const example = getExampleNumber(region, examples)?.nationalNumber ?? randomDigits(8);
  const at = Math.floor(random() * example.length);
  const mistyped = example.slice(0, at) + String(Math.floor(random() * 10)) + example.slice(at + 1);
  const random8to12 = Array.from({ length: 6 }, () => randomDigits(4 + Math.floor(random() * 10)));
  return [example, mistyped, example.slice(0, -1), `${example}${randomDigits(1)}`, `0${example}`, `1${example}`, ...random8to12];
}

/** A number written the ways shoppers and platforms write one: with or without `+`, 00, trunk 0 and symbols. */
function writingsOf(callingCode: string, national: string): string[] {
  const spaced = national.replace(/(\d{2,3})(?=\d)/g, (group) => `${group}${pick([' ', '-', '.', ''])}`);
  return [
    `+${callingCode}${national}`,
    `+${callingCode} ${spaced}`,
    `+${callingCode} (0) ${spaced}`,
    `+${callingCode}-(${national.slice(0, 3)}) ${national.slice(3)}`,
    `+0${callingCode}${national}`,
    `00${callingCode} ${spaced}`,
    `${callingCode}${national}`,
    `0${spaced}`,
    spaced,
  ];
}

const REGIONS = getCountries();
/** The bench's customers live in these; every supported region is covered besides. */
const CUSTOMER_REGIONS: readonly (string | undefined)[] = ['us', 'de', 'fr', 'gb', 'ch', undefined];

const CASES: Array<[text: string, region: string | undefined]> = REGIONS.flatMap((region) =>
  nationalNumbersOf(region).flatMap((national) =>
    writingsOf(getCountryCallingCode(region), national).map((text): [string, string | undefined] => [
      text,
      random() < 0.5 ? region.toLowerCase() : pick(CUSTOMER_REGIONS),
    ]),
  ),
);

describe('the phone shortcuts', () => {
  test(`agree with libphonenumber on ${CASES.length} generated numbers in ${REGIONS.length} regions`, () => {
    const disagreements = CASES.filter(([text, region]) => {
      const ours = normalizePhone(text, region);
      const library = normalizePhone(text, region, readWithLibrary);
      return JSON.stringify(ours) !== JSON.stringify(library);
    });
    expect(disagreements).toEqual([]);
  });

});

describe('readInternational', () => {
  test('answers many numbers itself, each with the digits the library keeps', () => {
    const digits = CASES.map(([text]) => text.replace(/\D/g, '').replace(/^0+/, '')).filter(Boolean);
    const answered = digits.filter((number) => readInternational(number) !== undefined);
    for (const number of answered) expect(readInternational(number)).toBe(readWithLibrary(number, true, undefined));
    // Without it the agreement above would hold trivially.
    expect(answered.length).toBeGreaterThan(5_000);
  });

  test.each([
    ['the national prefix the library would cut', '4402079460958'],
    ['a 0 after the country code', '3906123456'],
    ['a length not possible in every country of +1', '16505551'],
    ['a non-geographic code', '80012345678'],
    ['no calling code', '2'],
  ])('leaves to the library %s', (_name, digits) => {
    expect(readInternational(digits)).toBeUndefined();
  });
});

describe('readNational', () => {
  const national = CASES.flatMap(([text, region]): Array<[string, CountryCode]> => {
    const digits = phoneDigits(text);
    return region && !digits.startsWith('+') ? [[digits, region.toUpperCase() as CountryCode]] : [];
  });

  test('answers many numbers itself, each with the digits the library reads in the region', () => {
    const answered = national.filter(([digits, region]) => readNational(digits, region) !== undefined);
    for (const [digits, region] of answered) expect(readNational(digits, region)).toBe(readWithLibrary(digits, false, region));
    // Without it the agreement above would hold trivially.
    expect(answered.length).toBeGreaterThan(500);
  });

  test.each([
    ['a number valid in its region', '6502530000', 'US', '16502530000'],
    ['a Swiss number after 00', '0041446681800', 'CH', '41446681800'],
  ])('reads %s', (_name, digits, region, expected) => {
    expect(readNational(digits, region)).toBe(expected);
    expect(readWithLibrary(digits, false, region as CountryCode)).toBe(expected);
  });

  test.each([
    ['a number starting with its own calling code', '16502530000', 'US'],
    ['a trunk prefix the library cuts', '07911123456', 'GB'],
    ['a number invalid in its region', '1234567', 'DE'],
    ['a country sharing its calling code with a main one', '6135550123', 'CA'],
    ['an international prefix that is not just zeros', '011442079460958', 'US'],
  ])('leaves to the library %s', (_name, digits, region) => {
    expect(readNational(digits, region)).toBeUndefined();
  });
});
