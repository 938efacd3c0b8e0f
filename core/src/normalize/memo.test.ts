import { BoundedMemo } from './memo';

describe('BoundedMemo', () => {
  test('computes a key once', () => {
    const memo = new BoundedMemo<string>(10);
    const compute = jest.fn(() => 'value');
    expect(memo.get('key', compute)).toBe('value');
    expect(memo.get('key', compute)).toBe('value');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  test('never holds more than its capacity', () => {
    const memo = new BoundedMemo<number>(100);
    for (let n = 0; n < 1_000; n++) {
      memo.get(String(n), () => n);
      expect(memo.size).toBeLessThanOrEqual(100);
    }
  });

  test('answers correctly after it was emptied', () => {
    const memo = new BoundedMemo<number>(2);
    for (const n of [1, 2, 3, 1, 2, 3]) expect(memo.get(String(n), () => n * 10)).toBe(n * 10);
  });
});
