/**
 * Meta's user_data rules (spec section 4), written from the spec and not shared with core's own
 * normalize/validate code: the sandbox exists to catch mistakes in those.
 */
import { isIP } from 'node:net';
import { type EventProblem, problem } from './graph-errors';

/** Keys Meta refuses unhashed. `external_id` is only recommended hashed, so it is not here. */
const MUST_BE_HASHED = new Set(['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country']);
const MAY_BE_HASHED = new Set(['external_id']);
/** A Parameter Builder library may append `.<appendix>` to a value, which must be accepted as is. */
const APPENDIX = String.raw`(?:\.[A-Za-z0-9]{2,8})?`;
const SHA256_HEX = new RegExp(`^[a-f0-9]{64}${APPENDIX}$`);
// Stricter than Graph, which only reports malformed cookies in diagnostics: a creation time in seconds
// or a bare fbclid is always a sender bug (spec section 6).
const FBC = /^fb\.\d+\.\d{13}\.[^.\s]+(?:\.[A-Za-z0-9]{2,8})?$/;
const FBP = new RegExp(`^fb\\.\\d+\\.\\d{13}\\.\\d+${APPENDIX}$`);
const TRAILING_APPENDIX = /\.[A-Za-z0-9]{2,8}$/;

/**
 * "An event is considered invalid if it only includes customer information parameters that consist of
 * one of the following combinations (or a subset thereof)" (spec section 4).
 */
const INSUFFICIENT_COMBINATIONS: readonly ReadonlySet<string>[] = [
  new Set(['ct', 'country', 'st', 'zp', 'ge', 'client_user_agent']),
  new Set(['db', 'client_user_agent']),
  new Set(['fn', 'ge']),
  new Set(['ln', 'ge']),
];

export function checkUserData(userData: unknown, at: string, actionSource: unknown): EventProblem | undefined {
  if (userData === undefined) return problem.insufficientCustomerData(`${at}.user_data is missing`);
  if (!isPlainObject(userData)) return problem.invalidValue(`${at}.user_data must be an object`);

  for (const [key, value] of Object.entries(userData)) {
    const found = checkUserDataValue(key, value, `${at}.user_data.${key}`);
    if (found) return found;
  }
  if (actionSource === 'website' && userData.client_user_agent === undefined) {
    return problem.missingParameter(`${at}.user_data.client_user_agent is required for website events`);
  }
  const keys = Object.keys(userData);
  if (INSUFFICIENT_COMBINATIONS.some((combination) => keys.every((key) => combination.has(key)))) {
    const carried = keys.length === 0 ? 'no customer information' : `only ${keys.join(', ')}`;
    return problem.insufficientCustomerData(`${at}.user_data carries ${carried}, too little to match anyone`);
  }
  return undefined;
}

function checkUserDataValue(key: string, value: unknown, at: string): EventProblem | undefined {
  if (MUST_BE_HASHED.has(key) || MAY_BE_HASHED.has(key)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) return problem.invalidValue(`${at} is an empty list; omit the key instead`);
    for (const [index, item] of values.entries()) {
      const where = Array.isArray(value) ? `${at}[${index}]` : at;
      if (typeof item !== 'string') return problem.invalidValue(`${where} must be a string`);
      if (MUST_BE_HASHED.has(key) && !SHA256_HEX.test(item)) {
        return problem.notHashed(`${where} must be a lowercase hex SHA-256 digest`);
      }
    }
    return undefined;
  }
  switch (key) {
    case 'client_user_agent':
      return typeof value === 'string' ? undefined : problem.invalidValue(`${at} must be a string`);
    case 'client_ip_address':
      return isIpAddress(value) ? undefined : problem.invalidValue(`${at} must be an IPv4 or IPv6 address, never hashed`);
    case 'fbc':
      return typeof value === 'string' && FBC.test(value)
        ? undefined
        : problem.invalidValue(`${at} must look like fb.<subdomain index>.<creation time in ms>.<fbclid>`);
    case 'fbp':
      return typeof value === 'string' && FBP.test(value)
        ? undefined
        : problem.invalidValue(`${at} must look like fb.<subdomain index>.<creation time in ms>.<random number>`);
    default:
      // Graph knows many more keys (app, messaging, lead ads); they are not ours to police.
      return undefined;
  }
}

function isIpAddress(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return isIP(value) !== 0 || isIP(value.replace(TRAILING_APPENDIX, '')) !== 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
