/**
 * A cache for pure functions of low-cardinality input (cities, states, postcodes, countries):
 * many customers share them, so most calls are answered without normalizing or hashing again.
 * It is emptied whenever it would pass `capacity`, so a stream of distinct values (a bad feed,
 * an attacker) costs bounded memory and only the misses it would have cost anyway.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached value for `key`, else `compute()`, kept for next time. */
  get(key: string, compute: () => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) return cached as V;
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
