import { kept, type NormalizeResult } from './result';

/**
 * `external_id`: Meta documents no normalization, only that it must match what the Pixel sends, so
 * the value is kept exactly (case included) apart from surrounding whitespace, then hashed.
 */
export function normalizeExternalId(text: string): NormalizeResult {
  return kept(text.trim());
}
