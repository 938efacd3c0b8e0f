import type { EventResult, GraphError } from '../../graph';
import type { ClaimedEvent } from '../port';
import type { AttemptDetails } from './attempt-details';

/** What Graph answered for one claimed event, with what the attempt log keeps of it. */
export interface Outcome {
  event: ClaimedEvent;
  result: EventResult;
  details: AttemptDetails;
}

export function errorOf(outcome: Outcome): GraphError {
  if (outcome.result.ok) throw new Error('errorOf: the event was sent');
  return outcome.result.error;
}

/**
 * Outcomes with the same attempt details got the same answer from the same request, so they are
 * written together: one transaction for a thousand events a 500 turned away, not a thousand.
 */
export function bySameAnswer(outcomes: readonly Outcome[], extraKey: (outcome: Outcome) => string = () => ''): Outcome[][] {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const key = `${extraKey(outcome)}|${JSON.stringify(outcome.details)}`;
    const group = groups.get(key);
    if (group) group.push(outcome);
    else groups.set(key, [outcome]);
  }
  return [...groups.values()];
}

export const idsOf = (outcomes: readonly Outcome[]): string[] => outcomes.map(({ event }) => event.id);

export function codesOf(error: GraphError): { code?: number; subcode?: number } {
  return {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
  };
}
