export { normalize, normalizeWithReason, isHashedField, type NormalizeContext } from './normalize';
export type { NormalizeResult } from './result';
export type { DateFormat } from './date-of-birth';
export { sha256Hex, hashField, asPreHashed } from './hash';
export { hashUserData, type RawUserData, type DroppedField } from './user-data';
export { buildFbc } from './fbc';
export { toAlpha2 } from './country';
