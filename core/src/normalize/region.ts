import { dropped, kept, type NormalizeResult } from './result';
import { hasStateCodes, stateCode, STATE_CODES, type StateCodeCountry } from './state-codes';
import { foldedKey, lettersAndDigits, lowerNfc } from './text';

const SUBDIVISION_LABEL: Readonly<Record<StateCodeCountry, string>> = {
  us: 'US state',
  ca: 'Canadian province or territory',
  au: 'Australian state or territory',
};

/** `US-CA`, `CA-QC`, `AU-NSW`: ISO 3166-2 codes, which some platforms send instead of names. */
const ISO_SUBDIVISION = /^(us|ca|au)-([a-z]{2,3})$/;

/**
 * `st`: in the US (and Canada, Australia) the subdivision code; elsewhere lowercase without
 * punctuation, special characters or spaces. `country` is a lowercase alpha-2 code; without one,
 * names are still looked up in all three tables, whose names do not collide.
 */
export function normalizeState(text: string, country: string | undefined): NormalizeResult {
  const lookIn = country ? (hasStateCodes(country) ? [country] : []) : (Object.keys(STATE_CODES) as StateCodeCountry[]);
  const iso = ISO_SUBDIVISION.exec(lowerNfc(text.trim()));
  const key = foldedKey(text);
  for (const tableCountry of lookIn) {
    const code = iso?.[1] === tableCountry ? stateCode(tableCountry, iso[2] ?? '') : stateCode(tableCountry, key);
    if (code) return kept(code);
  }
  if (country && hasStateCodes(country)) {
    return dropped(`state is not a ${SUBDIVISION_LABEL[country]} name or code`);
  }
  const state = lettersAndDigits(lowerNfc(text));
  return state ? kept(state) : dropped('state has no letters');
}
