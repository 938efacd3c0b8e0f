/**
 * An `fbc` value for a click id seen on a landing URL when no `_fbc` cookie exists:
 * `fb.<subdomainIndex>.<creation time in milliseconds>.<fbclid>`. The click id is case-sensitive
 * and kept verbatim. `subdomainIndex` is 1 when the server generates the value (Meta's guidance).
 *
 * Never throws: the click id and time come from shopper traffic, and a bad one (whitespace, an
 * invalid date) yields a value that `normalize('fbc')` rejects with a reason the merchant sees.
 */
export function buildFbc(fbclid: string, seenAt: Date, subdomainIndex = 1): string {
  return `fb.${subdomainIndex}.${seenAt.getTime()}.${fbclid}`;
}
