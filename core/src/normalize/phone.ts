import {
  getCountries,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';
import { readingAsInternational, readingInRegion, UNSURE, type Reading } from './phone-reading';
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
 * `14251234567` is possible but not valid, and must pass. `read` makes the readings: tests pass
 * the library's alone to prove the metadata shortcut changes nothing.
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

/** The best reading from libphonenumber's metadata where that is certain, else the library's own. */
const readPhone: PhoneReader = (digits, international, region) => {
  const fromMetadata = readWithMetadata(digits, international, region);
  return fromMetadata === UNSURE ? readWithLibrary(digits, international, region) : fromMetadata;
};

/** The library's best reading as its metadata alone tells it (phone-reading.ts), or UNSURE. */
export function readWithMetadata(digits: string, international: boolean, region: CountryCode | undefined): string | undefined | typeof UNSURE {
  return bestReading(readingsOf(digits, international, region, METADATA));
}

/** The reading libphonenumber alone gives. */
export const readWithLibrary: PhoneReader = (digits, international, region) => {
  const best = bestReading(readingsOf(digits, international, region, LIBRARY));
  return best === UNSURE ? undefined : best;
};

type Outcome = Reading | undefined | typeof UNSURE;

/** How one reading is made. Undefined: there is no such reading; UNSURE: the reader cannot tell. */
interface Reader {
  asInternational: (digits: string) => Outcome;
  inRegion: (digits: string, region: CountryCode) => Outcome;
}

const LIBRARY: Reader = {
  asInternational: (digits) => readingOf(parsePhoneNumberFromString(`+${digits}`)),
  inRegion: (digits, region) => readingOf(parsePhoneNumberFromString(digits, region)),
};

const METADATA: Reader = { asInternational: readingAsInternational, inRegion: readingInRegion };

function readingOf(number: PhoneNumber | undefined): Reading | undefined {
  if (!number) return undefined;
  const valid = number.isValid();
  // Plausibility decides only among readings that are not valid.
  return { digits: number.number.slice(1), valid, plausible: !valid && isPlausible(number) };
}

/**
 * The readings of a number, most trusted first, each made only when asked for. After a `+`, only
 * its country code can follow, so leading zeros there are an international prefix typed twice.
 * Without one, the address country reads it first; then two or more leading zeros are an
 * international prefix (00, 000…), while a single 0 is a trunk prefix that only a country can
 * resolve; then the digits may already start with a country code (`442079460958`).
 */
function readingsOf(digits: string, international: boolean, region: CountryCode | undefined, reader: Reader): Array<() => Outcome> {
  const asInternational = () => reader.asInternational(withoutLeadingZeros(digits));
  if (international) return [asInternational];
  return [
    () => (region ? reader.inRegion(digits, region) : undefined),
    () => (/^00/.test(digits) || !digits.startsWith('0') ? asInternational() : undefined),
  ];
}

/**
 * The first valid reading, else the first plausible one. A valid reading ends the search, so a
 * number written for its address country is read once, not once per reading.
 */
function bestReading(readings: Array<() => Outcome>): string | undefined | typeof UNSURE {
  const made: Reading[] = [];
  for (const read of readings) {
    const reading = read();
    if (reading === UNSURE) return UNSURE;
    if (!reading) continue;
    if (reading.valid) return reading.digits;
    made.push(reading);
  }
  return made.find((reading) => reading.plausible)?.digits;
}
