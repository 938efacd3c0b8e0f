import type { UserDataField } from '../meta/wire';
import { HASHED_FIELDS } from '../meta/wire';
import { normalize, normalizeWithReason } from './normalize';

const DIGEST = '62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f';

describe('normalizeWithReason', () => {
  test.each(HASHED_FIELDS.map((field) => [field]))('%s passes an already hashed value through, appendix included', (field) => {
    expect(normalizeWithReason(field, `  ${DIGEST.toUpperCase()}.ABcDEFGh `)).toEqual({ value: `${DIGEST}.ABcDEFGh` });
  });

  test('32-hex is not trusted as a hash: it is normalized as the field’s own value', () => {
    expect(normalizeWithReason('em', 'ac862c981fee6b90654257051c4e197a')).toEqual({
      value: null,
      reason: 'email is not an email address (it needs exactly one @)',
    });
    expect(normalize('external_id', '550e8400e29b41d4a716446655440000')).toBe('550e8400e29b41d4a716446655440000');
  });

  test.each([
    ['a number', 'ph', 16505551212, 'phone is not text'],
    ['null', 'em', null, 'email is not text'],
    ['an object', 'fn', { first: 'Mary' }, 'first name is not text'],
    ['an empty string', 'em', '', 'email is empty'],
    ['whitespace only', 'ph', '   ', 'phone is empty'],
    ['blank user agent', 'client_user_agent', ' \t', 'user agent is empty'],
  ] as const)('drops %s with a reason', (_name, field, value, reason) => {
    expect(normalizeWithReason(field, value)).toEqual({ value: null, reason });
  });

  test('an unknown key from untyped callers is reported, not thrown', () => {
    expect(normalizeWithReason('madid' as UserDataField, 'x')).toEqual({ value: null, reason: 'unknown user_data key' });
  });

  test('the country context accepts names as well as codes', () => {
    expect(normalize('ph', '030 123456', { country: 'Germany' })).toBe('4930123456');
    expect(normalize('zp', '94107-1234', { country: 'United States' })).toBe('94107');
  });

  test('an unrecognized context country falls back to the country-neutral rules', () => {
    expect(normalize('zp', 'AB-12', { country: 'Atlantis' })).toBe('ab12');
  });

  test('hashed values come out in NFC even when the input is decomposed', () => {
    expect(normalize('ct', 'Zu\u0308rich')).toBe('zürich');
  });

  test('odd input never throws', () => {
    const odd = ['\uD800', '\u0000@\u0000', 'a'.repeat(10_000), '++++', '0'.repeat(40), '🙂', '\u200B'];
    for (const field of HASHED_FIELDS) {
      for (const value of odd) expect(() => normalizeWithReason(field, value)).not.toThrow();
    }
  });
});
