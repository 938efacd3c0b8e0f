/**
 * A cache for pure functions of low-cardinality input (cities, states, postcodes, countries):
 * many customers share them, so most calls are answered without normalizing or hashing again.
 * It is emptied whenever it would pass `capacity`, and keeps no key longer than `maxKeyLength`,
 * so a stream of distinct or huge values (a bad feed, an attacker) costs bounded memory and only
 * the misses it would have cost anyway.
 *
 * Keys have two parts, a scope (the country a value is read in) and the value, held in nested maps:
 * joining them into one string would build and hash a new string on every call, hit or not.
 * Lookup and store are separate calls, so a hit allocates nothing (no closure to compute a miss).
 */
export class BoundedMemo<V extends NonNullable<unknown> | null> {
  private readonly scopes = new Map<string, Map<string, V>>();
  private entries = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxKeyLength: number,
  ) {}

  get size(): number {
    return this.entries;
  }

  /** The value kept for (`scope`, `key`), or undefined. */
  get(scope: string, key: string): V | undefined {
    return this.scopes.get(scope)?.get(key);
  }

  /** Keeps `value` for (`scope`, `key`) unless the key is too long, and returns it. */
  set(scope: string, key: string, value: V): V {
    if (key.length > this.maxKeyLength) return value;
    if (this.entries >= this.capacity) {
      this.scopes.clear();
      this.entries = 0;
    }
    const values = this.scopes.get(scope) ?? new Map<string, V>();
    if (!values.has(key)) this.entries += 1;
    this.scopes.set(scope, values.set(key, value));
    return value;
  }
}
