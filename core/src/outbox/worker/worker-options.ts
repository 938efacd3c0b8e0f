import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { type DeliveryReport, type EncodedEvent, MAX_EVENTS_PER_REQUEST, type PixelTarget, type SendOptions } from '../../graph';
import { type Logger, silentLogger } from '../../log';
import type { ServerEvent } from '../../meta/wire';
import type { PixelConfigStore } from '../../settings/port';
import type { OutboxStore } from '../port';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';

/** What sending a test event needs from the Graph client. */
export interface EventSender {
  sendEvents(target: PixelTarget, events: readonly ServerEvent[], options?: SendOptions): Promise<DeliveryReport>;
}

/** What the worker needs from the Graph client: its events go out as the outbox stored them. */
export interface EncodedEventSender {
  sendEncoded(target: PixelTarget, events: readonly EncodedEvent[], options?: SendOptions): Promise<DeliveryReport>;
}

/**
 * The pixel id and decrypted token to send a pixel configuration's events with. Throws a
 * `ConfigurationGraphError` when the configuration cannot be sent to (no token saved, say).
 */
export type ResolveTarget = (pixelConfigId: string) => Promise<PixelTarget>;

/** The worker's timing and sizing: what an operator tunes. */
export interface WorkerTuning {
  /** Names this worker's leases; unique per process by default. */
  workerId?: string;
  /** Events claimed per round, at most Meta's 1,000 per request. */
  batchSize?: number;
  /**
   * How long claimed events stay this worker's before another may claim them. Before each Graph
   * request the worker renews the lease if less than twice the request timeout is left, so a long
   * bisection keeps its events; keep it at least twice the timeout (createEngine checks this).
   */
  leaseMs?: number;
  /** The wait between rounds when the last round found less than a full batch. */
  pollIntervalMs?: number;
  /** After `notify()`, how long to let more events gather before the next round: bursts share requests. */
  flushDelayMs?: number;
  /** Gives up on an event after this many failed attempts; by default only Meta's age window ends retries. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  clock?: () => Date;
  /** [0, 1), for backoff jitter. */
  random?: () => number;
}

export interface WorkerOptions extends WorkerTuning {
  outbox: OutboxStore;
  pixels: Pick<PixelConfigStore, 'stop'>;
  resolveTarget: ResolveTarget;
  graph: EncodedEventSender;
  logger?: Logger;
}

export interface ResolvedWorkerTuning extends Required<Omit<WorkerTuning, 'maxAttempts'>> {
  maxAttempts: number | undefined;
}

export interface ResolvedWorkerOptions extends ResolvedWorkerTuning {
  outbox: OutboxStore;
  pixels: Pick<PixelConfigStore, 'stop'>;
  resolveTarget: ResolveTarget;
  graph: EncodedEventSender;
  logger: Logger;
}

export const WORKER_DEFAULTS = {
  batchSize: MAX_EVENTS_PER_REQUEST,
  leaseMs: 5 * 60_000,
  pollIntervalMs: 2_000,
  flushDelayMs: 1_000,
} as const;

function wholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`createWorker: ${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

const positiveInteger = (name: string, value: number, max?: number): number => wholeNumber(name, value, 1, max);

/** Checks the tuning once, so a typo fails at start-up and not mid-delivery. */
export function resolveWorkerTuning(tuning: WorkerTuning): ResolvedWorkerTuning {
  const backoff = tuning.backoff ?? DEFAULT_BACKOFF;
  positiveInteger('backoff.baseMs', backoff.baseMs);
  if (backoff.capMs < backoff.baseMs) {
    throw new Error(`createWorker: backoff.capMs (${backoff.capMs}) must not be below backoff.baseMs (${backoff.baseMs})`);
  }
  return {
    clock: tuning.clock ?? (() => new Date()),
    random: tuning.random ?? Math.random,
    workerId: tuning.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    batchSize: positiveInteger('batchSize', tuning.batchSize ?? WORKER_DEFAULTS.batchSize, MAX_EVENTS_PER_REQUEST),
    leaseMs: positiveInteger('leaseMs', tuning.leaseMs ?? WORKER_DEFAULTS.leaseMs),
    pollIntervalMs: positiveInteger('pollIntervalMs', tuning.pollIntervalMs ?? WORKER_DEFAULTS.pollIntervalMs),
    flushDelayMs: wholeNumber('flushDelayMs', tuning.flushDelayMs ?? WORKER_DEFAULTS.flushDelayMs, 0),
    maxAttempts: tuning.maxAttempts === undefined ? undefined : positiveInteger('maxAttempts', tuning.maxAttempts),
    backoff,
  };
}

export function resolveWorkerOptions(options: WorkerOptions): ResolvedWorkerOptions {
  return {
    ...resolveWorkerTuning(options),
    outbox: options.outbox,
    pixels: options.pixels,
    resolveTarget: options.resolveTarget,
    graph: options.graph,
    logger: options.logger ?? silentLogger,
  };
}
