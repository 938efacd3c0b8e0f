export type ValidationCode =
  | 'missing_event_name'
  | 'missing_event_id'
  | 'bad_event_time'
  /** Older than Meta accepts: the event can never be sent (a queue marks it expired). */
  | 'too_old'
  | 'future_time'
  | 'bad_action_source'
  | 'missing_source_url'
  | 'bad_source_url'
  | 'missing_user_agent'
  | 'insufficient_user_data'
  | 'unhashed_user_data'
  | 'missing_currency'
  | 'bad_currency'
  | 'missing_value'
  | 'bad_value'
  | 'bad_contents'
  | 'bad_content_type'
  | 'bad_data_processing_options';

/** One reason Meta would reject the event. `message` is written for the merchant and holds no PII. */
export interface ValidationIssue {
  /** Path of the offending key in the server event, e.g. `custom_data.contents[2].id`. */
  field: string;
  code: ValidationCode;
  message: string;
}

export function isSendable(issues: ValidationIssue[]): boolean {
  return issues.length === 0;
}

/** True when the event is past Meta's age limit, which no retry or fix can change. */
export function isExpired(issues: ValidationIssue[]): boolean {
  return issues.some((issue) => issue.code === 'too_old');
}
