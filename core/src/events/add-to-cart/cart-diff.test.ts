import type { CartLine } from '../../model/commerce';
import { diffCartLines } from './cart-diff';

const line = (key: string, quantity: number): CartLine => ({ key, variantId: key.split(':')[0], quantity });

describe('diffCartLines', () => {
  it('treats every line of a new cart as added', () => {
    expect(diffCartLines(undefined, [line('1:a', 2), line('2:b', 1)])).toEqual([
      { line: line('1:a', 2), quantityAdded: 2, quantityAfter: 2 },
      { line: line('2:b', 1), quantityAdded: 1, quantityAfter: 1 },
    ]);
  });

  it('reports new lines and quantity increases, matched by key', () => {
    const previous = [line('1:a', 1), line('2:b', 3)];
    const current = [line('1:a', 4), line('2:b', 3), line('3:c', 1)];
    expect(diffCartLines(previous, current)).toEqual([
      { line: line('1:a', 4), quantityAdded: 3, quantityAfter: 4 },
      { line: line('3:c', 1), quantityAdded: 1, quantityAfter: 1 },
    ]);
  });

  it('ignores removals and decreases', () => {
    expect(diffCartLines([line('1:a', 3), line('2:b', 1)], [line('1:a', 1)])).toEqual([]);
  });

  it('tells apart two lines of one variant with different keys', () => {
    expect(diffCartLines([line('1:engraved', 1)], [line('1:engraved', 1), line('1:plain', 1)])).toEqual([
      { line: line('1:plain', 1), quantityAdded: 1, quantityAfter: 1 },
    ]);
  });

  it('merges lines repeating a key so they yield one delta', () => {
    expect(diffCartLines([line('1:a', 1)], [line('1:a', 1), line('1:a', 2)])).toEqual([
      { line: line('1:a', 3), quantityAdded: 2, quantityAfter: 3 },
    ]);
  });
});
