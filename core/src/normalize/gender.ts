import { dropped, kept, type NormalizeResult } from './result';
import { lettersOnly, lowerNfc } from './text';

const GENDER_INITIALS: Readonly<Record<string, 'f' | 'm'>> = { f: 'f', female: 'f', m: 'm', male: 'm' };

/** `ge`: Meta accepts only the initials `f` and `m`; anything else is left out rather than guessed. */
export function normalizeGender(text: string): NormalizeResult {
  const initial = GENDER_INITIALS[lettersOnly(lowerNfc(text))];
  return initial ? kept(initial) : dropped('gender is not f/m (female/male)');
}
