/**
 * A cache for pure functions of low-cardinality input (cities, states, postcodes, countries):
 * many customers share them, so most calls are answered without normalizing or hashing again.
 * It is emptied whenever it would pass `capacity`, so a stream of distinct values (a bad feed,
 * an attacker) costs bounded memory and only the misses it would have cost anyway.
 *
 * Keys have two parts, a scope (the country a value is read in) and the value, held in nested maps:
 * joining them into one string would build and hash a new string on every call, hit or not.
 */
export class BoundedMemo<V> {
  private readonly scopes = new Map<string, Map<string, V>>();
  private entries = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries;
  }

  /** The cached value for (`scope`, `key`), else `compute()`, kept for next time. */
  get(scope: string, key: string, compute: () => V): V {
    const values = this.scopes.get(scope);
    const cached = values?.get(key);
    if (cached !== undefined || values?.has(key)) return cached as V;
    const value = compute();
    if (this.entries >= this.capacity) {
      this.scopes.clear();
      this.entries = 0;
    }
    const scoped = this.scopes.get(scope) ?? new Map<string, V>();
    this.scopes.set(scope, scoped.set(key, value));
    this.entries += 1;
    return value;
  }
}
