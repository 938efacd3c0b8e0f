import { HASHED_FIELDS, PLAIN_FIELDS, type UserDataField, type WireUserData } from '../meta/wire';
import { FIELD_RULES } from './fields';
import { hashedValue } from './hashed-value';
import { normalizeResolved, resolveContext, type NormalizeContext } from './normalize';
import type { NormalizeResult } from './result';

/** user_data as collected from the store: any key may hold one value, several, or nothing. */
export type RawUserData = Partial<Record<UserDataField, string | string[] | null | undefined>>;

/** A value that was left out of user_data, and why, for the merchant's diagnostics. */
export interface DroppedField {
  field: UserDataField;
  reason: string;
}

/**
 * Normalizes and hashes collected user_data into Meta's wire shape. Hashed keys become
 * deduplicated lists of hashes (deduplicated after hashing, so `Mary` and `MARY` count once);
 * plain keys a single string. Keys without a usable value are omitted: never `null`, `""` or
 * `[null]`. Blank values count as absent; every other value left out is listed with its reason.
 * Without `ctx.country`, the raw `country` value serves as the phone/zp/st region.
 */
export function hashUserData(raw: RawUserData, ctx: NormalizeContext = {}): { userData: WireUserData; dropped: DroppedField[] } {
  const resolved = resolveContext({ ...ctx, country: ctx.country ?? firstText(raw.country) });
  const userData: WireUserData = {};
  const dropped: DroppedField[] = [];
  const keep = (field: UserDataField, result: NormalizeResult): string | undefined => {
    if (result.value !== null) return result.value;
    dropped.push({ field, reason: result.reason });
    return undefined;
  };

  for (const field of HASHED_FIELDS) {
    const value = raw[field];
    // Most customers carry a few of the keys: an absent one costs nothing.
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      // One value, the usual case: the same steps as below without the lists and the set.
      const hashed = value.trim() ? keep(field, hashedValue(field, value, resolved)) : undefined;
      if (hashed !== undefined) userData[field] = [hashed];
      continue;
    }
    const hashes = new Set<string>();
    for (const item of valuesOf(value)) {
      const hashed = keep(field, hashedValue(field, item, resolved));
      if (hashed !== undefined) hashes.add(hashed);
    }
    if (hashes.size > 0) userData[field] = [...hashes];
  }
  for (const field of PLAIN_FIELDS) {
    if (raw[field] === undefined || raw[field] === null) continue;
    const [first, ...others] = new Set(valuesOf(raw[field]).flatMap((value) => keep(field, normalizeResolved(field, value, resolved)) ?? []));
    if (first !== undefined) userData[field] = first;
    if (others.length > 0) {
      dropped.push({ field, reason: `${FIELD_RULES[field].label} takes one value; ${others.length} more left out` });
    }
  }
  return { userData, dropped };
}

/** The first non-blank text of one raw key. */
function firstText(value: RawUserData[UserDataField]): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  return valuesOf(value).find((item): item is string => typeof item === 'string');
}

/** The non-blank values of one raw key. Non-strings are kept so they are reported, not lost. */
function valuesOf(value: RawUserData[UserDataField]): unknown[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((item) => item !== null && item !== undefined && !(typeof item === 'string' && !item.trim()));
}
