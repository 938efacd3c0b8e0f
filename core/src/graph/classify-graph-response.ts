/**
 * Maps a failed Graph answer to one error class (spec section 8 and items 21 and 22). Branches on HTTP
 * status, `code`, `error_subcode` and `is_transient` only: the human texts are localized.
 */
import { POLICY_BLOCK_RETRY_AFTER_MS, THROTTLED_RETRY_AFTER_MS } from './graph-config';
import {
  ConfigurationGraphError,
  type GraphError,
  type GraphErrorDetails,
  RejectedEventError,
  RetryableGraphError,
} from './errors';
import { merchantMessages } from './merchant-messages';
import { type HeaderReader, regainAccessDelayMs } from './usage-headers';

export interface GraphResponse {
  httpStatus: number;
  /** The parsed JSON body; undefined when the body was not JSON (a proxy's HTML page, say). */
  body: unknown;
  headers: HeaderReader;
}

/** The fields of Graph's `{error: {...}}` body, each kept only when it has the documented type. */
export interface GraphErrorBody {
  message?: string;
  code?: number;
  subcode?: number;
  isTransient?: boolean;
  userTitle?: string;
  fbtraceId?: string;
}

const TOKEN_CODES = new Set([102, 104, 190]);
const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);
const TEMPORARY_CODES = new Set([1, 2]);
const POLICY_BLOCK_CODE = 368;
const INVALID_PARAMETER_CODE = 100;
const UNKNOWN_OBJECT_SUBCODE = 33;
const TIMESTAMP_TOO_OLD_SUBCODE = 2804003;
const NOT_HASHED_SUBCODE = 2804016;
const INSUFFICIENT_CUSTOMER_DATA_SUBCODE = 2804050;

function isPermissionCode(code: number): boolean {
  return code === 3 || code === 10 || (code >= 200 && code <= 299);
}

function isBusinessThrottleCode(code: number): boolean {
  return code >= 80000 && code <= 80014;
}

export function readGraphErrorBody(body: unknown): GraphErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const field = (name: string): unknown => (error as Record<string, unknown>)[name];
  const text = (name: string): string | undefined => (typeof field(name) === 'string' ? (field(name) as string) : undefined);
  const integer = (name: string): number | undefined =>
    Number.isInteger(field(name)) ? (field(name) as number) : undefined;
  return {
    message: text('message'),
    code: integer('code'),
    subcode: integer('error_subcode'),
    isTransient: typeof field('is_transient') === 'boolean' ? (field('is_transient') as boolean) : undefined,
    userTitle: text('error_user_title'),
    fbtraceId: text('fbtrace_id'),
  };
}

