import type { ServerEvent } from '../meta/wire';
import { checkCustomData } from './check-custom-data';
import { checkProcessingOptions } from './check-processing-options';
import { checkSource } from './check-source';
import { checkEventTime } from './check-time';
import { checkUserData } from './check-user-data';
import type { ValidationIssue } from './issues';

export interface ValidateOptions {
  /** The clock to judge age and future dates by; defaults to the current time. */
  now?: Date;
  /** The shop's domains. When given, `event_source_url` must be on one of them or a subdomain. */
  allowedHosts?: string[];
}

function checkIdentity(event: ServerEvent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!event.event_name?.trim()) {
    issues.push({ field: 'event_name', code: 'missing_event_name', message: 'The event has no name.' });
  }
  if (!event.event_id?.trim()) {
    issues.push({
      field: 'event_id',
      code: 'missing_event_id',
      message: 'The event has no event id, so Meta could not tell it apart from the same event sent by the browser pixel.',
    });
  }
  return issues;
}

/**
 * Everything that would make Meta reject this event (spec checklist items 12 to 15), checked before
 * sending: Meta rejects a whole batch for one bad event. An empty list means sendable.
 */
export function validateEvent(event: ServerEvent, opts: ValidateOptions = {}): ValidationIssue[] {
  return [
    ...checkIdentity(event),
    ...checkEventTime(event, opts.now ?? new Date()),
    ...checkSource(event, opts.allowedHosts),
    ...checkUserData(event),
    ...checkCustomData(event),
    ...checkProcessingOptions(event),
  ];
}
