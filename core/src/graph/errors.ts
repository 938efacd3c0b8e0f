/**
 * One shallow error tree for everything that can go wrong delivering events to Graph. The delivery
 * worker decides what to do from the class alone: retry later, stop the pixel, or dead-letter the event.
 */

/** What the worker should do with the events an error applies to. */
export type GraphErrorKind = 'retry' | 'configuration' | 'rejected';

export interface GraphErrorDetails {
  /** For developers and logs: codes and Meta's English `message`, never a token or user data. */
  message: string;
  /** For the merchant: derived from code/subcode, never from Meta's localized text. */
  merchantMessage: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
  httpStatus?: number;
  /** Meta's `error_user_title`, localized to the request locale: kept for support, never branched on. */
  userTitle?: string;
  isTransient?: boolean;
}

export abstract class GraphError extends Error {
  abstract readonly kind: GraphErrorKind;
  readonly merchantMessage: string;
  readonly code?: number;
  readonly subcode?: number;
  readonly fbtraceId?: string;
  readonly httpStatus?: number;
  readonly userTitle?: string;
  readonly isTransient?: boolean;

  protected constructor(details: GraphErrorDetails) {
    super(details.message);
    this.name = new.target.name;
    this.merchantMessage = details.merchantMessage;
    this.code = details.code;
    this.subcode = details.subcode;
    this.fbtraceId = details.fbtraceId;
    this.httpStatus = details.httpStatus;
    this.userTitle = details.userTitle;
    this.isTransient = details.isTransient;
  }
}

/** Transient: keep the events queued and try again no sooner than `retryAfterMs` from now. */
export class RetryableGraphError extends GraphError {
  readonly kind = 'retry' as const;
  /**
   * The least wait Graph asked for (its usage headers) or that the error class calls for (throttling,
   * policy blocks). 0 means Graph imposed no wait: the caller's own backoff alone applies.
   */
  readonly retryAfterMs: number;

  constructor(details: GraphErrorDetails & { retryAfterMs: number }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The pixel's token, permissions or id are wrong: stop sending for this pixel and alert the merchant. */
export class ConfigurationGraphError extends GraphError {
  readonly kind = 'configuration' as const;

  constructor(details: GraphErrorDetails) {
    super(details);
  }
}

/** Meta refused this event itself: resending it unchanged can never succeed, so dead-letter it. */
export class RejectedEventError extends GraphError {
  readonly kind = 'rejected' as const;

  constructor(details: GraphErrorDetails) {
    super(details);
  }
}
