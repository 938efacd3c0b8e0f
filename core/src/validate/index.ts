export { validateEvent, type ValidateOptions } from './validate-event';
export { isExpired, isSendable, type ValidationCode, type ValidationIssue } from './issues';
export {
  MAX_EVENT_AGE_SECONDS,
  MAX_FUTURE_SKEW_SECONDS,
  MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS,
  maxEventAgeSeconds,
  sendDeadline,
} from './time-limits';
export { canonicalCurrency } from './currency';
