import type { CartLine } from '../../model/commerce';

/** A line whose quantity went up between two snapshots of a cart. */
export interface CartLineDelta {
  line: CartLine;
  quantityAdded: number;
  quantityAfter: number;
}

/** Lines merged by key: a key seen twice is one line, so it can never yield two events with one id. */
function quantitiesByKey(lines: CartLine[]): Map<string, CartLine> {
  const byKey = new Map<string, CartLine>();
  for (const line of lines) {
    const seen = byKey.get(line.key);
    byKey.set(line.key, seen ? { ...seen, quantity: seen.quantity + line.quantity } : line);
  }
  return byKey;
}

/**
 * What was added between `previous` and `current`: new lines and lines whose quantity rose, matched
 * by line key. No previous snapshot means the cart was just created, so every line was added.
 * Removals and decreases are not AddToCart events and yield nothing.
 */
export function diffCartLines(previous: CartLine[] | undefined, current: CartLine[]): CartLineDelta[] {
  const before = quantitiesByKey(previous ?? []);
  const deltas: CartLineDelta[] = [];
  for (const line of quantitiesByKey(current).values()) {
    const quantityBefore = before.get(line.key)?.quantity ?? 0;
    if (line.quantity > quantityBefore) {
      deltas.push({ line, quantityAdded: line.quantity - quantityBefore, quantityAfter: line.quantity });
    }
  }
  return deltas;
}
