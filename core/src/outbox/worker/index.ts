export { createWorker, DeliveryWorker } from './create-worker';
export { runUntilSignalled, type RunUntilSignalledOptions } from './run-until-signalled';
export {
  resolveWorkerTuning,
  WORKER_DEFAULTS,
  type EncodedEventSender,
  type EventSender,
  type ResolvedWorkerTuning,
  type ResolveTarget,
  type WorkerOptions,
  type WorkerTuning,
} from './worker-options';
export { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
export type { CircuitOpenedEvent, ExpiredEvent, FailedEvent, RetryEvent, RoundCounts, SentEvent, WorkerEventMap } from './worker-events';
