/**
 * Everything about which Graph API we talk to, in one place. Bumping the version is a one-line change
 * here (spec item 31); every caller reads these constants instead of spelling them out.
 */

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';

/** v25.0 was released 2026-02-18 and is available until 2028-07-29 (spec section 1). */
export const DEFAULT_API_VERSION = 'v25.0';

/** Meta's documented ceiling for `data` in one `/events` request. */
export const MAX_EVENTS_PER_REQUEST = 1000;

/** A request Graph has not answered within this long is abandoned and retried later. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * When Graph throttles us without saying for how long (no `estimated_time_to_regain_access`), wait at
 * least this long before the next attempt.
 */
export const THROTTLED_RETRY_AFTER_MS = 60_000;

/** Code 368 (temporarily blocked for policy reasons) needs a long pause, not a quick retry. */
export const POLICY_BLOCK_RETRY_AFTER_MS = 60 * 60_000;

const PRODUCT_AGENT_PREFIX = 'capirelay';
const PRODUCT_VERSION = { major: 0, minor: 1 };

/**
 * The `partner_agent` Meta asks platforms to send on every request (`<brand>_<platform>_<major>_<minor>`),
 * which the Dataset Quality API can then filter on (spec item 30).
 */
export function partnerAgentFor(platform: string): string {
  return `${PRODUCT_AGENT_PREFIX}_${platform}_${PRODUCT_VERSION.major}_${PRODUCT_VERSION.minor}`;
}

/** Used when the engine runs without a platform adapter naming itself. */
export const DEFAULT_PARTNER_AGENT = partnerAgentFor('core');
