import { BoundedMemo } from './memo';

describe('BoundedMemo', () => {
  test('computes a key once', () => {
    const memo = new BoundedMemo<string>(10);
    const compute = jest.fn(() => 'value');
    expect(memo.get('', 'key', compute)).toBe('value');
    expect(memo.get('', 'key', compute)).toBe('value');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  test('keeps undefined as an answer, not as a miss', () => {
    const memo = new BoundedMemo<string | undefined>(10);
    const compute = jest.fn(() => undefined);
    memo.get('', 'key', compute);
    memo.get('', 'key', compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  test('tells scopes apart', () => {
    const memo = new BoundedMemo<string>(10);
    expect(memo.get('us', '10001-1234', () => 'us')).toBe('us');
    expect(memo.get('de', '10001-1234', () => 'de')).toBe('de');
    expect(memo.get('us', '10001-1234', () => 'again')).toBe('us');
  });

  test('never holds more than its capacity, across scopes', () => {
    const memo = new BoundedMemo<number>(100);
    for (let n = 0; n < 1_000; n++) {
      memo.get(String(n % 7), String(n), () => n);
      expect(memo.size).toBeLessThanOrEqual(100);
    }
  });

  test('answers correctly after it was emptied', () => {
    const memo = new BoundedMemo<number>(2);
    for (const n of [1, 2, 3, 1, 2, 3]) expect(memo.get('', String(n), () => n * 10)).toBe(n * 10);
  });
});
