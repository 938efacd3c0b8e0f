/**
 * The match-quality card: the last 24 hours' counts by status and, over the events sent, the share
 * that carried each match key, with one line on the key that would help most. Computed from key
 * names only (the API never returns values).
 */
import { plural } from './health-view';
import type { EventStatus, MatchQuality } from './types';

export interface MatchKey {
  key: string;
  label: string;
  /** What the merchant can do to raise this key's share. */
  advice: string;
}

const ASK_NAME = 'Ask for the customer’s name at checkout.';
const ASK_ADDRESS = 'Ask for a billing or shipping address at checkout.';
const pixelCarries = (what: string) => `Turn on the storefront pixel so events carry ${what}.`;

/**
 * Ordered by how much each key helps Meta match a person, most first (email and phone are the
 * strongest identifiers; location fields only narrow a match down).
 */
export const MATCH_KEYS: readonly MatchKey[] = [
  { key: 'em', label: 'Email', advice: 'Ask for an email address at checkout (Settings, Checkout, Customer contact method).' },
  { key: 'ph', label: 'Phone', advice: 'Ask for a phone number at checkout (Settings, Checkout: make the shipping address phone number required).' },
  { key: 'external_id', label: 'External ID', advice: 'Encourage customer accounts: events from signed-in customers carry their customer ID.' },
  { key: 'fbc', label: 'Click ID (fbc)', advice: pixelCarries('the click ID of visits from Meta ads') },
  { key: 'fbp', label: 'Browser ID (fbp)', advice: pixelCarries('the browser ID Meta’s pixel set') },
  { key: 'client_ip_address', label: 'IP address', advice: pixelCarries('the customer’s IP address') },
  { key: 'client_user_agent', label: 'User agent', advice: pixelCarries('the customer’s browser') },
  { key: 'fn', label: 'First name', advice: ASK_NAME },
  { key: 'ln', label: 'Last name', advice: ASK_NAME },
  { key: 'zp', label: 'ZIP / postal code', advice: ASK_ADDRESS },
  { key: 'ct', label: 'City', advice: ASK_ADDRESS },
  { key: 'st', label: 'State / province', advice: ASK_ADDRESS },
  { key: 'country', label: 'Country', advice: ASK_ADDRESS },
];

/** Below this share a key is worth improving. */
const GOOD_SHARE = 0.8;

export interface MatchQualityView {
  /** One line per status with events in the window, e.g. "Sent: 12". */
  counts: { status: EventStatus; label: string; count: number }[];
  sent: number;
  keys: { key: string; label: string; count: number; percent: number; text: string }[];
  /** Values the store sent that failed a rule and were left out, e.g. "Email left out of 3 sent events: ...". */
  dropped: string[];
  /** The one line on the key that would help most, or why there is nothing to judge yet. */
  advice: string;
}

const STATUS_LABELS: Record<EventStatus, string> = {
  sent: 'Sent',
  queued: 'Queued',
  sending: 'Sending',
  failed: 'Failed',
  skipped: 'Skipped',
  expired: 'Expired',
};

export function matchQualityView(quality: MatchQuality): MatchQualityView {
  const sent = quality.counts.sent ?? 0;
  const counts = (Object.keys(STATUS_LABELS) as EventStatus[])
    .map((status) => ({ status, label: STATUS_LABELS[status], count: quality.counts[status] ?? 0 }))
    .filter((row) => row.count > 0);
  const keys = MATCH_KEYS.map(({ key, label }) => {
    const count = Math.min(quality.keyCounts[key] ?? 0, sent);
    const percent = sent === 0 ? 0 : Math.round((count / sent) * 100);
    return { key, label, count, percent, text: `${percent}% (${count} of ${sent})` };
  });
  const dropped = quality.dropped.map(
    ({ field, reason, events }) => `${labelOf(field)} left out of ${plural(events, 'sent event')}: ${reason}`,
  );
  return { counts, sent, keys, dropped, advice: adviceFor(quality, sent) };
}

function labelOf(field: string): string {
  return MATCH_KEYS.find(({ key }) => key === field)?.label ?? field;
}

function adviceFor(quality: MatchQuality, sent: number): string {
  if (sent === 0) return 'No events were sent in the last 24 hours, so there is nothing to judge yet.';
  const weakest = MATCH_KEYS.find(({ key }) => (quality.keyCounts[key] ?? 0) / sent < GOOD_SHARE);
  if (!weakest) return `Every match key is on at least ${GOOD_SHARE * 100}% of the ${plural(sent, 'sent event')}: Meta has what it needs.`;
  const share = Math.round(((quality.keyCounts[weakest.key] ?? 0) / sent) * 100);
  return `${weakest.label} would help most (on ${share}% of sent events): ${weakest.advice}`;
}
