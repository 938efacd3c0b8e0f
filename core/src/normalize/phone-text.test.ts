import { seeded } from './__tests__/seeded';
import { phoneDigits, phoneDigitsWithLibrary, plainPhoneDigits } from './phone-text';

const random = seeded(7);
const PLAIN = [...'0123456789++  --..()/_|*\t\n\r,:;'];
/** What the shortcut must leave to the library: letters (extensions), `#`, full-width and Arabic-Indic forms, Unicode spaces. */
const OTHER = [...'xXeEtTnNaz#＋６٦\u00a0\u2009–—'];
const textOf = (alphabet: readonly string[], length: number) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

const PLAIN_TEXTS = Array.from({ length: 10_000 }, () => textOf(PLAIN, Math.floor(random() * 24)));
const MIXED_TEXTS = Array.from({ length: 10_000 }, () => textOf([...PLAIN, ...OTHER], Math.floor(random() * 24)));
const WRITTEN = ['+1 (650) 555-1212', '0041 44 123 45 67', '+44 (0)20 7946 0958', '1 650 555 1212 ext. 123', '+1 650 555 1212 #45', '+1 650 555 1212;ext=123', '650 x 555', 'tel:+1-650-555-1212', '＋1 650'];

describe('phoneDigits', () => {
  test.each(WRITTEN)('agrees with the library on %j', (text) => {
    expect(phoneDigits(text)).toBe(phoneDigitsWithLibrary(text));
  });

  test('agrees with the library on 20,000 generated texts', () => {
    const disagreements = [...PLAIN_TEXTS, ...MIXED_TEXTS].filter((text) => phoneDigits(text) !== phoneDigitsWithLibrary(text));
    expect(disagreements).toEqual([]);
  });

  test('reads ASCII digits and punctuation itself, and leaves letters, # and non-ASCII to the library', () => {
    expect(PLAIN_TEXTS.filter((text) => plainPhoneDigits(text) === undefined)).toEqual([]);
    for (const text of ['650 x 555', '555#1', '６５０', '650\u00a0555']) expect(plainPhoneDigits(text)).toBeUndefined();
  });
});
