import { normalizeCity, normalizeFirstName, normalizeLastName } from './names';

describe('normalizeFirstName / normalizeLastName', () => {
  test.each([
    ['ASCII and Unicode punctuation removed', 'O’Brien-Smith', 'obriensmith'],
    ['inner spaces kept, runs collapsed', '  Mary   Jane ', 'mary jane'],
    ['punctuation between words leaves one space', 'Mary - Jane', 'mary jane'],
    ['accents kept', 'ÉLODIE', 'élodie'],
    ['non-Latin scripts and their combining marks kept', 'प्रिया', 'प्रिया'],
    ['symbols and emoji removed', 'Ann🙂 $', 'ann'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeFirstName(input)).toEqual({ value: expected });
  });

  test('a name of punctuation only is dropped with a reason', () => {
    expect(normalizeLastName('--.')).toEqual({ value: null, reason: 'last name has no letters' });
  });
});

describe('normalizeCity', () => {
  test.each([
    ['spaces, digits and punctuation removed', 'Menlo Park 94025', 'menlopark'],
    ['apostrophes removed', "Coeur d'Alene", 'coeurdalene'],
    ['letters with accents kept', 'São Paulo', 'sãopaulo'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCity(input)).toEqual({ value: expected });
  });

  test('a city without letters is dropped with a reason', () => {
    expect(normalizeCity('75018')).toEqual({ value: null, reason: 'city has no letters' });
  });
});
