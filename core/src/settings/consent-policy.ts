/**
 * What happens to an event that arrives with no consent signal at all: the storefront pixel never
 * reported the shopper's choice (it loads only after marketing consent, and not after a sale-of-data
 * opt-out), or the sale has no browser (point of sale). A per-pixel setting; until the merchant
 * chooses, the default follows the shop's region (README, "Consent"):
 *
 * - EEA, UK, Switzerland: `keep`. Shopify's Customer Privacy API requires consent there before
 *   marketing tracking, and the pixel stays silent until it is given: no signal means no consent.
 * - United States: `limited_data_use`. A visitor who opted out of the sale of their data looks the
 *   same as one the pixel never saw, so the event carries Meta's Limited Data Use flag with country
 *   and state 0: Meta applies it in the states whose privacy laws it covers, and nowhere else.
 * - Elsewhere, and a region we do not know: `send`. No rule we apply asks for more, and sending is
 *   what CAPI Relay did before the setting existed (a Medusa store has no signal at all: keeping or
 *   flagging every one of its events by surprise would be worse). The panel names the region.
 */
import type { Consent } from '../model/commerce';

export const NO_SIGNAL_POLICIES = ['send', 'limited_data_use', 'keep'] as const;
export type NoSignalPolicy = (typeof NO_SIGNAL_POLICIES)[number];

export const CONSENT_REGIONS = ['eea_uk_ch', 'us', 'other', 'unknown'] as const;
export type ConsentRegion = (typeof CONSENT_REGIONS)[number];

/**
 * The EU's 27 members (with their outermost regions that carry ISO codes of their own: French Guiana,
 * Guadeloupe, Martinique, Réunion, Mayotte, Saint-Martin, Åland), the EEA's Iceland, Liechtenstein
 * and Norway, the United Kingdom and Switzerland: where Shopify's consent banner asks by default.
 */
const EEA_UK_CH: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'GF', 'GP', 'MQ', 'RE', 'YT', 'MF', 'AX',
  'IS', 'LI', 'NO',
  'GB', 'CH',
]);

/** The region an ISO 3166-1 alpha-2 country code (any case) falls in; null or malformed is `unknown`. */
export function consentRegionOf(country: string | null | undefined): ConsentRegion {
  const code = country?.trim().toUpperCase();
  if (!code || !/^[A-Z]{2}$/.test(code)) return 'unknown';
  if (EEA_UK_CH.has(code)) return 'eea_uk_ch';
  return code === 'US' ? 'us' : 'other';
}

export const REGION_DEFAULTS: Record<ConsentRegion, NoSignalPolicy> = {
  eea_uk_ch: 'keep',
  us: 'limited_data_use',
  other: 'send',
  unknown: 'send',
};

/** The default for a shop, with what it rests on, as the settings show it. */
export interface NoSignalDefault {
  policy: NoSignalPolicy;
  region: ConsentRegion;
  /** The shop's country (ISO alpha-2, upper case) it was derived from; null when not known. */
  country: string | null;
}

export function noSignalDefault(shopCountry: string | null | undefined): NoSignalDefault {
  const region = consentRegionOf(shopCountry);
  return { policy: REGION_DEFAULTS[region], region, country: region === 'unknown' ? null : (shopCountry as string).trim().toUpperCase() };
}

/** What applies to a pixel's events without a signal: the merchant's choice, else the region's default. */
export interface NoSignalDecision extends NoSignalDefault {
  /** True when the merchant chose the policy; false when it is the region's default. */
  chosen: boolean;
}

export function noSignalDecision(chosen: NoSignalPolicy | null, shopCountry: string | null | undefined): NoSignalDecision {
  const fallback = noSignalDefault(shopCountry);
  return chosen === null ? { ...fallback, chosen: false } : { ...fallback, policy: chosen, chosen: true };
}

/** Whether the shopper's browser reported anything at all: either flag set is a signal. */
export function hasConsentSignal(consent: Consent | undefined): boolean {
  return consent?.marketing !== undefined || consent?.saleOfData !== undefined;
}
