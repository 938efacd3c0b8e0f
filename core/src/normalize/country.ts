import { COUNTRY_TABLE } from './country-names';
import { dropped, kept, type NormalizeResult } from './result';
import { foldedKey, withoutAccents } from './text';

/**
 * The lookup key of a country name: case, accents and punctuation ignored, `&` read as `and`,
 * `St` as `Saint`, and the article `the` dropped, so `St. Kitts & Nevis`, `Bahamas (the)` and
 * `The Bahamas` meet their rows.
 */
export function countryNameKey(name: string): string {
  return withoutAccents(name)
    .toLowerCase()
    .replaceAll('&', ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && word !== 'the')
    .map((word) => (word === 'st' ? 'saint' : word))
    .join('');
}

/**
 * A name as written plus its uninverted form: ISO's `Korea, Republic of` and
 * `Bolivia (Plurinational State of)` are also written `Republic of Korea`, `Plurinational State of Bolivia`.
 */
export function countryNameForms(name: string): string[] {
  const inverted = /^(.+?),\s*(.+)$/u.exec(name) ?? /^(.+?)\s*\((.+)\)$/u.exec(name);
  return inverted ? [name, `${inverted[2]} ${inverted[1]}`] : [name];
}

const ALPHA2_CODES: ReadonlySet<string> = new Set(COUNTRY_TABLE.map(([alpha2]) => alpha2));
const ALPHA2_BY_ALPHA3: ReadonlyMap<string, string> = new Map(COUNTRY_TABLE.map(([alpha2, alpha3]) => [alpha3, alpha2]));

/** Keys written under two countries ("Congo": CG and CD) are left out rather than guessed. */
const ALPHA2_BY_NAME: ReadonlyMap<string, string> = unambiguousKeys(
  COUNTRY_TABLE.flatMap(([alpha2, , ...names]) => names.flatMap(countryNameForms).map((name) => [countryNameKey(name), alpha2] as const)),
);

function unambiguousKeys(pairs: readonly (readonly [key: string, alpha2: string])[]): Map<string, string> {
  const codesByKey = new Map<string, Set<string>>();
  for (const [key, alpha2] of pairs) codesByKey.set(key, (codesByKey.get(key) ?? new Set()).add(alpha2));
  return new Map(
    [...codesByKey].flatMap(([key, codes]): [string, string][] => {
      const [only, ...others] = codes;
      return only && others.length === 0 ? [[key, only]] : [];
    }),
  );
}

/**
 * The ISO 3166-1 alpha-2 code (uppercase) for an alpha-2 or alpha-3 code or an English name
 * (`US`, `USA`, `United States`, `U.S.`, `UK`, `Iran, Islamic Republic of`), or undefined.
 */
export function toAlpha2(text: string): string | undefined {
  const code = foldedKey(text).toUpperCase();
  if (code.length === 2 && ALPHA2_CODES.has(code)) return code;
  return (code.length === 3 ? ALPHA2_BY_ALPHA3.get(code) : undefined) ?? ALPHA2_BY_NAME.get(countryNameKey(text));
}

/** `country`: lowercase ISO 3166-1 alpha-2; names, alpha-3 and `UK` are mapped, the rest dropped. */
export function normalizeCountry(text: string): NormalizeResult {
  const alpha2 = toAlpha2(text);
  return alpha2 ? kept(alpha2.toLowerCase()) : dropped('country is not an ISO 3166 country code or English name');
}
