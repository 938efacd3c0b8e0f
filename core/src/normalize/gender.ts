import { dropped, kept, type NormalizeResult } from './result';
import { lettersOnly, lowerNfc } from './text';

/**
 * Words that name a gender outright, mapped to Meta's initial as its Parameter Builder maps them.
 * Honorifics and pronouns are left out on purpose: `Ms`, `Dr` or `they` say too little to hash.
 */
const GENDER_WORDS: Readonly<Record<'f' | 'm', readonly string[]>> = {
  f: ['f', 'female', 'woman', 'women', 'girl', 'lady', 'feminine'],
  m: ['m', 'male', 'man', 'men', 'boy', 'gentleman', 'masculine'],
};

const INITIAL_BY_WORD: ReadonlyMap<string, 'f' | 'm'> = new Map(
  Object.entries(GENDER_WORDS).flatMap(([initial, words]) => words.map((word) => [word, initial as 'f' | 'm'] as const)),
);

/** `ge`: Meta accepts only the initials `f` and `m`; anything else is left out rather than guessed. */
export function normalizeGender(text: string): NormalizeResult {
  const initial = INITIAL_BY_WORD.get(lettersOnly(lowerNfc(text)));
  return initial ? kept(initial) : dropped('gender is not a word for female or male (f/m)');
}
