/**
 * The error answers the sandbox gives, shaped like Graph's (`{error: {...}}`, spec section 8).
 *
 * Subcodes marked "observed" appear in real Graph responses quoted in public code. Graph's subcodes
 * for the other checks are undocumented; the sandbox uses 2804001 (a required parameter is missing)
 * and 2804019 (a value is malformed), both on RudderStack's list of Conversions API validation
 * subcodes, so that every event-level refusal carries a 2804xxx subcode as Graph's do.
 */
import { randomBytes } from 'node:crypto';

export interface EventProblem {
  subcode: number;
  title: string;
  /** Which event and field, and what is wrong with it. */
  detail: string;
}

export const problem = {
  missingParameter: (detail: string): EventProblem => ({ subcode: 2804001, title: 'Missing Required Parameter', detail }),
  invalidValue: (detail: string): EventProblem => ({ subcode: 2804019, title: 'Invalid Parameter Value', detail }),
  /** Observed. */
  timestampTooOld: (detail: string): EventProblem => ({ subcode: 2804003, title: 'Event Timestamp Too Old', detail }),
  /** Observed. */
  notHashed: (detail: string): EventProblem => ({ subcode: 2804016, title: 'User Parameter Not Hashed', detail }),
  /** Observed. */
  insufficientCustomerData: (detail: string): EventProblem => ({
    subcode: 2804050,
    title: 'Insufficient Customer Information Parameters',
    detail,
  }),
};

export interface GraphErrorAnswer {
  httpStatus: number;
  type: 'OAuthException' | 'GraphMethodException';
  code: number;
  subcode?: number;
  message: string;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  headers?: Record<string, string>;
}

/** Graph's trace ids are 23 URL-safe characters; these are random, for correlating log lines. */
export function newFbtraceId(): string {
  return randomBytes(18).toString('base64url').slice(0, 23);
}

export function graphErrorBody(answer: GraphErrorAnswer, fbtraceId: string): object {
  return {
    error: {
      message: answer.message,
      type: answer.type,
      code: answer.code,
      ...(answer.subcode === undefined ? {} : { error_subcode: answer.subcode }),
      ...(answer.isTransient === undefined ? {} : { is_transient: answer.isTransient }),
      ...(answer.userTitle === undefined ? {} : { error_user_title: answer.userTitle }),
      ...(answer.userMessage === undefined ? {} : { error_user_msg: answer.userMessage }),
      fbtrace_id: fbtraceId,
    },
  };
}

/** An event-level refusal: one bad event refuses the whole request, as Graph does. */
export function invalidEventAnswer(found: EventProblem): GraphErrorAnswer {
  return {
    httpStatus: 400,
    type: 'OAuthException',
    code: 100,
    subcode: found.subcode,
    message: 'Invalid parameter',
    isTransient: false,
    userTitle: found.title,
    userMessage: found.detail,
  };
}

/** A request-level parameter error: Graph gives these no subcode. */
export function invalidRequestAnswer(message: string, httpStatus = 400): GraphErrorAnswer {
  return { httpStatus, type: 'OAuthException', code: 100, message: `(#100) ${message}` };
}
