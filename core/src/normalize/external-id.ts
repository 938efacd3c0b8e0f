import { kept, type NormalizeResult } from './result';

/**
 * `external_id`: Meta documents no normalization, only that it must match what the Pixel sends.
 * Trimmed, lowercased and without whitespace, as Meta's Parameter Builder does on both sides, so
 * browser-side Meta tooling and this server hash the same id the same way. (Blank values never
 * get here: they are reported as empty first.)
 */
export function normalizeExternalId(text: string): NormalizeResult {
  return kept(text.toLowerCase().replace(/\s+/gu, ''));
}
