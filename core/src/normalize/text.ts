/**
 * Text primitives shared by the free-text normalizers (names, city, state, country).
 * Everything works on Unicode properties so accents and non-Latin scripts survive: Meta's own
 * examples keep `valéry` and `정` as they are.
 */

/** Looking for one non-ASCII character is a little quicker than matching every character as ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The NFC form. ASCII text is its own NFC form and most customer data is ASCII, so it skips ICU's
 * normalization, which cost more than the SHA-256 of the value.
 */
export function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

/**
 * Unicode lowercase in NFC form (Meta's published `valéry` hash is of the NFC bytes). ASCII text
 * lowercases to ASCII, so it needs neither NFC pass.
 */
export function lowerNfc(text: string): string {
  return NON_ASCII.test(text) ? nfc(text.normalize('NFC').toLowerCase()) : text.toLowerCase();
}

/**
 * What an emoji leaves behind once its pictograph is gone: variation selectors (U+FE0F in `❤️`,
 * and the ideographic ones), the keycap mark, joiners and tag characters. They are marks or format
 * characters, not letters, but U+FE0F counts as a combining mark and so would survive `\p{M}`.
 */
const EMOJI_LEFTOVERS = /[\uFE00-\uFE0F\u20E3\u200D\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

function withoutEmojiLeftovers(text: string): string {
  return text.replace(EMOJI_LEFTOVERS, '');
}

/** Keeps letters, combining marks and digits; every space, symbol and emoji is dropped. */
export function lettersAndDigits(text: string): string {
  return withoutEmojiLeftovers(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** Keeps letters and combining marks only: no digits, spaces, punctuation, symbols or emoji. */
export function lettersOnly(text: string): string {
  return withoutEmojiLeftovers(text).replace(/[^\p{L}\p{M}]+/gu, '');
}

export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** A lookup key that ignores case, accents, spaces and punctuation ("Québec" and "QUEBEC" meet). */
export function foldedKey(text: string): string {
  return lettersAndDigits(withoutAccents(text).toLowerCase());
}

/** Decomposes and drops the combining marks: `Curaçao` -> `Curacao`. */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}
