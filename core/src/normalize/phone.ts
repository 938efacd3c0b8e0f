import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import { dropped, kept, type NormalizeResult } from './result';

/**
 * `ph`: E.164 digits with the country code and nothing else: no `+`, `00`, trunk `0`, `(0)`,
 * extension or symbols. `country` (lowercase alpha-2) is the region for numbers written
 * nationally, typically the order's billing country.
 *
 * Meta's rule is structural ("remove symbols, letters and leading zeros; include the country
 * code"), so a number only has to be *possible* for its country; a *valid* reading is preferred
 * when several exist. Meta's own example `14251234567` is possible but not valid, and must pass.
 */
export function normalizePhone(text: string, country: string | undefined): NormalizeResult {
  if (!/\d/.test(text)) return dropped('phone has no digits');
  // A leading 00 is the international prefix in most of the world; Meta counts it as leading zeros.
  const trimmed = text.trim().replace(/^00/, '+');
  const region = country?.toUpperCase();
  const readings = readingsOf(trimmed, region && isSupportedCountry(region) ? region : undefined);
  const best = readings.find((number) => number.isValid()) ?? readings.find(isPlausible);
  if (best) return kept(best.number.slice(1));

  if (isInternational(trimmed)) return dropped('phone is not a possible international number');
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

function isInternational(text: string): boolean {
  return /^(tel:)?\+/i.test(text);
}

/** The number read nationally for `region`, then as already carrying its country code. */
function readingsOf(text: string, region: CountryCode | undefined): PhoneNumber[] {
  const candidates = isInternational(text)
    ? [parsePhoneNumberFromString(text)]
    : [region ? parsePhoneNumberFromString(text, region) : undefined, parsePhoneNumberFromString(`+${text}`)];
  return candidates.filter((number): number is PhoneNumber => number !== undefined);
}
