import { countriesOf, countryPlan, MAX_NATIONAL_LENGTH, MIN_NATIONAL_LENGTH, type CountryPlan } from './phone-metadata';

/** One reading of a number, as `phone.ts` weighs it: valid wins, else plausible. */
export interface Reading {
  /** E.164 digits without the `+`. */
  digits: string;
  valid: boolean;
  /** Possible for its country and no 0 right after the country code (see `isPlausible` in phone.ts). */
  plausible: boolean;
}

/** What the library would read is not certain from its metadata alone: the library must read it. */
export const UNSURE = Symbol('unsure');

const MAX_CALLING_CODE_LENGTH = 3;

/**
 * libphonenumber's reading of `+digits` (no leading zeros) from its own metadata, the shortcut past
 * its parse: the code is the first 1-3 digits that are a calling code, the rest the national
 * number. UNSURE where the library's parse does more than that: its national prefix pattern
 * could cut something, the code is non-geographic (+800) or unknown, the rest too short or long.
 */
export function readingAsInternational(digits: string): Reading | typeof UNSURE {
  for (let length = 1; length <= MAX_CALLING_CODE_LENGTH && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    const countries = countriesOf(callingCode);
    if (countries === null) return UNSURE;
    const [main] = countries;
    if (main) return nationalReading(callingCode, digits.slice(length), main, countries);
  }
  return UNSURE;
}

/**
 * libphonenumber's reading of digits written for `region` (no `+`): whole as the national number,
 * or after the region's international prefix (`0041…` in Switzerland) as international. UNSURE
 * where the library would try more: digits after that prefix starting with 0, digits starting
 * with the region's own calling code (it may cut it), or with what its national prefix pattern cuts.
 */
export function readingInRegion(digits: string, region: string): Reading | typeof UNSURE {
  const plan = countryPlan(region);
  if (!plan) return UNSURE;
  const internationalPrefix = plan.internationalPrefix.exec(digits)?.[0];
  if (internationalPrefix) {
    const rest = digits.slice(internationalPrefix.length);
    return rest && !rest.startsWith('0') ? readingAsInternational(rest) : UNSURE;
  }
  const countries = countriesOf(plan.callingCode);
  if (digits.startsWith(plan.callingCode) || !countries) return UNSURE;
  return nationalReading(plan.callingCode, digits, plan, countries);
}

/**
 * The reading of a national number kept as typed. `plan` is the one the library parses with: the
 * calling code's main country for a number with its code, else the region's. Its national prefix
 * pattern decides whether anything is cut, and the library keeps it as the number's country when
 * no country of the calling code claims the number.
 */
function nationalReading(callingCode: string, national: string, plan: CountryPlan, countries: readonly CountryPlan[]): Reading | typeof UNSURE {
  if (national.length < MIN_NATIONAL_LENGTH || national.length > MAX_NATIONAL_LENGTH || plan.nationalPrefix?.test(national)) return UNSURE;
  const country = claimingCountry(countries, national) ?? plan;
  return {
    digits: callingCode + national,
    valid: country.isValid(national),
    plausible: isPossibleLength(country.possibleLengths, national.length) && !national.startsWith('0'),
  };
}

/** As the library's `checkNumberLength()` is `IS_POSSIBLE`. */
function isPossibleLength(lengths: readonly number[], length: number): boolean {
  const [shortest = 0] = lengths;
  if (shortest === length) return true;
  if (shortest > length || (lengths.at(-1) ?? 0) < length) return false;
  return lengths.indexOf(length, 1) >= 0;
}

/**
 * As the library's `getCountryByCallingCode()`: the only country of the code, else the first whose
 * leading digits start the number or, without leading digits, that has a type for it.
 */
function claimingCountry(countries: readonly CountryPlan[], national: string): CountryPlan | undefined {
  if (countries.length === 1) return countries[0];
  return countries.find((country) => (country.leadingDigits ? country.leadingDigits.test(national) : country.hasType(national)));
}
