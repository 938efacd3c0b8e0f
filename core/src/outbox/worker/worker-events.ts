import type { NotSentReason } from '../port';

/** What the worker announces, for logs and metrics. Ids only: never payload values or tokens. */
export interface SentEvent {
  pixelConfigId: string;
  outboxEventIds: string[];
  fbtraceId?: string;
}

export interface RetryEvent {
  pixelConfigId: string;
  outboxEventId: string;
  /** Attempts made so far, this one included. */
  attempts: number;
  nextAttemptAt: Date;
  code?: number;
  subcode?: number;
}

export interface FailedEvent {
  pixelConfigId: string;
  outboxEventId: string;
  reason: NotSentReason;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
}

export interface ExpiredEvent {
  pixelConfigId: string;
  outboxEventId: string;
  eventTime: Date;
}

export interface CircuitOpenedEvent {
  pixelConfigId: string;
  /** The merchant-readable reason stored on the pixel. */
  reason: string;
  code?: number;
  subcode?: number;
}

export interface WorkerEventMap {
  sent: [SentEvent];
  retry: [RetryEvent];
  failed: [FailedEvent];
  expired: [ExpiredEvent];
  circuitOpened: [CircuitOpenedEvent];
}

/** How one claim-and-send round ended, per outcome. */
export interface RoundCounts {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  /** Left queued untouched or behind an open circuit, to be sent once the pixel can take them. */
  held: number;
}

export function emptyCounts(): RoundCounts {
  return { claimed: 0, sent: 0, retried: 0, failed: 0, expired: 0, held: 0 };
}

export function addCounts(total: RoundCounts, part: RoundCounts): RoundCounts {
  return {
    claimed: total.claimed + part.claimed,
    sent: total.sent + part.sent,
    retried: total.retried + part.retried,
    failed: total.failed + part.failed,
    expired: total.expired + part.expired,
    held: total.held + part.held,
  };
}
