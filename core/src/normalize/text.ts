/**
 * Text primitives shared by the free-text normalizers (names, city, state).
 * Everything works on Unicode properties so accents and non-Latin scripts survive: Meta's own
 * examples keep `valéry` and `정` as they are.
 */

/** Unicode lowercase in NFC form (Meta's published `valéry` hash is of the NFC bytes). */
export function lowerNfc(text: string): string {
  return text.normalize('NFC').toLowerCase().normalize('NFC');
}

/** Keeps letters, combining marks and digits; every space is dropped. */
export function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** Keeps letters and combining marks only: no digits, spaces, punctuation or symbols. */
export function lettersOnly(text: string): string {
  return text.replace(/[^\p{L}\p{M}]+/gu, '');
}

/** Removes punctuation and symbols but keeps words apart by single spaces. */
export function wordsWithoutPunctuation(text: string): string {
  return text
    .replace(/[^\p{L}\p{M}\p{N}\s]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A lookup key that ignores case, accents, spaces and punctuation ("Québec" and "QUEBEC" meet). */
export function foldedKey(text: string): string {
  return lettersAndDigits(text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());
}
