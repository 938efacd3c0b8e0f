import { readInternational } from './phone-international';
import { countryPlan, MAX_NATIONAL_LENGTH, MIN_NATIONAL_LENGTH, regionsOf, type CountryPlan } from './phone-metadata';
import { withoutLeadingZeros } from './phone-text';

/**
 * A shortcut past libphonenumber for a number written for its region (`(650) 555-1212` in the US):
 * its E.164 digits when the library's own metadata proves the library's reading, else undefined.
 * `phone.ts` reads it in its region first and keeps that reading when it is valid, so the digits
 * are certain when the library would take the number as national as typed and call it valid.
 * Without its international prefix, a number written `0041 44 …` in Switzerland reads the same in
 * the region as internationally; the international shortcut then decides it.
 */
export function readNational(digits: string, region: string): string | undefined {
  const plan = countryPlan(region);
  if (!plan) return undefined;
  const internationalPrefix = plan.internationalPrefix.exec(digits)?.[0];
  if (internationalPrefix) {
    const rest = digits.slice(internationalPrefix.length);
    return rest === withoutLeadingZeros(digits) ? readInternational(rest) : undefined;
  }
  return readsAsTyped(digits, plan) && isSoleCountry(region, plan) && plan.isValid?.(digits) ? plan.callingCode + digits : undefined;
}

/**
 * Whether the library keeps the digits whole as the national number: they do not start with the
 * country's own calling code (it may then cut it) nor with anything its national prefix pattern cuts.
 */
function readsAsTyped(digits: string, plan: CountryPlan): boolean {
  return (
    digits.length >= MIN_NATIONAL_LENGTH &&
    digits.length <= MAX_NATIONAL_LENGTH &&
    !digits.startsWith(plan.callingCode) &&
    !plan.nationalPrefix?.test(digits)
  );
}

/**
 * Whether the library, choosing among the countries of the calling code, keeps this one for a
 * number valid in it: the only one, or the main one when it is not chosen by leading digits
 * (the library tries the main one first, and takes it for any number of a known type).
 */
function isSoleCountry(region: string, plan: CountryPlan): boolean {
  const regions = regionsOf(plan.callingCode);
  return regions.length === 1 ? regions[0] === region : regions[0] === region && !plan.hasLeadingDigits;
}
