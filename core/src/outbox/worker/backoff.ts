/** Exponential backoff with full jitter: retries of many events spread out instead of stampeding back. */
export interface BackoffPolicy {
  /** Ceiling of the first retry's wait. */
  baseMs: number;
  /** No wait ceiling grows past this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 60 * 60_000 };

/**
 * The wait before attempt `attempt + 1`, given `attempt` attempts failed so far: uniformly random below
 * min(cap, base * 2^(attempt - 1)), and never shorter than the wait Graph asked for.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number, atLeastMs = 0): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(atLeastMs, Math.floor(random() * ceiling));
}
