import type { ServerEvent } from '../../meta/wire';
import type { Consent } from '../../model/commerce';
import type { LimitedDataUse } from '../../settings/port';

type ProcessingOptions = Pick<ServerEvent, 'data_processing_options' | 'data_processing_options_country' | 'data_processing_options_state'>;

const OPTIONS: Record<Exclude<LimitedDataUse, 'off'>, ProcessingOptions> = {
  geolocate: { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 },
  california: { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000 },
};

/**
 * The event as one pixel sends it: with Meta's Limited Data Use fields when the pixel's setting asks
 * for them, or, with the setting off, when the shopper opted out of the sale of their data, or when
 * no consent signal came and the pixel's policy for that is Limited Data Use (`noSignalLdu`). Meta
 * then geolocates and applies LDU where the visitor's state has such a law. Otherwise: unchanged.
 */
export function withLimitedDataUse(event: ServerEvent, mode: LimitedDataUse, consent: Consent | undefined, noSignalLdu = false): ServerEvent {
  const optedOut = consent?.saleOfData === false;
  const effective = mode !== 'off' ? mode : optedOut || noSignalLdu ? 'geolocate' : 'off';
  return effective === 'off' ? event : { ...event, ...OPTIONS[effective] };
}

/**
 * The event without the Limited Data Use fields: for re-planning a stored event, whose flag the
 * planner decides again from the pixel's setting and the consent signal it is given now.
 */
export function withoutLimitedDataUse(event: ServerEvent): ServerEvent {
  const { data_processing_options: _options, data_processing_options_country: _country, data_processing_options_state: _state, ...rest } = event;
  return rest;
}

export function hasLimitedDataUse(event: ServerEvent): boolean {
  return event.data_processing_options?.includes('LDU') === true;
}
