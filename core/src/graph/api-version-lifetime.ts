/**
 * How long each Graph API version stays available (spec section 1, Meta's versions changelog), so a
 * deployment pinned to a version hears about its end months ahead instead of failing on the day
 * (spec item 31). Meta guarantees Conversions API versions for at least two years but only publishes
 * an end date once the next versions are out; an unlisted version gets a "check it" warning.
 */

/** Published "available until" dates (UTC). */
export const GRAPH_VERSION_AVAILABLE_UNTIL: Readonly<Record<string, string>> = {
  'v24.0': '2028-02-18',
  'v25.0': '2028-07-29',
};

/** Warn this long before a pinned version stops working. */
export const VERSION_EXPIRY_WARNING_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A warning for the operator about the pinned version, or null when nothing needs doing. */
export function graphVersionWarning(version: string, now: Date): string | null {
  const until = GRAPH_VERSION_AVAILABLE_UNTIL[version];
  if (until === undefined) {
    return `Graph API ${version} has no known end-of-availability date here: check Meta's versions changelog and plan the upgrade.`;
  }
  const daysLeft = Math.floor((Date.parse(`${until}T00:00:00Z`) - now.getTime()) / DAY_MS);
  if (daysLeft < 0) return `Graph API ${version} stopped being available on ${until}: set META_API_VERSION to a current version.`;
  if (daysLeft <= VERSION_EXPIRY_WARNING_DAYS) {
    return `Graph API ${version} stops being available on ${until} (${daysLeft} days): move to a newer version before then.`;
  }
  return null;
}
