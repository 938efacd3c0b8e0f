import metadata from 'libphonenumber-js/metadata.min.json';

/**
 * libphonenumber's metadata (the min set its default export parses with) as its parser reads it,
 * for the shortcut in phone-reading.ts. The library compiles each pattern anew on every use (a
 * number of +1 can cost a hundred patterns while it looks for the country); here each is compiled
 * once, on the first number that needs it.
 */

/** One country's plan: only what decides how the library reads a number written for it. */
export interface CountryPlan {
  callingCode: string;
  /** The international prefix (00, 011), anchored. */
  internationalPrefix: RegExp;
  /** The national prefix pattern the library cuts with (the prefix itself without one), anchored. */
  nationalPrefix: RegExp | undefined;
  /** Lengths the library calls possible. */
  possibleLengths: readonly number[];
  /** The leading digits by which the library picks this country among those sharing its code, anchored. */
  leadingDigits: RegExp | undefined;
  /** Whether the library's `getNumberType()` finds a type for the national number. */
  hasType: (national: string) => boolean;
  /** The library's `isValid()` for a national number of this country. */
  isValid: (national: string) => boolean;
}

/** Positions in a country's minified plan and its types, in metadata version 4 (libphonenumber-js' metadata.js). */
const CALLING_CODE = 0;
const INTERNATIONAL_PREFIX = 1;
const NATIONAL_NUMBER_PATTERN = 2;
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;
const LEADING_DIGITS = 10;
const TYPES = 11;
/** FIXED_LINE, MOBILE, TOLL_FREE, … SHARED_COST: the ten types `getNumberType()` tries. */
const TYPE_COUNT = 10;
const TYPE_PATTERN = 0;
const TYPE_POSSIBLE_LENGTHS = 1;

/** The library's bounds on a national number (MIN_LENGTH_FOR_NSN, MAX_LENGTH_FOR_NSN). */
export const MIN_NATIONAL_LENGTH = 2;
export const MAX_NATIONAL_LENGTH = 17;

type MinifiedPlan = readonly unknown[];

/** Another metadata version leaves every plan null, so every number goes to the library. */
const READABLE = metadata.version === 4;
const COUNTRIES = metadata.countries as Record<string, MinifiedPlan | undefined>;
const REGIONS_BY_CALLING_CODE = metadata.country_calling_codes as Record<string, readonly string[] | undefined>;
const NON_GEOGRAPHIC: ReadonlySet<string> = new Set(Object.keys(metadata.nonGeographic));

const plans = new Map<string, CountryPlan | null>();

/** The plan of an alpha-2 region (uppercase), or null where the library's own format is not what this reads. */
export function countryPlan(region: string): CountryPlan | null {
  let plan = plans.get(region);
  if (plan === undefined) {
    const minified = READABLE && Object.hasOwn(COUNTRIES, region) ? COUNTRIES[region] : undefined;
    plan = minified ? readPlan(minified) : null;
    plans.set(region, plan);
  }
  return plan;
}

const countriesByCallingCode = new Map<string, readonly CountryPlan[] | null>();

/**
 * The plans of a calling code's countries, main one first, as the library lists them: [] where
 * the library knows no such code, null where it is non-geographic (+800) or a plan is unreadable.
 */
export function countriesOf(callingCode: string): readonly CountryPlan[] | null {
  let countries = countriesByCallingCode.get(callingCode);
  if (countries === undefined) {
    countries = readCountries(callingCode);
    countriesByCallingCode.set(callingCode, countries);
  }
  return countries;
}

function readCountries(callingCode: string): readonly CountryPlan[] | null {
  const regions = READABLE && Object.hasOwn(REGIONS_BY_CALLING_CODE, callingCode) ? (REGIONS_BY_CALLING_CODE[callingCode] ?? []) : [];
  if (regions.length === 0) return NON_GEOGRAPHIC.has(callingCode) ? null : [];
  const plans = regions.map(countryPlan);
  return plans.every((plan) => plan !== null) ? (plans as CountryPlan[]) : null;
}

function readPlan(plan: MinifiedPlan): CountryPlan | null {
  const [callingCode, internationalPrefix, pattern, lengths] = [plan[CALLING_CODE], plan[INTERNATIONAL_PREFIX], plan[NATIONAL_NUMBER_PATTERN], plan[POSSIBLE_LENGTHS]];
  const leadingDigits = plan[LEADING_DIGITS];
  const hasType = typeMatcher(plan);
  if (typeof callingCode !== 'string' || typeof internationalPrefix !== 'string' || typeof pattern !== 'string' || !isLengths(lengths) || !hasType) return null;
  if (leadingDigits !== undefined && leadingDigits !== 0 && typeof leadingDigits !== 'string') return null;
  // As the library's `nationalPrefixForParsing()`: the explicit pattern, else the prefix itself.
  const nationalPrefix = plan[NATIONAL_PREFIX_FOR_PARSING] || plan[NATIONAL_PREFIX];
  const whole = entirely(pattern);
  const types = plan[TYPES];
  // As `isValid()`: a country without number types is checked against its national pattern alone.
  const withTypes = Array.isArray(types) && types.length > 0;
  return {
    callingCode,
    internationalPrefix: anchored(internationalPrefix),
    nationalPrefix: typeof nationalPrefix === 'string' && nationalPrefix ? anchored(nationalPrefix) : undefined,
    possibleLengths: lengths,
    leadingDigits: typeof leadingDigits === 'string' && leadingDigits ? anchored(leadingDigits) : undefined,
    hasType: (national) => whole.test(national) && hasType(national, lengths),
    isValid: (national) => whole.test(national) && (!withTypes || hasType(national, lengths)),
  };
}

/**
 * As `getNumberType()` past the national pattern: one type's pattern matches entirely and its
 * lengths (its own, else the country's) hold the number's length. Undefined if a type is unreadable.
 */
function typeMatcher(plan: MinifiedPlan): ((national: string, countryLengths: readonly number[]) => boolean) | undefined {
  const types = plan[TYPES];
  if (!Array.isArray(types)) return types ? undefined : () => false;
  const checks: Array<{ pattern: RegExp; lengths: readonly number[] | undefined }> = [];
  for (const type of types.slice(0, TYPE_COUNT) as unknown[]) {
    // The library skips a type that is absent (0) or has no pattern.
    if (!Array.isArray(type) || !type[TYPE_PATTERN]) continue;
    const [typePattern, lengths] = [type[TYPE_PATTERN], type[TYPE_POSSIBLE_LENGTHS] || undefined];
    if (typeof typePattern !== 'string' || (lengths !== undefined && !isLengths(lengths))) return undefined;
    checks.push({ pattern: entirely(typePattern), lengths });
  }
  return (national, countryLengths) =>
    checks.some((check) => (check.lengths ?? countryLengths).includes(national.length) && check.pattern.test(national));
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})`);
}

/** As the library's `matchesEntirely()`. */
function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function isLengths(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.length > 0 && value.every((length) => typeof length === 'number');
}
