import { dropped, kept, type NormalizeResult } from './result';
import { lettersOnly, lowerNfc, wordsWithoutPunctuation } from './text';

/**
 * `fn`/`ln`: lowercase, no punctuation, accents and non-Latin letters kept. The rule does not say
 * "no spaces" (the `ct`/`st`/`zp` rules do), so `mary jane` keeps its single inner space.
 */
function normalizePersonName(label: string) {
  return (text: string): NormalizeResult => {
    const name = wordsWithoutPunctuation(lowerNfc(text));
    return name ? kept(name) : dropped(`${label} has no letters`);
  };
}

export const normalizeFirstName = normalizePersonName('first name');
export const normalizeLastName = normalizePersonName('last name');

/** `ct`: as a name, and also without spaces and digits (`New York` -> `newyork`, `Zürich` kept). */
export function normalizeCity(text: string): NormalizeResult {
  const city = lettersOnly(lowerNfc(text));
  return city ? kept(city) : dropped('city has no letters');
}
