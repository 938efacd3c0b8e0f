import { alpha3ToAlpha2, getAlpha2Codes, getNames, registerLocale } from 'i18n-iso-countries/index';
import enLocale from 'i18n-iso-countries/langs/en.json';
import { dropped, kept, type NormalizeResult } from './result';
import { foldedKey } from './text';

// The package's main entry registers ~80 locales; English names are all a store sends us.
registerLocale(enLocale);

/** Names the ISO list lacks but shoppers type, for the same reason Meta's example writes `UK`. */
const EXTRA_NAMES: Readonly<Record<string, string>> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  northernireland: 'GB',
};

const ALPHA2_CODES: ReadonlySet<string> = new Set(Object.keys(getAlpha2Codes()));

const ALPHA2_BY_NAME: ReadonlyMap<string, string> = unambiguousNames([
  ...Object.entries(getNames('en', { select: 'all' })).flatMap(([alpha2, names]) =>
    names.map((name): [string, string] => [foldedKey(name), alpha2]),
  ),
  ...Object.entries(EXTRA_NAMES),
]);

/** Names shared by two countries ("Congo": CG and CD) are left out rather than guessed. */
function unambiguousNames(pairs: [string, string][]): Map<string, string> {
  const codesByName = new Map<string, Set<string>>();
  for (const [name, alpha2] of pairs) codesByName.set(name, (codesByName.get(name) ?? new Set()).add(alpha2));
  return new Map(
    [...codesByName].flatMap(([name, codes]): [string, string][] => {
      const [only, ...others] = codes;
      return only && others.length === 0 ? [[name, only]] : [];
    }),
  );
}

/**
 * The ISO 3166-1 alpha-2 code (uppercase) for an alpha-2 or alpha-3 code or an English name
 * (`US`, `USA`, `United States`, `U.S.`, `UK`), or undefined when it is none of those.
 */
export function toAlpha2(text: string): string | undefined {
  const key = foldedKey(text);
  const upper = key.toUpperCase();
  if (key.length === 2 && ALPHA2_CODES.has(upper)) return upper;
  if (key.length === 3) {
    const fromAlpha3 = alpha3ToAlpha2(upper);
    if (fromAlpha3) return fromAlpha3;
  }
  return ALPHA2_BY_NAME.get(key);
}

/** `country`: lowercase ISO 3166-1 alpha-2; names, alpha-3 and `UK` are mapped, the rest dropped. */
export function normalizeCountry(text: string): NormalizeResult {
  const alpha2 = toAlpha2(text);
  return alpha2 ? kept(alpha2.toLowerCase()) : dropped('country is not an ISO 3166 country code or English name');
}
