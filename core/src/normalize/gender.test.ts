import { normalizeGender } from './gender';

describe('normalizeGender', () => {
  test.each([
    ['F', 'f'],
    [' female ', 'f'],
    ['Woman', 'f'],
    ['WOMEN', 'f'],
    ['girl', 'f'],
    ['Lady', 'f'],
    ['M.', 'm'],
    ['MALE', 'm'],
    ['Man', 'm'],
    ['boy', 'm'],
    ['Gentleman', 'm'],
    ['men', 'm'],
  ])('%j -> %s', (input, expected) => {
    expect(normalizeGender(input)).toEqual({ value: expected });
  });

  test.each(['non-binary', 'x', 'fem', 'Ms', 'Mr', 'they', 'other', 'u', '♀'])('drops %j rather than guessing', (input) => {
    expect(normalizeGender(input)).toEqual({ value: null, reason: 'gender is not a word for female or male (f/m)' });
  });
});
