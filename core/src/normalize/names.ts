import { dropped, kept, type NormalizeResult } from './result';
import { hasLetter, lettersAndDigits, lettersOnly, lowerNfc } from './text';

/**
 * `fn`/`ln`: lowercase, no punctuation, accents and non-Latin letters kept (Meta's `valéry`, `정`).
 * Whitespace is removed too (`Mary Jane` -> `maryjane`): the docs are silent on inner spaces, and
 * Meta's Parameter Builder, which the official SDKs call for all user data, removes them.
 */
function normalizePersonName(label: string) {
  return (text: string): NormalizeResult => {
    const name = lettersAndDigits(lowerNfc(text));
    return hasLetter(name) ? kept(name) : dropped(`${label} has no letters`);
  };
}

export const normalizeFirstName = normalizePersonName('first name');
export const normalizeLastName = normalizePersonName('last name');

/** `ct`: as a name, and also without digits (`New York` -> `newyork`, `Zürich` kept). */
export function normalizeCity(text: string): NormalizeResult {
  const city = lettersOnly(lowerNfc(text));
  return hasLetter(city) ? kept(city) : dropped('city has no letters');
}
