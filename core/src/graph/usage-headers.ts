/**
 * Graph reports throttling state in JSON response headers. `X-Business-Use-Case-Usage` maps business
 * object ids to lists of usage entries; `X-App-Usage` is a single object. Either may carry
 * `estimated_time_to_regain_access`, in minutes (spec sections 8 and 9).
 */

import { parseJsonOrUndefined } from './parse-json';

const USAGE_HEADERS = ['x-business-use-case-usage', 'x-app-usage'] as const;

export interface HeaderReader {
  get(name: string): string | null;
}

/** The longest wait any usage header announces, in milliseconds; undefined when none announces one. */
export function regainAccessDelayMs(headers: HeaderReader): number | undefined {
  let longestMinutes: number | undefined;
  for (const name of USAGE_HEADERS) {
    const raw = headers.get(name);
    if (raw === null) continue;
    // A malformed header gives no hint; the error class's own floor applies instead.
    for (const minutes of regainMinutesIn(parseJsonOrUndefined(raw))) {
      longestMinutes = Math.max(longestMinutes ?? 0, minutes);
    }
  }
  return longestMinutes === undefined ? undefined : longestMinutes * 60_000;
}

function* regainMinutesIn(value: unknown): Generator<number> {
  if (Array.isArray(value)) {
    for (const item of value) yield* regainMinutesIn(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'estimated_time_to_regain_access') {
      if (typeof inner === 'number' && Number.isFinite(inner) && inner >= 0) yield inner;
    } else {
      yield* regainMinutesIn(inner);
    }
  }
}
