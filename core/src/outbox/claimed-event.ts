import type { ServerEvent } from '../meta/wire';
import type { ClaimedEvent } from './port';

/**
 * A claimed event whose `payload` is parsed from `payloadJson` only when something reads it: the
 * worker sends the stored text as it is, and parsing a thousand payloads a round would cost it more
 * than the claim. Stores build their claimed events with this.
 */
export function claimedEvent(fields: Omit<ClaimedEvent, 'payload'>): ClaimedEvent {
  let parsed: ServerEvent | undefined;
  return {
    ...fields,
    get payload(): ServerEvent {
      parsed ??= JSON.parse(fields.payloadJson) as ServerEvent;
      return parsed;
    },
  };
}
