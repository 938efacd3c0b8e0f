/**
 * The consent and privacy controls in words: what each choice for events without a consent signal
 * does, the shop region's default and why, and the Limited Data Use modes. The server decides what
 * applies (core's consent-policy); this module only names it, so the merchant sees the default
 * before choosing and what a choice replaces.
 */
import { LIMITED_DATA_USE_MODES, NO_SIGNAL_POLICIES, type ConsentRegion, type LimitedDataUse, type NoSignalPolicy, type Settings } from './types';

/** The select's value for "follow my region's default" (the API's null). */
export const REGION_DEFAULT = 'default';
export type NoSignalChoice = NoSignalPolicy | typeof REGION_DEFAULT;

export const NO_SIGNAL_LABELS: Record<NoSignalPolicy, string> = {
  send: 'Send',
  limited_data_use: 'Send with Limited Data Use',
  keep: 'Keep, do not send',
};

export const NO_SIGNAL_HELP: Record<NoSignalPolicy, string> = {
  send: 'Sent to Meta as any other event.',
  limited_data_use: 'Sent with Meta’s Limited Data Use flag: Meta restricts how it uses the event in US states with privacy laws.',
  keep: 'Kept in the event log, not sent; sent after all if the storefront pixel later reports the shopper’s consent.',
};

const REGION_REASONS: Record<ConsentRegion, string> = {
  eea_uk_ch: 'the EEA, the UK and Switzerland ask for consent before marketing tracking',
  us: 'a US shopper who opted out of the sale of their data looks the same as one the pixel never saw',
  other: 'no rule for your shop’s country asks for more',
  unknown: 'no region rule can be chosen without it. If your business is in the EEA, the UK or Switzerland, choose Keep',
};

/** "Germany" for DE, in the panel's language; the code itself where the browser cannot name it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function shopPlace(settings: Settings): string {
  const { country } = settings.noConsentSignalDefault;
  return country ? `your shop’s country (${countryName(country)})` : 'a shop whose country is unknown';
}

export function noSignalChoiceOf(settings: Settings): NoSignalChoice {
  return settings.noConsentSignal ?? REGION_DEFAULT;
}

/**
 * The select's options: the region's default first, named by what it does (the help text says for
 * which country, and why; labels stay short enough for a phone's width), then each choice.
 */
export function noSignalOptions(settings: Settings): { value: NoSignalChoice; label: string }[] {
  const fallback = settings.noConsentSignalDefault.policy;
  return [
    { value: REGION_DEFAULT, label: `Default: ${NO_SIGNAL_LABELS[fallback]}` },
    ...NO_SIGNAL_POLICIES.map((policy) => ({ value: policy, label: NO_SIGNAL_LABELS[policy] })),
  ];
}

/** What the chosen option does, and for the default, why it is the default. */
export function noSignalHelp(settings: Settings, choice: NoSignalChoice): string {
  const { policy, region } = settings.noConsentSignalDefault;
  const intro = 'Orders, checkouts and carts the storefront pixel reported no consent choice for (it stays silent until a shopper consents).';
  if (choice !== REGION_DEFAULT) return `${intro} ${NO_SIGNAL_HELP[choice]}`;
  return `${intro} ${NO_SIGNAL_HELP[policy]} The default for ${shopPlace(settings)}, because ${REGION_REASONS[region]}.`;
}

export const LIMITED_DATA_USE_LABELS: Record<LimitedDataUse, string> = {
  off: 'Only for opt-outs',
  geolocate: 'All events, Meta finds the state',
  california: 'All events, as California',
};

export const LIMITED_DATA_USE_HELP: Record<LimitedDataUse, string> = {
  off: 'Events of a shopper who opted out of the sale of their data always carry Limited Data Use; others do not.',
  geolocate: 'Every event carries Limited Data Use with country and state 0: Meta applies it where the shopper’s US state has a privacy law.',
  california: 'Every event carries Limited Data Use for California (country 1, state 1000), wherever the shopper is.',
};

export const LIMITED_DATA_USE_OPTIONS = LIMITED_DATA_USE_MODES.map((value) => ({ value, label: LIMITED_DATA_USE_LABELS[value] }));
