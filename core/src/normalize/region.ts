import { dropped, kept, type NormalizeResult } from './result';
import { hasStateCodes, stateCode, STATE_CODE_COUNTRIES, type StateCodeCountry } from './state-codes';
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
 * punctuation, special characters or spaces. `country` is a lowercase alpha-2 code.
 */
export function normalizeState(text: string, country: string | undefined): NormalizeResult {
  const code = subdivisionCode(text, country);
  if (code) return kept(code);
  if (country && hasStateCodes(country)) return dropped(`state is not a ${SUBDIVISION_LABEL[country]} name or code`);
  const state = lettersAndDigits(lowerNfc(text));
  return state ? kept(state) : dropped('state has no letters');
}

/**
 * The code from the country's own table. Without a country, all three tables are searched: their
 * names do not collide, and a shopper typing `California` means the US state.
 */
function subdivisionCode(text: string, country: string | undefined): string | undefined {
  const tables: readonly StateCodeCountry[] = country ? (hasStateCodes(country) ? [country] : []) : STATE_CODE_COUNTRIES;
  const iso = ISO_SUBDIVISION.exec(lowerNfc(text.trim()));
  for (const table of tables) {
    const code = iso ? (iso[1] === table ? stateCode(table, iso[2] ?? '') : undefined) : stateCode(table, foldedKey(text));
    if (code) return code;
  }
  return undefined;
}
