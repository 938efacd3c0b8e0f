import { normalizeGender } from './gender';

describe('normalizeGender', () => {
  test.each([
    ['F', 'f'],
    [' female ', 'f'],
    ['M.', 'm'],
    ['MALE', 'm'],
  ])('%j -> %s', (input, expected) => {
    expect(normalizeGender(input)).toEqual({ value: expected });
  });

  test.each(['Woman', 'Man', 'non-binary', 'x', 'fem'])('drops %j rather than guessing', (input) => {
    expect(normalizeGender(input)).toEqual({ value: null, reason: 'gender is not f/m (female/male)' });
  });
});
