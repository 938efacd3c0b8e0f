import { dropped, kept, type NormalizeResult } from './result';

/**
 * `fbc` / `fbp`, the Meta cookies, checked against the shape spec section 6 documents:
 * `fb.<subdomain index>.<creation time in ms>.<click id | random number>`, optionally followed by
 * the Parameter Builder's `.<appendix>`. They go out verbatim (the click id is case-sensitive),
 * but a shopper can set the cart attributes they come from, and Meta refuses a malformed one, so a
 * value off that shape is dropped with the reason and the event goes out without it.
 */
interface CookieRule {
  name: 'fbc' | 'fbp';
  /** What the last part holds, for reasons. */
  payload: string;
  payloadShape: RegExp;
  payloadProblem: string;
}

/** `com` is 0, `example.com` 1, `www.example.com` 2: a count of domain labels, never large. */
const SUBDOMAIN_INDEX = /^\d{1,2}$/;
/** Milliseconds since 1970 have 13 digits from 2001 to 2286; seconds (10 digits) are a sender bug. */
const CREATION_TIME_MS = /^\d{13}$/;
const APPENDIX = /^[A-Za-z0-9]{2,8}$/;

function normalizeFbCookie(rule: CookieRule) {
  const shape = `fb.<subdomain index>.<creation time in ms>.<${rule.payload}>`;
  return (text: string): NormalizeResult => {
    const cookie = text.trim();
    const [version, subdomainIndex = '', creationTime = '', payload = '', appendix, ...extra] = cookie.split('.');
    if (version !== 'fb' || payload === '' || extra.length > 0) return dropped(`${rule.name} is not shaped ${shape}`);
    if (!SUBDOMAIN_INDEX.test(subdomainIndex)) return dropped(`${rule.name} subdomain index is not a small whole number`);
    if (!CREATION_TIME_MS.test(creationTime)) {
      const inSeconds = /^\d{10}$/.test(creationTime);
      return dropped(`${rule.name} creation time is not Unix milliseconds${inSeconds ? ' (it looks like seconds)' : ''}`);
    }
    if (!rule.payloadShape.test(payload)) return dropped(`${rule.name} ${rule.payloadProblem}`);
    if (appendix !== undefined && !APPENDIX.test(appendix)) return dropped(`${rule.name} ends with a part that is not a Parameter Builder appendix`);
    return kept(cookie);
  };
}

/** Click ids are URL-safe base64-like text: letters, digits, `_` and `-`. */
export const normalizeFbc = normalizeFbCookie({
  name: 'fbc',
  payload: 'click id',
  payloadShape: /^[A-Za-z0-9_-]+$/,
  payloadProblem: 'click id has characters a click id never has',
});

/** The Pixel's browser id ends in a random integer. */
export const normalizeFbp = normalizeFbCookie({
  name: 'fbp',
  payload: 'random number',
  payloadShape: /^\d{1,20}$/,
  payloadProblem: 'random part is not a number',
});
