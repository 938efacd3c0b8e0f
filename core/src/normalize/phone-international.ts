import metadata from 'libphonenumber-js/metadata.min.json';

/**
 * A shortcut past libphonenumber for a number that carries its country code (`+49 30 …`): its
 * E.164 digits when the library's own metadata proves the library would keep exactly those digits,
 * else undefined, and the library reads it. `phone.ts` keeps such a number when it is valid, or
 * possible with no 0 after the country code; either way the digits are the code plus the rest as
 * typed, unless a national prefix was cut from it. So the digits are certain when the rest has a
 * possible length and starts with neither 0 nor anything the national prefix pattern could cut.
 * The library's parse costs several times the SHA-256 of the result (it compiles each pattern anew).
 */

/** What decides the reading of the digits after one country calling code. */
interface CallingCodePlan {
  /**
   * Lengths possible in every country sharing the code: the library picks one of them by its
   * patterns, so only these are possible whichever it picks (10 digits after +1, for one).
   */
  lengths: ReadonlySet<number>;
  /** The national prefix pattern of the code's main country (the one the library cuts with), anchored. */
  nationalPrefix: RegExp | undefined;
}

/** Positions in a country's minified plan, in metadata version 4 (libphonenumber-js' metadata.js). */
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;

/** The library's bounds on a national number (MIN_LENGTH_FOR_NSN, MAX_LENGTH_FOR_NSN). */
const MIN_NATIONAL_LENGTH = 2;
const MAX_NATIONAL_LENGTH = 17;

const MAX_CALLING_CODE_LENGTH = 3;

type MinifiedPlan = readonly unknown[];

/**
 * Every calling code the library knows, mapped to its plan, or to null where the shortcut cannot be
 * sure: non-geographic codes (+800…) and a country without possible lengths. Another metadata
 * version leaves it empty, so every number goes to the library.
 */
const PLANS: ReadonlyMap<string, CallingCodePlan | null> = metadata.version === 4 ? plansByCallingCode() : new Map();

function plansByCallingCode(): Map<string, CallingCodePlan | null> {
  const countries = metadata.countries as Record<string, MinifiedPlan | undefined>;
  const plans = new Map<string, CallingCodePlan | null>(Object.keys(metadata.nonGeographic).map((code) => [code, null]));
  for (const [code, regions] of Object.entries(metadata.country_calling_codes as Record<string, string[]>)) {
    const lengths = regions.map((region) => countries[region]?.[POSSIBLE_LENGTHS]);
    const main = countries[regions[0] ?? ''];
    const sure = main !== undefined && lengths.every((each) => Array.isArray(each));
    plans.set(code, sure ? { lengths: commonLengths(lengths as number[][]), nationalPrefix: nationalPrefixOf(main) } : null);
  }
  return plans;
}

function commonLengths([first = [], ...others]: number[][]): Set<number> {
  return new Set(first.filter((length) => others.every((lengths) => lengths.includes(length))));
}

/** As the library's `nationalPrefixForParsing()`: the explicit pattern, else the prefix itself. */
function nationalPrefixOf(plan: MinifiedPlan): RegExp | undefined {
  const prefix = plan[NATIONAL_PREFIX_FOR_PARSING] || plan[NATIONAL_PREFIX];
  return typeof prefix === 'string' && prefix ? new RegExp(`^(?:${prefix})`) : undefined;
}

/** `digits`: the number after its `+` and any leading zeros, digits only. */
export function readInternational(digits: string): string | undefined {
  // As the library does: the first 1-, 2- or 3-digit prefix that is a calling code is the code.
  for (let length = 1; length <= MAX_CALLING_CODE_LENGTH && length <= digits.length; length++) {
    const plan = PLANS.get(digits.slice(0, length));
    if (plan === undefined) continue;
    const national = digits.slice(length);
    return plan !== null && isCertain(national, plan) ? digits : undefined;
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
