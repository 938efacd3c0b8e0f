import type { EventResult, RequestRecord } from '../../graph';
import type { AttemptRecord } from '../port';

export type AttemptDetails = Omit<AttemptRecord, 'outboxEventId' | 'outcome'>;

/**
 * The request that decided an event's result. Graph stamps every answer with an fbtrace_id; without
 * one (timeout, network failure) the decisive request is the last one, since the client stops
 * sending once such an error halts the batch.
 */
function decisiveRequest(result: EventResult, requests: readonly RequestRecord[]): RequestRecord | undefined {
  const fbtraceId = result.ok ? result.fbtraceId : result.error.fbtraceId;
  if (fbtraceId !== undefined) return requests.find((request) => request.fbtraceId === fbtraceId);
  const last = requests.at(-1);
  return !result.ok && last?.outcome === result.error.kind ? last : undefined;
}

/** What the attempt log keeps for one event: Graph's codes and ids plus a merchant-readable message. */
export function attemptDetails(result: EventResult, requests: readonly RequestRecord[], attemptedAt: Date): AttemptDetails {
  const request = decisiveRequest(result, requests);
  const details: AttemptDetails = { attemptedAt };
  const httpStatus = result.ok ? request?.httpStatus : (result.error.httpStatus ?? request?.httpStatus);
  if (httpStatus !== undefined) details.httpStatus = httpStatus;
  if (request) details.latencyMs = request.latencyMs;
  if (result.ok) {
    if (result.fbtraceId !== undefined) details.fbtraceId = result.fbtraceId;
    return details;
  }
  const { error } = result;
  if (error.code !== undefined) details.code = error.code;
  if (error.subcode !== undefined) details.subcode = error.subcode;
  if (error.fbtraceId !== undefined) details.fbtraceId = error.fbtraceId;
  details.message = error.merchantMessage;
  return details;
}
