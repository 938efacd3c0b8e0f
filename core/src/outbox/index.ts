export * from './port';
export { CartSnapshotConflictError } from './cart-snapshot-conflict';
export { summarizeEvent, tallyDropped, tallyKeys, zeroStatusCounts, type EventSummaryColumns, type LatestAttempt } from './event-summary';
export { assertRecordable } from './recordable';
export { redactionScope, type RedactionScope, type TokenBearer } from './redaction-scope';
export { assertClaimArguments, assertLeaseLength, assertListLimit, DEFAULT_PRUNE_BATCH_SIZE, pruneBatchSize } from './store-arguments';
export * from './plan';
export * from './worker';
