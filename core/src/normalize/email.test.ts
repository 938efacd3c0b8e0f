import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  test.each([
    ['trims and lowercases', '  John_Smith@Gmail.COM ', 'john_smith@gmail.com'],
    ['keeps plus tags and dots', 'J.Smith+Promo@gmail.com', 'j.smith+promo@gmail.com'],
    ['lowercases beyond ASCII', 'JOSÉ@EXAMPLE.COM', 'josé@example.com'],
    ['an internationalized domain', 'user@exämple.com', 'user@exämple.com'],
    ['a subdomain and a long TLD', 'a@mail.example.museum', 'a@mail.example.museum'],
    ['tabs and line breaks around it', '\tjohn@example.com\n', 'john@example.com'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeEmail(input)).toEqual({ value: expected });
  });

  const reason = (why: string) => `email is not an email address (${why})`;
  test.each([
    ['no @', 'john.example.com', reason('it needs exactly one @')],
    ['a 32-hex digest', 'ac862c981fee6b90654257051c4e197a', reason('it needs exactly one @')],
    ['two @', 'john@@example.com', reason('it needs exactly one @')],
    ['two addresses', 'a@example.com,b@example.com', reason('it needs exactly one @')],
    ['inner space', 'john smith@example.com', reason('it contains a space')],
    ['inner tab', 'john\t@example.com', reason('it contains a space')],
    ['inner no-break space', 'john\u00a0@example.com', reason('it contains a space')],
    ['nothing before @', '@example.com', reason('nothing before or after the @')],
    ['nothing after @', 'john@', reason('nothing before or after the @')],
    ['no dot in the domain', 'user@localhost', reason('its domain has no dot between two names')],
    ['domain starting with a dot', 'user@.com', reason('its domain has no dot between two names')],
    ['domain ending with a dot', 'user@example.', reason('its domain has no dot between two names')],
    ['consecutive dots in the domain', 'user@example..com', reason('it has two dots in a row')],
    ['consecutive dots before the @', 'john..smith@example.com', reason('it has two dots in a row')],
  ])('drops %s', (_name, input, expected) => {
    expect(normalizeEmail(input)).toEqual({ value: null, reason: expected });
  });
});
