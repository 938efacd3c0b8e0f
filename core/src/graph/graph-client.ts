/**
 * Delivers server events to one pixel's `/events` edge and reports, per event, whether Meta took it.
 * It never retries by itself: the outbox worker owns time and backoff, and decides from the error class.
 */
import { createHmac } from 'node:crypto';
import type { ServerEvent } from '../meta/wire';
import { classifyGraphResponse, classifyTransportFailure } from './classify-graph-response';
import type { DeliveryReport, EncodedEvent, EventResult, PixelTarget, RequestRecord, SendOptions } from './delivery-types';
import { ConfigurationGraphError, type GraphError, RejectedEventError, RetryableGraphError } from './errors';
import { type GraphClientOptions, type ResolvedGraphClientOptions, resolveGraphClientOptions } from './graph-client-options';
import { MAX_EVENTS_PER_REQUEST } from './graph-config';
import { merchantMessages } from './merchant-messages';
import { parseJsonOrUndefined } from './parse-json';

type PostOutcome = { ok: true; fbtraceId?: string; record: RequestRecord } | { ok: false; error: GraphError; record: RequestRecord };

const PIXEL_ID_PATTERN = /^\d{1,30}$/;
/** Printable ASCII without spaces: what Meta's tokens are made of, and what a header can carry. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export class GraphClient {
  private readonly options: ResolvedGraphClientOptions;

  constructor(options: GraphClientOptions = {}) {
    this.options = resolveGraphClientOptions(options);
  }

  /**
   * Sends in requests of at most 1,000 events. A code-100 rejection of several events is bisected
   * until only the events Meta refuses are left (spec item 23). Once Graph answers that the pixel is
   * misconfigured or must be retried later, the remaining events get that same answer unsent: more
   * requests would only meet the same refusal or deepen the throttling.
   */
  async sendEvents(target: PixelTarget, events: readonly ServerEvent[], options: SendOptions = {}): Promise<DeliveryReport> {
    return this.sendEncoded(target, events.map(encodeEvent), options);
  }

  /** `sendEvents` for events serialized already: each one's JSON goes into the request as it is. */
  async sendEncoded(target: PixelTarget, events: readonly EncodedEvent[], options: SendOptions = {}): Promise<DeliveryReport> {
    const results: EventResult[] = [];
    const requests: RequestRecord[] = [];
    const answerAll = (count: number, result: EventResult): void => {
      for (let i = 0; i < count; i++) results.push(result);
    };

    const targetError = checkTarget(target);
    if (targetError) {
      answerAll(events.length, { ok: false, error: targetError });
      return { results, requests };
    }

    const url = this.eventsUrl(target);
    let halt: GraphError | undefined;
    // Depth-first and in order, so results are pushed in the events' own order.
    const deliver = async (batch: readonly EncodedEvent[]): Promise<void> => {
      if (halt) return answerAll(batch.length, { ok: false, error: halt });
      await options.beforeRequest?.({ timeoutMs: this.options.timeoutMs });
      const outcome = await this.post(url, target, batch);
      requests.push(outcome.record);
      if (outcome.ok) return answerAll(batch.length, { ok: true, fbtraceId: outcome.fbtraceId });
      const { error } = outcome;
      if (batch.length > 1 && isIsolatable(error)) {
        const middle = Math.ceil(batch.length / 2);
        await deliver(batch.slice(0, middle));
        return deliver(batch.slice(middle));
      }
      if (!(error instanceof RejectedEventError)) halt = error;
      answerAll(batch.length, { ok: false, error });
    };

    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_REQUEST) {
      await deliver(events.slice(start, start + MAX_EVENTS_PER_REQUEST));
    }
    return { results, requests };
  }

  private eventsUrl(target: PixelTarget): string {
    const { graphUrl, apiVersion, appSecret } = this.options;
    const url = `${graphUrl}/${apiVersion}/${target.pixelId}/events`;
    if (appSecret === undefined) return url;
    const proof = createHmac('sha256', appSecret).update(target.accessToken).digest('hex');
    return `${url}?appsecret_proof=${proof}`;
  }

  private async post(url: string, target: PixelTarget, batch: readonly EncodedEvent[]): Promise<PostOutcome> {
    const outcome = await this.exchange(url, target, batch);
    this.logRequest(target, batch, outcome);
    return outcome;
  }

  private async exchange(url: string, target: PixelTarget, batch: readonly EncodedEvent[]): Promise<PostOutcome> {
    const { timeoutMs } = this.options;
    const body = this.requestBody(target, batch);
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.accessToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const error = classifyTransportFailure(cause, timeoutMs);
      return { ok: false, error, record: { eventCount: batch.length, latencyMs: elapsed(), outcome: error.kind } };
    }
    return interpret(response, parseJsonOrUndefined(text), batch.length, elapsed());
  }

  /** `{"data":[...],"partner_agent":...}` with each event's JSON spliced in as it is. */
  private requestBody(target: PixelTarget, batch: readonly EncodedEvent[]): string {
    const data = batch.map((event) => event.payloadJson).join(',');
    const testEventCode = target.testEventCode ? `,"test_event_code":${JSON.stringify(target.testEventCode)}` : '';
    return `{"data":[${data}],"partner_agent":${JSON.stringify(this.options.partnerAgent)}${testEventCode}}`;
  }

  private logRequest(target: PixelTarget, batch: readonly EncodedEvent[], outcome: PostOutcome): void {
    const { record } = outcome;
    const line = {
      pixelId: target.pixelId,
      testEvents: Boolean(target.testEventCode),
      eventCount: record.eventCount,
      eventNames: countEventNames(batch),
      eventIds: batch.map((event) => event.eventId),
      httpStatus: record.httpStatus,
      eventsReceived: record.eventsReceived,
      fbtraceId: record.fbtraceId,
      code: record.code,
      subcode: record.subcode,
      latencyMs: record.latencyMs,
      outcome: record.outcome,
      ...(outcome.ok ? {} : { error: outcome.error.message }),
    };
    const { logger } = this.options;
    if (record.outcome === 'sent') logger.info(line, 'graph request sent');
    else if (record.outcome === 'configuration') logger.error(line, 'graph request refused: pixel configuration');
    else logger.warn(line, `graph request failed: ${record.outcome}`);
  }
}

