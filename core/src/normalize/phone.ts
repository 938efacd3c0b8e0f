import {
  getCountries,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';
import { readInternational } from './phone-international';
import { readNational } from './phone-national';
import { phoneDigits, withoutLeadingZeros } from './phone-text';
import { dropped, kept, type NormalizeResult } from './result';

/** The library's `isSupportedCountry()` asks its metadata anew on every call; the answer never changes. */
const SUPPORTED_REGIONS: ReadonlySet<string> = new Set(getCountries());

/**
 * `ph`: E.164 digits with the country code and nothing else: no `+`, `00`, trunk `0`, `(0)`,
 * extension or symbols. `country` (lowercase alpha-2) is the region for numbers written
 * nationally, typically the order's billing country.
 *
 * Meta's rule is "remove symbols, letters, and any leading zeros; include the country code". Every
 * character but the digits and a leading `+` is removed first (`_ | { }`, tabs, full-width forms),
 * then the number is read: nationally for the address country first (which knows that country's
 * trunk `0` and international prefix, such as 011 or 0011), else as carrying its country code after
 * any run of leading zeros (`+001 616…`, `0000015551234567`). A number only has to be *possible*
 * for its country; a *valid* reading is preferred when several exist. Meta's own example
 * `14251234567` is possible but not valid, and must pass.
 */
export function normalizePhone(text: string, country: string | undefined, read = readPhone): NormalizeResult {
  const cleaned = phoneDigits(text);
  const digits = cleaned.replace(/^\+/, '');
  if (!digits) return dropped('phone has no digits');

  const international = cleaned.startsWith('+');
  const region = country?.toUpperCase();
  const e164 = read(digits, international, region && SUPPORTED_REGIONS.has(region) ? (region as CountryCode) : undefined);
  if (e164) return kept(e164);

  if (international || /^00/.test(digits)) return dropped('phone is not a possible international number');
  if (region) return dropped(`phone could not be parsed for country ${region}`);
  return dropped('phone has no country code and no country was given');
}

/**
 * Possible for its country and not starting with a trunk 0 after the country code. That 0 marks a
 * misread: `(650)555-1212` with no country is not Singapore's +65 0555 1212. Numbers whose
 * national part really starts with 0 (Italy's landlines) are valid, so they never get here.
 */
function isPlausible(number: PhoneNumber): boolean {
  return number.isPossible() && !number.nationalNumber.startsWith('0');
}

/** The E.164 digits of the best reading, without its `+`. */
export type PhoneReader = (digits: string, international: boolean, region: CountryCode | undefined) => string | undefined;

/**
 * The library's reading, after a shortcut: for a number whose only reading is as international
 * (written with `+`, or with no region to read it in), and for one written for its region.
 */
const readPhone: PhoneReader = (digits, international, region) => {
  const onlyInternational = (international || !region) && readsAsInternational(digits, international);
  const shortcut = onlyInternational ? readInternational(withoutLeadingZeros(digits)) : region && readNational(digits, region);
  return shortcut ?? readWithLibrary(digits, international, region);
};

/** The reading libphonenumber alone gives. */
export const readWithLibrary: PhoneReader = (digits, international, region) =>
  bestReading(digits, international, region)?.number.slice(1);

/**
 * The readings of a number, most trusted first, each parsed only when asked for. After a `+`, only
 * its country code can follow, so leading zeros there are an international prefix typed twice.
 * Without one, the address country reads it first; then two or more leading zeros are an
 * international prefix (00, 000…), while a single 0 is a trunk prefix that only a country can
 * resolve; then the digits may already start with a country code (`442079460958`).
 */
function readingsOf(digits: string, international: boolean, region: CountryCode | undefined): Array<() => PhoneNumber | undefined> {
  const asInternational = () => parsePhoneNumberFromString(`+${withoutLeadingZeros(digits)}`);
  if (international) return [asInternational];
  return [
    () => (region ? parsePhoneNumberFromString(digits, region) : undefined),
    () => (readsAsInternational(digits, international) ? asInternational() : undefined),
  ];
}

function readsAsInternational(digits: string, international: boolean): boolean {
  return international || /^00/.test(digits) || !digits.startsWith('0');
}

/**
 * The first valid reading, else the first plausible one. A valid reading ends the search, so a
 * number written for its address country is parsed once, not once per reading.
 */
function bestReading(digits: string, international: boolean, region: CountryCode | undefined): PhoneNumber | undefined {
  const parsed: PhoneNumber[] = [];
  for (const read of readingsOf(digits, international, region)) {
    const number = read();
    if (!number) continue;
    if (number.isValid()) return number;
    parsed.push(number);
  }
  return parsed.find(isPlausible);
}
