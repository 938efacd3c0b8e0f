import type { UserDataField } from '../meta/wire';
import { normalizeCountry } from './country';
import { normalizeDateOfBirth, type DateFormat } from './date-of-birth';
import { normalizeEmail } from './email';
import { normalizeExternalId } from './external-id';
import { normalizeGender } from './gender';
import { normalizeCity, normalizeFirstName, normalizeLastName } from './names';
import { normalizePhone } from './phone';
import { normalizeFbc, normalizeFbp } from './fb-cookies';
import { normalizeIpAddress, normalizeUserAgent } from './plain-fields';
import { normalizePostalCode } from './postal-code';
import { normalizeState } from './region';
import type { NormalizeResult } from './result';

/** Context with the country already resolved to a lowercase ISO alpha-2 code. */
export interface ResolvedContext {
  country?: string;
  dateFormat?: DateFormat;
}

export interface FieldRule {
  /** How the field is named in merchant-facing reasons. */
  label: string;
  /** Gets trimmed-non-empty text that is not already a SHA-256 hash. */
  normalize: (text: string, ctx: ResolvedContext) => NormalizeResult;
}

/** One rule per user_data key: adding a key is adding a row, never a branch. */
export const FIELD_RULES: Readonly<Record<UserDataField, FieldRule>> = {
  em: { label: 'email', normalize: normalizeEmail },
  ph: { label: 'phone', normalize: (text, ctx) => normalizePhone(text, ctx.country) },
  fn: { label: 'first name', normalize: normalizeFirstName },
  ln: { label: 'last name', normalize: normalizeLastName },
  db: { label: 'date of birth', normalize: (text, ctx) => normalizeDateOfBirth(text, ctx.dateFormat) },
  ge: { label: 'gender', normalize: normalizeGender },
  ct: { label: 'city', normalize: normalizeCity },
  st: { label: 'state', normalize: (text, ctx) => normalizeState(text, ctx.country) },
  zp: { label: 'postal code', normalize: (text, ctx) => normalizePostalCode(text, ctx.country) },
  country: { label: 'country', normalize: normalizeCountry },
  external_id: { label: 'external id', normalize: normalizeExternalId },
  client_ip_address: { label: 'IP address', normalize: normalizeIpAddress },
  client_user_agent: { label: 'user agent', normalize: normalizeUserAgent },
  fbc: { label: 'fbc', normalize: normalizeFbc },
  fbp: { label: 'fbp', normalize: normalizeFbp },
};
