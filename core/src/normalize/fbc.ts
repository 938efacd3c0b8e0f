/**
 * An `fbc` value for a click id seen on a landing URL when no `_fbc` cookie exists:
 * `fb.<subdomainIndex>.<creation time in milliseconds>.<fbclid>`. The click id is case-sensitive
 * and kept verbatim. `subdomainIndex` is 1 when the server generates the value (Meta's guidance).
 * Throws on an empty click id or an invalid date: both are caller bugs, not shopper data.
 */
export function buildFbc(fbclid: string, seenAt: Date, subdomainIndex = 1): string {
  if (!fbclid || /\s/.test(fbclid)) throw new RangeError('fbclid must be a non-empty value without whitespace');
  const createdMs = seenAt.getTime();
  if (!Number.isFinite(createdMs) || createdMs < 0) throw new RangeError('fbclid seen-at time is not a valid date');
  if (!Number.isInteger(subdomainIndex) || subdomainIndex < 0) {
    throw new RangeError('fbc subdomain index must be a non-negative integer');
  }
  return `fb.${subdomainIndex}.${createdMs}.${fbclid}`;
}
