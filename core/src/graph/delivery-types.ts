import type { GraphError } from './errors';

/** Where a batch goes: one Meta pixel (dataset) and the token allowed to write to it. */
export interface PixelTarget {
  pixelId: string;
  accessToken: string;
  /** Routes events to Events Manager's Test Events tab; they still count as real events there. */
  testEventCode?: string;
}

/**
 * A server event serialized already, as the outbox stores it, with the two fields a request log
 * names. A thousand stored payloads go out as they are, where parsing and serializing them again would
 * cost the worker more than its claim.
 */
export interface EncodedEvent {
  readonly eventName: string;
  readonly eventId: string;
  /** A ServerEvent as JSON text. */
  readonly payloadJson: string;
}

/** The outcome for one event, at the same index as the event in the batch. */
export type EventResult = { ok: true; fbtraceId?: string } | { ok: false; error: GraphError };

/** One HTTP request made to Graph, for the attempt log. Bisection makes several per batch. */
export interface RequestRecord {
  eventCount: number;
  /** Absent when no answer came (network failure, timeout). */
  httpStatus?: number;
  eventsReceived?: number;
  fbtraceId?: string;
  code?: number;
  subcode?: number;
  latencyMs: number;
  outcome: 'sent' | GraphError['kind'];
}

export interface DeliveryReport {
  /** Index-aligned with the events passed in. */
  results: EventResult[];
  /** Every request made, in the order made. */
  requests: RequestRecord[];
}

/** What the caller of one delivery may hook into. */
export interface SendOptions {
  /**
   * Awaited before each request, with the longest that request may take. Throwing stops the delivery
   * at once: sendEvents rejects with the same error and makes no further request. The outbox worker
   * checks its lease here, so no request outlives it.
   */
  beforeRequest?: (request: { timeoutMs: number }) => Promise<void>;
}
