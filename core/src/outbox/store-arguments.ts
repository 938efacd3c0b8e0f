import { MAX_LIST_EVENTS_LIMIT, type PruneOptions } from './port';

/**
 * The arguments every outbox store refuses, whatever its storage, each with the same RangeError:
 * stores call these before reading or writing anything.
 */
export function assertClaimArguments(opts: { limit: number; leaseMs: number }): void {
  if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError('claimDue limit must be a positive integer');
  assertLeaseLength('claimDue', opts.leaseMs);
}

export function assertLeaseLength(method: 'claimDue' | 'renewLease', leaseMs: number): void {
  if (!(leaseMs > 0)) throw new RangeError(`${method} leaseMs must be positive`);
}

export function assertListLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_EVENTS_LIMIT) {
    throw new RangeError(`listEvents limit must be an integer from 1 to ${MAX_LIST_EVENTS_LIMIT}`);
  }
}

/** Rows one retention transaction deletes when the caller does not say. */
export const DEFAULT_PRUNE_BATCH_SIZE = 500;

export function pruneBatchSize(options: PruneOptions | undefined): number {
  const size = options?.batchSize ?? DEFAULT_PRUNE_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError('pruneOlderThan batchSize must be a positive integer');
  return size;
}
