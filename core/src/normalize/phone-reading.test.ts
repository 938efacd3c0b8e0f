import { getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { seeded } from './__tests__/seeded';
import { normalizePhone, readWithLibrary, readWithMetadata } from './phone';
import { UNSURE } from './phone-reading';
import { phoneDigits } from './phone-text';

const random = seeded(2026);
const randomDigits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** National numbers for one region: its example, the example mistyped, cut short or too long, and random ones. */
function nationalNumbersOf(region: CountryCode): string[] {
  const example = getExampleNumber(region, examples)?.nationalNumber ?? randomDigits(8);
  const at = Math.floor(random() * example.length);
  const mistyped = example.slice(0, at) + String(Math.floor(random() * 10)) + example.slice(at + 1);
  const randomOnes = Array.from({ length: 6 }, () => randomDigits(4 + Math.floor(random() * 10)));
  return [example, mistyped, example.slice(0, -1), `${example}${randomDigits(1)}`, `0${example}`, `1${example}`, ...randomOnes];
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

describe('normalizePhone through the metadata reader', () => {
  test(`agrees with libphonenumber alone on ${CASES.length} generated numbers in ${REGIONS.length} regions`, () => {
    const disagreements = CASES.filter(([text, region]) => {
      const ours = normalizePhone(text, region);
      const library = normalizePhone(text, region, readWithLibrary);
      return JSON.stringify(ours) !== JSON.stringify(library);
    });
    expect(disagreements).toEqual([]);
  });
});

describe('readWithMetadata', () => {
  const READINGS = CASES.flatMap(([text, region]): Array<[string, boolean, CountryCode | undefined]> => {
    const cleaned = phoneDigits(text);
    const digits = cleaned.replace(/^\+/, '');
    return digits ? [[digits, cleaned.startsWith('+'), region?.toUpperCase() as CountryCode | undefined]] : [];
  });

  test('answers most numbers itself, each as the library does', () => {
    const answered = READINGS.filter(([digits, international, region]) => readWithMetadata(digits, international, region) !== UNSURE);
    const disagreements = answered.filter(
      ([digits, international, region]) => readWithMetadata(digits, international, region) !== readWithLibrary(digits, international, region),
    );
    expect(disagreements).toEqual([]);
    // Without it the agreement above would hold trivially.
    expect(answered.length).toBeGreaterThan(READINGS.length / 2);
  });

  test.each([
    ['a number valid in its region', '6502530000', false, 'US', '16502530000'],
    ['a number possible but not valid in its region', '4151516451', false, 'US', '14151516451'],
    ['a Swiss number after 00', '0041446681800', false, 'CH', '41446681800'],
    ['a +1 number of Canada, found by its number types', '16135550123', true, undefined, '16135550123'],
    ['a +1 number of Antigua, found by its leading digits', '12684601234', true, undefined, '12684601234'],
    ['a number of no possible length', '123', true, undefined, undefined],
  ])('reads %s', (_name, digits, international, region, expected) => {
    expect(readWithMetadata(digits, international, region as CountryCode | undefined)).toBe(expected);
    expect(readWithLibrary(digits, international, region as CountryCode | undefined)).toBe(expected);
  });

  test.each([
    ['a number starting with its own calling code', '16502530000', 'US'],
    ['a trunk prefix the library cuts', '07911123456', 'GB'],
    ['a 0 after the international prefix', '0110442079460958', 'US'],
    ['a non-geographic calling code', '80012345678', undefined],
  ])('leaves to the library %s', (_name, digits, region) => {
    expect(readWithMetadata(digits, region === undefined, region as CountryCode | undefined)).toBe(UNSURE);
  });
});
