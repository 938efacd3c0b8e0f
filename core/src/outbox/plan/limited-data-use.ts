import type { ServerEvent } from '../../meta/wire';
import type { Consent } from '../../model/commerce';
import type { LimitedDataUse } from '../../settings/port';

const OPTIONS: Record<Exclude<LimitedDataUse, 'off'>, Pick<ServerEvent, 'data_processing_options' | 'data_processing_options_country' | 'data_processing_options_state'>> = {
  geolocate: { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 },
  california: { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000 },
};

/**
 * The event as one pixel sends it: with Meta's Limited Data Use fields when the pixel's setting asks
 * for them, or, with the setting off, when the shopper opted out of the sale of their data (Meta then
 * geolocates and applies LDU where the visitor's state has such a law). Off and no opt-out: unchanged.
 */
export function withLimitedDataUse(event: ServerEvent, mode: LimitedDataUse, consent: Consent | undefined): ServerEvent {
  const effective = mode !== 'off' ? mode : consent?.saleOfData === false ? 'geolocate' : 'off';
  return effective === 'off' ? event : { ...event, ...OPTIONS[effective] };
}
