import { normalizeCity, normalizeFirstName, normalizeLastName } from './names';

describe('normalizeFirstName / normalizeLastName', () => {
  test.each([
    ['ASCII and Unicode punctuation removed', 'O’Brien-Smith', 'obriensmith'],
    ['an inner space removed', 'Mary Jane', 'maryjane'],
    ['runs of spaces and surrounding spaces removed', '  Mary   Jane ', 'maryjane'],
    ['tabs, line breaks and no-break spaces removed', 'Mary\tJane\nAnn\u00a0Lee', 'maryjaneannlee'],
    ['punctuation between words', 'Mary - Jane', 'maryjane'],
    ['a multi-word surname', 'Van Der Berg', 'vanderberg'],
    ['accents kept in a multi-word name', 'García Márquez', 'garcíamárquez'],
    ['accents kept', 'ÉLODIE', 'élodie'],
    ['non-Latin scripts and their combining marks kept', 'प्रिया', 'प्रिया'],
    ['an ideographic space removed', '山田\u3000太郎', '山田太郎'],
    ['symbols and emoji removed', 'Ann🙂 $', 'ann'],
    ['an emoji with its variation selector removed', 'Mary ❤️', 'mary'],
    ['a ZWJ emoji sequence removed whole', 'Jo👩‍👩‍👧', 'jo'],
    ['a skin-tone modifier removed', 'Sam👍🏽', 'sam'],
    ['a keycap emoji removed', 'Kim #️⃣', 'kim'],
    ['a flag removed', 'Luc 🇫🇷', 'luc'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeFirstName(input)).toEqual({ value: expected });
  });

  test.each([
    ['punctuation only', '--.'],
    ['an emoji with its variation selector only', '❤️'],
    ['a bare variation selector', '\uFE0F'],
    ['a ZWJ sequence only', '👩‍👩‍👧'],
    ['digits only', '1234'],
  ])('a name of %s is dropped with a reason', (_name, input) => {
    expect(normalizeLastName(input)).toEqual({ value: null, reason: 'last name has no letters' });
  });
});

describe('normalizeCity', () => {
  test.each([
    ['spaces, digits and punctuation removed', 'Menlo Park 94025', 'menlopark'],
    ['apostrophes removed', "Coeur d'Alene", 'coeurdalene'],
    ['letters with accents kept', 'São Paulo', 'sãopaulo'],
    ['emoji leftovers removed', 'Paris ❤️', 'paris'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCity(input)).toEqual({ value: expected });
  });

  test.each(['75018', '🏙️'])('a city without letters (%j) is dropped with a reason', (input) => {
    expect(normalizeCity(input)).toEqual({ value: null, reason: 'city has no letters' });
  });
});
