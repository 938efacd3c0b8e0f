import type { ServerEvent } from '../meta/wire';
import type { ValidationIssue } from './issues';

/**
 * Limited Data Use: `["LDU"]` with a country and state (1/1000 for California, 0/0 to let Meta
 * geolocate), or `[]`/absent when off. Meta requires the state whenever a country is set.
 */
export function checkProcessingOptions(event: ServerEvent): ValidationIssue[] {
  const {
    data_processing_options: options,
    data_processing_options_country: country,
    data_processing_options_state: state,
  } = event;
  if (options === undefined) return [];
  const bad = (message: string): ValidationIssue[] => [{ field: 'data_processing_options', code: 'bad_data_processing_options', message }];
  if (options.some((option) => option !== 'LDU')) {
    return bad(`Unknown data processing option in [${options.join(', ')}]; only "LDU" exists.`);
  }
  if (options.length === 0) return [];
  if (country !== 0 && country !== 1) {
    return bad('Limited Data Use needs a country: 1 for the United States or 0 to let Meta geolocate.');
  }
  if (!Number.isInteger(state)) {
    return bad('Limited Data Use needs a state with its country: 1000 for California or 0 to let Meta geolocate.');
  }
  return [];
}
