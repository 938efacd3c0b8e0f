import { sha256Hex } from './hash';
import { hashedValue } from './hashed-value';

describe('hashedValue', () => {
  test('a repeated value is answered from the memo with the same outcome', () => {
    expect(hashedValue('ct', 'New York', {})).toEqual({ value: sha256Hex('newyork') });
    expect(hashedValue('ct', 'New York', {})).toEqual({ value: sha256Hex('newyork') });
    expect(hashedValue('ge', 'they', {})).toEqual({ value: null, reason: 'gender is not a word for female or male (f/m)' });
    expect(hashedValue('ge', 'they', {})).toEqual({ value: null, reason: 'gender is not a word for female or male (f/m)' });
  });

  test('the memo is keyed by the country: the same raw zip and state read differently under two', () => {
    expect(hashedValue('zp', '10001-1234', { country: 'us' })).toEqual({ value: sha256Hex('10001') });
    expect(hashedValue('zp', '10001-1234', { country: 'de' })).toEqual({ value: sha256Hex('100011234') });
    expect(hashedValue('st', 'California', { country: 'us' })).toEqual({ value: sha256Hex('ca') });
    expect(hashedValue('st', 'California', { country: 'fr' })).toEqual({ value: sha256Hex('california') });
  });

  test('a value that is not text is reported, not memoized', () => {
    expect(hashedValue('zp', 10001, {})).toEqual({ value: null, reason: 'postal code is not text' });
  });
});
