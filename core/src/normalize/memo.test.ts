import { BoundedMemo } from './memo';

describe('BoundedMemo', () => {
  test('returns what was kept, and undefined for what was not', () => {
    const memo = new BoundedMemo<string>(10, 20);
    expect(memo.get('', 'key')).toBeUndefined();
    expect(memo.set('', 'key', 'value')).toBe('value');
    expect(memo.get('', 'key')).toBe('value');
  });

  test('keeps null as an answer', () => {
    const memo = new BoundedMemo<string | null>(10, 20);
    memo.set('', 'key', null);
    expect(memo.get('', 'key')).toBeNull();
  });

  test('tells scopes apart', () => {
    const memo = new BoundedMemo<string>(10, 20);
    memo.set('us', '10001-1234', 'us');
    memo.set('de', '10001-1234', 'de');
    expect(memo.get('us', '10001-1234')).toBe('us');
    expect(memo.get('de', '10001-1234')).toBe('de');
  });

  test('never holds more than its capacity, across scopes', () => {
    const memo = new BoundedMemo<number>(100, 20);
    for (let n = 0; n < 1_000; n++) {
      memo.set(String(n % 7), String(n), n);
      expect(memo.size).toBeLessThanOrEqual(100);
    }
    expect(memo.get('0', '0')).toBeUndefined();
  });

  test('counts a key kept twice once', () => {
    const memo = new BoundedMemo<number>(10, 20);
    memo.set('', 'key', 1);
    memo.set('', 'key', 2);
    expect(memo.size).toBe(1);
    expect(memo.get('', 'key')).toBe(2);
  });

  test('does not keep a key longer than its limit', () => {
    const memo = new BoundedMemo<string>(10, 20);
    expect(memo.set('', 'x'.repeat(21), 'value')).toBe('value');
    expect(memo.get('', 'x'.repeat(21))).toBeUndefined();
    expect(memo.size).toBe(0);
  });
});
