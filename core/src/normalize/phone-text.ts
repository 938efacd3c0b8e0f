import { parseIncompletePhoneNumber } from 'libphonenumber-js';

/**
 * A trailing extension: `ext. 123`, `x123`, `extension 12`, `#12`, RFC 3966's `;ext=123`. It is not
 * part of the number, so it goes before the letters do, or its digits would join the number.
 */
const EXTENSION = /(?:;\s*ext\s*=|(?<!\p{L})(?:ext(?:ension|n)?|x)\.?:?|#)\s*\d{1,7}\s*$/iu;

/** The digits of a phone as typed, after a `+` when it comes before them, without any extension. */
export function phoneDigits(text: string): string {
  return plainPhoneDigits(text) ?? phoneDigitsWithLibrary(text);
}

export function phoneDigitsWithLibrary(text: string): string {
  // NFKC turns full-width digits and `＋` into ASCII; the library keeps digits and a leading `+`.
  return parseIncompletePhoneNumber(text.normalize('NFKC').trim().replace(EXTENSION, ''));
}

const ZERO = 0x30;
const NINE = 0x39;
const PLUS = 0x2b;
const HASH = 0x23;
const ASCII_END = 0x80;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const CASE_BIT = 0x20;

/**
 * The same digits for ASCII text with no letter and no `#`, the usual `+1 (650) 555-1212`:
 * NFKC leaves it as it is and no extension can be written without one, so only the library's
 * own rule is left (digits, and a `+` while none came before). Undefined for any other text.
 */
export function plainPhoneDigits(text: string): string | undefined {
  let digits = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= ZERO && code <= NINE) digits += text[index];
    else if (code === PLUS) digits ||= '+';
    else if (code >= ASCII_END || code === HASH || ((code | CASE_BIT) >= LOWER_A && (code | CASE_BIT) <= LOWER_Z)) return undefined;
  }
  return digits;
}

/** Zeros before a country code are an international prefix (00, 000…) or typed twice after a `+`. */
export function withoutLeadingZeros(digits: string): string {
  return digits.replace(/^0+/, '');
}
