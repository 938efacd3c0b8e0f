import { HASHED_FIELDS, type HashedField, type UserDataField } from '../meta/wire';
import { toAlpha2 } from './country';
import type { DateFormat } from './date-of-birth';
import { FIELD_RULES, type ResolvedContext } from './fields';
import { asPreHashed } from './hash';
import { BoundedMemo } from './memo';
import { dropped, kept, type NormalizeResult } from './result';
import { nfc } from './text';

export interface NormalizeContext {
  /** The address's country, as an alpha-2 code or a name: default phone region, rules for `zp`/`st`. */
  country?: string;
  /** Day/month order for numeric dates of birth whose day and month could be swapped. */
  dateFormat?: DateFormat;
}

const HASHED: ReadonlySet<UserDataField> = new Set(HASHED_FIELDS);

export function isHashedField(field: UserDataField): field is HashedField {
  return HASHED.has(field);
}

/** Every event names its country, and a store's events name a few: each is looked up once. */
const REGION_BY_COUNTRY = new BoundedMemo<string | null>(1_000, 100);

export function resolveContext(ctx: NormalizeContext = {}): ResolvedContext {
  return { country: ctx.country ? (regionOf(ctx.country) ?? undefined) : undefined, dateFormat: ctx.dateFormat };
}

/** The lowercase alpha-2 code of a country code or name, null for none. */
function regionOf(country: string): string | null {
  const cached = REGION_BY_COUNTRY.get('', country);
  return cached !== undefined ? cached : REGION_BY_COUNTRY.set('', country, toAlpha2(country)?.toLowerCase() ?? null);
}

/**
 * The pre-hash form of one user_data value, or why it must be left out. Bad input never throws:
 * one bad value must cost one key, not the batch (the official SDK throws and loses them all).
 */
export function normalizeWithReason(field: UserDataField, value: unknown, ctx?: NormalizeContext): NormalizeResult {
  return normalizeResolved(field, value, resolveContext(ctx));
}

/** As `normalizeWithReason`, with the context resolved once by the caller. */
export function normalizeResolved(field: UserDataField, value: unknown, ctx: ResolvedContext): NormalizeResult {
  const rule = Object.hasOwn(FIELD_RULES, field) ? FIELD_RULES[field] : undefined;
  if (!rule) return dropped('unknown user_data key');
  if (typeof value !== 'string') return dropped(`${rule.label} is not text`);
  if (!value.trim()) return dropped(`${rule.label} is empty`);
  if (!isHashedField(field)) return rule.normalize(value, ctx);

  const preHashed = asPreHashed(value);
  if (preHashed) return kept(preHashed);
  const result = rule.normalize(nfc(value), ctx);
  return result.value === null ? result : kept(nfc(result.value));
}

/** The pre-hash form of one user_data value, or null when it must be left out. */
export function normalize(field: UserDataField, value: unknown, ctx?: NormalizeContext): string | null {
  return normalizeWithReason(field, value, ctx).value;
}
