export { createWorker, DeliveryWorker } from './create-worker';
export { WORKER_DEFAULTS, type EventSender, type ResolveTarget, type WorkerOptions } from './worker-options';
export { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
export type { CircuitOpenedEvent, ExpiredEvent, FailedEvent, RetryEvent, RoundCounts, SentEvent, WorkerEventMap } from './worker-events';
