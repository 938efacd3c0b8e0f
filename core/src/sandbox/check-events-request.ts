/**
 * Meta's checks on an `/events` body (spec sections 1 to 4). Graph refuses the whole request when any
 * one event is invalid, and so does the sandbox: the first problem found is the answer.
 */
import { checkCustomData } from './check-custom-data';
import { checkUserData, isPlainObject } from './check-user-data';
import { type EventProblem, type GraphErrorAnswer, invalidEventAnswer, invalidRequestAnswer, problem } from './graph-errors';

// Spelled out from the spec rather than taken from meta/wire.ts: a wrong entry there must not pass here.
const ACTION_SOURCES = new Set([
  'email',
  'website',
  'app',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other',
]);
const MAX_EVENTS = 1000;
const DAY_SECONDS = 24 * 60 * 60;
const MAX_AGE_SECONDS = 7 * DAY_SECONDS;
const PHYSICAL_STORE_MAX_AGE_SECONDS = 62 * DAY_SECONDS;
/** Future times are undocumented; senders clamp a skew of up to 5 minutes to now (spec item 12). */
const MAX_FUTURE_SECONDS = 5 * 60;

export interface EventsRequestBody {
  data: Record<string, unknown>[];
  partnerAgent?: string;
  testEventCode?: string;
}

export type EventsRequestCheck = { ok: true; body: EventsRequestBody } | { ok: false; answer: GraphErrorAnswer };

export function checkEventsRequest(body: unknown, nowSeconds: number): EventsRequestCheck {
  if (!isPlainObject(body)) return refuse('The parameter data is required');
  const { data, partner_agent: partnerAgent, test_event_code: testEventCode } = body;
  if (data === undefined) return refuse('The parameter data is required');
  if (!Array.isArray(data)) return refuse('param data must be an array');
  if (data.length === 0 || data.length > MAX_EVENTS) {
    return refuse(`param data must hold 1 to ${MAX_EVENTS} events, got ${data.length}`);
  }
  for (const [name, value] of [['partner_agent', partnerAgent], ['test_event_code', testEventCode]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) return refuse(`param ${name} must be a non-empty string`);
  }
  for (const [index, event] of data.entries()) {
    const found = checkEvent(event, `data[${index}]`, nowSeconds);
    if (found) return { ok: false, answer: invalidEventAnswer(found) };
  }
  return {
    ok: true,
    body: {
      data: data as Record<string, unknown>[],
      partnerAgent: partnerAgent as string | undefined,
      testEventCode: testEventCode as string | undefined,
    },
  };
}

function refuse(message: string): EventsRequestCheck {
  return { ok: false, answer: invalidRequestAnswer(message) };
}

function checkEvent(event: unknown, at: string, nowSeconds: number): EventProblem | undefined {
  if (!isPlainObject(event)) return problem.invalidValue(`${at} must be an object`);
  const empty = findEmptyValue(event, at);
  if (empty) return problem.invalidValue(`${empty} is null or empty; omit the key instead`);

  const { event_name: eventName, event_time: eventTime, action_source: actionSource, event_source_url: sourceUrl } = event;
  if (typeof eventName !== 'string') return problem.missingParameter(`${at}.event_name is required`);
  const timeProblem = checkEventTime(eventTime, actionSource, `${at}.event_time`, nowSeconds);
  if (timeProblem) return timeProblem;
  if (actionSource === undefined) return problem.missingParameter(`${at}.action_source is required`);
  if (typeof actionSource !== 'string' || !ACTION_SOURCES.has(actionSource)) {
    return problem.invalidValue(`${at}.action_source must be one of ${[...ACTION_SOURCES].join(', ')}`);
  }
  if (sourceUrl !== undefined && !isHttpUrl(sourceUrl)) {
    return problem.invalidValue(`${at}.event_source_url must be an absolute http(s) URL`);
  }
  if (actionSource === 'website' && sourceUrl === undefined) {
    return problem.missingParameter(`${at}.event_source_url is required for website events`);
  }
  if (event.event_id !== undefined && typeof event.event_id !== 'string') {
    return problem.invalidValue(`${at}.event_id must be a string`);
  }
  return checkUserData(event.user_data, at, actionSource) ?? checkCustomData(eventName, event.custom_data, at);
}

function checkEventTime(value: unknown, actionSource: unknown, at: string, nowSeconds: number): EventProblem | undefined {
  if (value === undefined) return problem.missingParameter(`${at} is required`);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return problem.invalidValue(`${at} must be a whole number of Unix seconds`);
  }
  if (value > nowSeconds + MAX_FUTURE_SECONDS) {
    const hint = value > nowSeconds * 100 ? ' (it looks like milliseconds)' : '';
    return problem.invalidValue(`${at} is in the future${hint}`);
  }
  const maxAge = actionSource === 'physical_store' ? PHYSICAL_STORE_MAX_AGE_SECONDS : MAX_AGE_SECONDS;
  if (value < nowSeconds - maxAge) {
    return problem.timestampTooOld(`${at} is more than ${maxAge / DAY_SECONDS} days in the past`);
  }
  return undefined;
}

/** The path of the first null or "" anywhere in the event (spec item 11: never send them). */
function findEmptyValue(value: unknown, at: string): string | undefined {
  if (value === null || value === '') return at;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findEmptyValue(item, `${at}[${index}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findEmptyValue(item, `${at}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