function interpret(response: Response, body: unknown, eventCount: number, latencyMs: number): PostOutcome {
  const httpStatus = response.status;
  if (!response.ok) {
    const error = classifyGraphResponse({ httpStatus, body, headers: response.headers });
    const { code, subcode, fbtraceId } = error;
    return { ok: false, error, record: { eventCount, httpStatus, fbtraceId, code, subcode, latencyMs, outcome: error.kind } };
  }
  const { eventsReceived, fbtraceId } = readSuccessBody(body);
  const record: RequestRecord = { eventCount, httpStatus, eventsReceived, fbtraceId, latencyMs, outcome: 'sent' };
  if (eventsReceived === eventCount) return { ok: true, fbtraceId, record };
  // Only `events_received === data.length` proves delivery (spec item 24). Sending the batch again is
  // safe: Meta drops server events that repeat an event_name + event_id it already has.
  const error = new RetryableGraphError({
    message: `Graph acknowledged ${eventsReceived ?? 'no'} of ${eventCount} events (HTTP ${httpStatus})`,
    merchantMessage: merchantMessages.partiallyAcknowledged(eventsReceived, eventCount),
    fbtraceId,
    httpStatus,
    retryAfterMs: 0,
  });
  return { ok: false, error, record: { ...record, outcome: error.kind } };
}

/** Only Meta's validation (code 100) and a size refusal can be narrowed down by sending fewer events. */
function isIsolatable(error: GraphError): boolean {
  return error instanceof RejectedEventError && (error.code === 100 || error.httpStatus === 413);
}

function checkTarget(target: PixelTarget): ConfigurationGraphError | undefined {
  if (!PIXEL_ID_PATTERN.test(target.pixelId)) {
    return new ConfigurationGraphError({
      message: 'Pixel id must be digits only',
      merchantMessage: merchantMessages.missingPixelId(),
    });
  }
  if (target.accessToken.trim() === '') {
    return new ConfigurationGraphError({ message: 'Access token is empty', merchantMessage: merchantMessages.missingToken() });
  }
  // fetch would refuse such a header value, quoting it (the token) in its error message.
  if (!TOKEN_PATTERN.test(target.accessToken)) {
    return new ConfigurationGraphError({
      message: 'Access token contains characters no token has',
      merchantMessage: merchantMessages.malformedToken(),
    });
  }
  return undefined;
}

function readSuccessBody(body: unknown): { eventsReceived?: number; fbtraceId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { events_received: eventsReceived, fbtrace_id: fbtraceId } = body as Record<string, unknown>;
  return {
    eventsReceived: Number.isInteger(eventsReceived) ? (eventsReceived as number) : undefined,
    fbtraceId: typeof fbtraceId === 'string' ? fbtraceId : undefined,
  };
}

function countEventNames(batch: readonly EncodedEvent[]): Record<string, number> {
  // No prototype: an event named "__proto__" must count like any other name.
  const counts = Object.create(null) as Record<string, number>;
  for (const event of batch) counts[event.eventName] = (counts[event.eventName] ?? 0) + 1;
  return counts;
}

function encodeEvent(event: ServerEvent): EncodedEvent {
  return { eventName: event.event_name, eventId: event.event_id, payloadJson: JSON.stringify(event) };
}
