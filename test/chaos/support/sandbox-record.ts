/**
 * What reached Meta, read from the Graph sandbox's record: each accepted request's events by
 * (pixel, event_id). The suite's exactly-once counts are taken from here, never from the app's own
 * bookkeeping.
 */
import type { GraphSandbox } from '@capi-relay/core';

export const eventKey = (pixelId: string, eventId: string) => `${pixelId}|${eventId}`;

/** Per (pixel, event_id), when each accepted copy reached the sandbox. */
export function receptionTimes(sandbox: GraphSandbox): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const request of sandbox.received) {
    for (const event of request.events) {
      const key = eventKey(request.pixelId, String(event.event_id));
      times.set(key, [...(times.get(key) ?? []), request.receivedAt.getTime()]);
    }
  }
  return times;
}

/**
 * Requests the strict sandbox refused as Graph refuses an invalid event: 400 with no injected fault
 * and not refused by the suite's own `refuseEvents` rule. Each one is an invalid event sent.
 */
export function invalidEventRequests(sandbox: GraphSandbox): GraphSandbox['requests'] {
  return sandbox.requests.filter((request) => request.status === 400 && request.fault === undefined && request.refusedEvent === undefined);
}

/** The expected keys that have not reached the sandbox (yet). */
export function missing(sandbox: GraphSandbox, expected: Iterable<string>): string[] {
  const times = receptionTimes(sandbox);
  return [...expected].filter((key) => !times.has(key));
}
