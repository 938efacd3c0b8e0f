/** `POST /{version}/{pixel}/events`: faults first, then Graph's own order: token, pixel, body. */
import { createHmac } from 'node:crypto';
import { parseJsonOrUndefined } from '../graph/parse-json';
import {
  type SandboxAnswer,
  appsecretProofError,
  faultAnswer,
  malformedTokenError,
  missingTokenError,
  revokedTokenError,
  unknownPixelError,
} from './answers';
import { checkEventsRequest } from './check-events-request';
import { isPlainObject } from './check-user-data';
import { type GraphErrorAnswer, invalidEventAnswer, invalidRequestAnswer, problem } from './graph-errors';
import type { ReceivedRequest, SandboxFaultKind, SandboxState } from './sandbox-state';

export interface EventsEndpointRequest {
  apiVersion: string;
  pixelId: string;
  url: URL;
  authorization: string | undefined;
  contentType: string | undefined;
  /** undefined when the body exceeded the size cap and was discarded. */
  body: Buffer | undefined;
}

export interface EventsEndpointContext {
  state: SandboxState;
  /** When set, requests must carry a matching appsecret_proof, as for apps that require one. */
  appSecret: string | undefined;
  now: Date;
  fbtraceId: string;
  maxBodyBytes: number;
}

export interface EventsEndpointResult {
  answer: SandboxAnswer;
  fault?: SandboxFaultKind;
  /** The index of the event the `refuseEvents` rule refused, when that is why the request failed. */
  refusedEvent?: number;
  eventCount?: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;
const TOKEN_SHAPE = /^[\x21-\x7e]{8,}$/;
const PIXEL_ID = /^\d+$/;

export function answerEventsRequest(request: EventsEndpointRequest, context: EventsEndpointContext): EventsEndpointResult {
  if (request.body === undefined) {
    return { answer: { kind: 'graphError', error: invalidRequestAnswer(`Request body exceeds ${context.maxBodyBytes} bytes`, 413) } };
  }
  const parsed = parseJsonBody(request);
  const eventCount = isPlainObject(parsed) && Array.isArray(parsed.data) ? parsed.data.length : undefined;
  const refuse = (error: GraphErrorAnswer): EventsEndpointResult => ({ answer: { kind: 'graphError', error }, eventCount });

  const fault = context.state.takeFault(context.now);
  if (fault) return { answer: faultAnswer(fault, request.pixelId, eventCount ?? 0), fault: fault.kind, eventCount };
  if (!isPlainObject(parsed)) return refuse(invalidRequestAnswer('The request body must be a JSON object (application/json)'));

  const token = findToken(request, parsed.access_token);
  if (!token) return refuse(missingTokenError());
  if (!TOKEN_SHAPE.test(token.value)) return refuse(malformedTokenError());
  const revocation = context.state.revocationOf(token.value);
  if (revocation !== undefined) return refuse(revokedTokenError(revocation));

  const proof = request.url.searchParams.get('appsecret_proof') ?? undefined;
  if (context.appSecret !== undefined) {
    const expected = createHmac('sha256', context.appSecret).update(token.value).digest('hex');
    if (proof !== expected) return refuse(appsecretProofError(proof !== undefined));
  }
  if (!PIXEL_ID.test(request.pixelId) || !context.state.isKnownPixel(request.pixelId)) {
    return refuse(unknownPixelError(request.pixelId));
  }

  const checked = checkEventsRequest(parsed, Math.floor(context.now.getTime() / 1000));
  if (!checked.ok) return refuse(checked.answer);
  const refused = context.state.firstRefusedEvent(checked.body.data);
  if (refused !== -1) {
    return { ...refuse(invalidEventAnswer(problem.invalidValue(`data[${refused}]: the event was refused (sandbox rule refuseEvents)`))), refusedEvent: refused };
  }

  context.state.recordReceived({
    pixelId: request.pixelId,
    apiVersion: request.apiVersion,
    events: checked.body.data,
    partnerAgent: checked.body.partnerAgent,
    testEventCode: checked.body.testEventCode,
    tokenLocation: token.location,
    appsecretProof: proof,
    fbtraceId: context.fbtraceId,
    receivedAt: context.now,
  });
  return { answer: { kind: 'success', eventsReceived: checked.body.data.length }, eventCount };
}

function parseJsonBody(request: EventsEndpointRequest): unknown {
  if (!request.contentType?.toLowerCase().startsWith('application/json')) return undefined;
  return parseJsonOrUndefined(request.body?.toString('utf8') ?? '');
}

function findToken(
  request: EventsEndpointRequest,
  bodyToken: unknown,
): { value: string; location: ReceivedRequest['tokenLocation'] } | undefined {
  const header = request.authorization?.match(BEARER)?.[1];
  if (header) return { value: header, location: 'header' };
  const query = request.url.searchParams.get('access_token');
  if (query) return { value: query, location: 'query' };
  if (typeof bodyToken === 'string' && bodyToken !== '') return { value: bodyToken, location: 'body' };
  return undefined;
}