export function classifyGraphResponse(response: GraphResponse): GraphError {
  const { httpStatus } = response;
  const error = readGraphErrorBody(response.body) ?? {};
  const { code, subcode } = error;
  const details = (merchantMessage: string): GraphErrorDetails => ({
    message: describe(httpStatus, error),
    merchantMessage,
    code,
    subcode,
    fbtraceId: error.fbtraceId,
    httpStatus,
    userTitle: error.userTitle,
    isTransient: error.isTransient,
  });
  const retry = (merchantMessage: string, floorMs: number): RetryableGraphError => {
    const hintMs = regainAccessDelayMs(response.headers);
    const retryAfterMs = hintMs !== undefined && hintMs > 0 ? hintMs : floorMs;
    return new RetryableGraphError({ ...details(merchantMessage), retryAfterMs });
  };

  // Meta documents no byte limit; whatever answers 413 refused the size, which halving can fix.
  if (httpStatus === 413) return new RejectedEventError(details(merchantMessages.tooLarge()));

  if (code !== undefined) {
    if (TOKEN_CODES.has(code)) return new ConfigurationGraphError(details(merchantMessages.tokenRefused(code, subcode)));
    if (isPermissionCode(code)) {
      return new ConfigurationGraphError(details(merchantMessages.permissionMissing(code, subcode)));
    }
    if (code === INVALID_PARAMETER_CODE && subcode === UNKNOWN_OBJECT_SUBCODE) {
      return new ConfigurationGraphError(details(merchantMessages.unknownPixel(code, subcode)));
    }
    // Request-level parameter errors carry no subcode (an invalid appsecret_proof is one); every
    // event-level Conversions API rejection seen carries a 2804xxx subcode.
    if (code === INVALID_PARAMETER_CODE && subcode === undefined) {
      return new ConfigurationGraphError(details(merchantMessages.requestRefused(code, subcode)));
    }
    if (THROTTLE_CODES.has(code) || isBusinessThrottleCode(code)) {
      return retry(merchantMessages.throttled(code, subcode), THROTTLED_RETRY_AFTER_MS);
    }
    if (code === POLICY_BLOCK_CODE) return retry(merchantMessages.policyBlock(code, subcode), POLICY_BLOCK_RETRY_AFTER_MS);
    if (TEMPORARY_CODES.has(code)) return retry(merchantMessages.temporaryFailure(code, subcode), 0);
  }
  if (error.isTransient === true) return retry(merchantMessages.temporaryFailure(code, subcode), 0);
  if (code === INVALID_PARAMETER_CODE) return new RejectedEventError(details(rejectionMessage(code, subcode)));
  if (httpStatus === 429) return retry(merchantMessages.throttled(code, subcode), THROTTLED_RETRY_AFTER_MS);
  if (httpStatus >= 500 || httpStatus === 408) return retry(merchantMessages.temporaryFailure(code, subcode), 0);
  if (httpStatus === 401 || httpStatus === 403) {
    return new ConfigurationGraphError(details(merchantMessages.requestRefused(code, subcode)));
  }
  // An unknown code on a 4xx: not documented as transient, so never retried (spec item 21); it is
  // dead-lettered with its code so support can read it, rather than pausing the whole pixel.
  return new RejectedEventError(details(merchantMessages.invalidEvent(code, subcode)));
}

function rejectionMessage(code: number, subcode: number | undefined): string {
  switch (subcode) {
    case TIMESTAMP_TOO_OLD_SUBCODE:
      return merchantMessages.eventTooOld(code, subcode);
    case NOT_HASHED_SUBCODE:
      return merchantMessages.notHashed(code, subcode);
    case INSUFFICIENT_CUSTOMER_DATA_SUBCODE:
      return merchantMessages.insufficientCustomerData(code, subcode);
    default:
      return merchantMessages.invalidEvent(code, subcode);
  }
}

function describe(httpStatus: number, error: GraphErrorBody): string {
  const codes = error.code === undefined ? 'no error code' : `code ${error.code}/${error.subcode ?? '-'}`;
  return `Graph answered HTTP ${httpStatus} (${codes})${error.message ? `: ${error.message}` : ''}`;
}

/** fetch threw before Graph answered: DNS, refused or reset connections, or our own timeout. */
export function classifyTransportFailure(cause: unknown, timeoutMs: number): RetryableGraphError {
  // Duck-typed: fetch's errors may come from another realm (test runners), where instanceof fails.
  const failure = asErrorLike(cause);
  const timedOut = failure.name === 'TimeoutError' || failure.name === 'AbortError';
  const inner = asErrorLike(failure.cause).message;
  const reason = `${failure.message ?? String(cause)}${inner ? ` (${inner})` : ''}`;
  return new RetryableGraphError({
    message: timedOut ? `Graph did not answer within ${timeoutMs} ms` : `Graph request failed: ${reason}`,
    merchantMessage: timedOut ? merchantMessages.timedOut(timeoutMs) : merchantMessages.unreachable(),
    retryAfterMs: 0,
  });
}

interface ErrorLike {
  name?: string;
  message?: string;
  cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike {
  if (typeof value !== 'object' || value === null) return {};
  const { name, message, cause } = value as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : undefined,
    message: typeof message === 'string' ? message : undefined,
    cause,
  };
}
