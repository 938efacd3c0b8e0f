import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  test.each([
    ['trims and lowercases', '  John_Smith@Gmail.COM ', 'john_smith@gmail.com'],
    ['keeps plus tags and dots', 'J.Smith+Promo@gmail.com', 'j.smith+promo@gmail.com'],
    ['lowercases beyond ASCII', 'JOSÉ@EXAMPLE.COM', 'josé@example.com'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeEmail(input)).toEqual({ value: expected });
  });

  test.each([
    ['no @', 'john.example.com', 'email has no single @'],
    ['two @', 'john@@example.com', 'email has no single @'],
    ['inner space', 'john smith@example.com', 'email contains a space'],
    ['inner tab', 'john\t@example.com', 'email contains a space'],
    ['nothing before @', '@example.com', 'email is missing the part before or after @'],
    ['nothing after @', 'john@', 'email is missing the part before or after @'],
  ])('drops %s', (_name, input, reason) => {
    expect(normalizeEmail(input)).toEqual({ value: null, reason });
  });
});
