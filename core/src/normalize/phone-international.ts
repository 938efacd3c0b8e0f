import { countryPlan, isCallingCode, MAX_NATIONAL_LENGTH, MIN_NATIONAL_LENGTH, regionsOf } from './phone-metadata';

/**
 * A shortcut past libphonenumber for a number that carries its country code (`+49 30 …`): its
 * E.164 digits when the library's own metadata proves the library would keep exactly those digits,
 * else undefined, and the library reads it. `phone.ts` keeps such a number when it is valid, or
 * possible with no 0 after the country code; either way the digits are the code plus the rest as
 * typed, unless a national prefix was cut from it. So the digits are certain when the rest has a
 * possible length and starts with neither 0 nor anything the national prefix pattern could cut.
 * The library's parse costs several times the SHA-256 of the result.
 */

const MAX_CALLING_CODE_LENGTH = 3;

/** What decides the reading of the digits after one country calling code. */
interface CallingCodePlan {
  /**
   * Lengths possible in every country sharing the code: the library picks one of them by its
   * patterns, so only these are possible whichever it picks (10 digits after +1, for one).
   */
  lengths: ReadonlySet<number>;
  /** The national prefix pattern of the code's main country, which the library cuts with. */
  nationalPrefix: RegExp | undefined;
}

/** Null where the shortcut cannot be sure: a non-geographic code (+800…), a plan it cannot read. */
const callingCodePlans = new Map<string, CallingCodePlan | null>();

function callingCodePlan(callingCode: string): CallingCodePlan | null {
  let plan = callingCodePlans.get(callingCode);
  if (plan === undefined) {
    const countries = regionsOf(callingCode).map(countryPlan);
    const [main] = countries;
    plan = main && countries.every((country) => country !== null) ? { lengths: commonLengths(countries.map((country) => country?.possibleLengths ?? [])), nationalPrefix: main.nationalPrefix } : null;
    callingCodePlans.set(callingCode, plan);
  }
  return plan;
}

function commonLengths([first = [], ...others]: ReadonlyArray<readonly number[]>): Set<number> {
  return new Set(first.filter((length) => others.every((lengths) => lengths.includes(length))));
}

/** `digits`: the number after its `+` and any leading zeros, digits only. */
export function readInternational(digits: string): string | undefined {
  // As the library does: the first 1-, 2- or 3-digit prefix that is a calling code is the code.
  for (let length = 1; length <= MAX_CALLING_CODE_LENGTH && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    if (!isCallingCode(callingCode)) continue;
    const plan = callingCodePlan(callingCode);
    return plan !== null && isCertain(digits.slice(length), plan) ? digits : undefined;
  }
  return undefined;
}

function isCertain(national: string, plan: CallingCodePlan): boolean {
  return (
    national.length >= MIN_NATIONAL_LENGTH &&
    national.length <= MAX_NATIONAL_LENGTH &&
    plan.lengths.has(national.length) &&
    !national.startsWith('0') &&
    !plan.nationalPrefix?.test(national)
  );
}
