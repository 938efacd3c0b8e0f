export * from './port';
export { CartSnapshotConflictError } from './cart-snapshot-conflict';
export { DEFAULT_EVENT_LOG_LIMIT, eventLogEntry, parseEventLogQuery, type EventLogEntry, type EventLogQueryString } from './event-log-entry';
export { summarizeEvent, type EventSummaryColumns, type LatestAttempt } from './event-summary';
export { assertRecordable } from './recordable';
export { assertClaimArguments, assertLeaseLength, assertListLimit } from './store-arguments';
export * from './plan';
export * from './worker';
