import { dropped, kept, type NormalizeResult } from './result';
import { lowerNfc } from './text';

/** ZIP or ZIP+4 once spaces and dashes are gone: 5 digits, optionally 4 more. */
const US_ZIP = /^(\d{5})(\d{4})?$/;

/**
 * `zp`: lowercase with no spaces and no dash, always a string so leading zeros survive. Both halves
 * of a dashed code are kept (`1234-567` -> `1234567`), unlike the SDK, which cuts at the dash.
 * US ZIPs keep their first 5 digits. Without a country, a 5+4 digit code is read as a ZIP+4:
 * no other country writes postcodes that way. UK codes keep all parts (Meta's example is `m11ae`).
 */
export function normalizePostalCode(text: string, country: string | undefined): NormalizeResult {
  const code = lowerNfc(text).replace(/[\s\-\u2010-\u2015\u2212]+/gu, '');
  if (code.length < 2) return dropped('postal code is too short');
  const zip = US_ZIP.exec(code);
  if (country === 'us') return zip?.[1] ? kept(zip[1]) : dropped('US ZIP code is not 5 or 9 digits');
  if (!country && zip?.[1] && zip[2]) return kept(zip[1]);
  return kept(code);
}
