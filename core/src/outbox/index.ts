export * from './port';
export { CartSnapshotConflictError } from './cart-snapshot-conflict';
export { summarizeEvent, type EventSummaryColumns, type LatestAttempt } from './event-summary';
export { assertRecordable } from './recordable';
export { assertClaimArguments, assertLeaseLength, assertListLimit } from './store-arguments';
export * from './plan';
export * from './worker';
export * from './stitch';
export { saveBrowserReport, type BrowserReportKeys } from './save-browser-report';
