import type { HashedField } from '../meta/wire';
import type { ResolvedContext } from './fields';
import { hashNfc } from './hash';
import { BoundedMemo } from './memo';
import { normalizeResolved } from './normalize';
import { kept, type NormalizeResult } from './result';

/**
 * Fields whose values repeat across customers: a store's shoppers share a few genders, countries,
 * states, cities and postcodes. Their normalizers read no context but the country, so the country
 * and the raw text decide the outcome (the same zip is cut to 5 digits in the US only). Names are
 * left out: drawn as a store's are (bench/lib/customers.js), caching them gained nothing measurable,
 * and it would keep customers' names in memory after their orders are written.
 */
const SHARED_VALUE_FIELDS: readonly HashedField[] = ['ge', 'ct', 'st', 'zp', 'country'];

/** Enough for the common cities and postcodes of a large store's recent orders. */
const MEMO_CAPACITY = 10_000;
/** Longer than any real name, city or postcode: a longer value is normalized each time, never kept. */
const MAX_MEMO_KEY_LENGTH = 100;

const MEMOS: ReadonlyMap<HashedField, BoundedMemo<NormalizeResult>> = new Map(
  SHARED_VALUE_FIELDS.map((field) => [field, new BoundedMemo<NormalizeResult>(MEMO_CAPACITY, MAX_MEMO_KEY_LENGTH)]),
);

/** The wire hash of one raw value of a hashed field, or why it is left out. */
export function hashedValue(field: HashedField, value: unknown, ctx: ResolvedContext): NormalizeResult {
  const memo = MEMOS.get(field);
  if (!memo || typeof value !== 'string') return normalizeAndHash(field, value, ctx);
  const scope = ctx.country ?? '';
  return memo.get(scope, value) ?? memo.set(scope, value, normalizeAndHash(field, value, ctx));
}

function normalizeAndHash(field: HashedField, value: unknown, ctx: ResolvedContext): NormalizeResult {
  const result = normalizeResolved(field, value, ctx);
  return result.value === null ? result : kept(hashNfc(result.value));
}
