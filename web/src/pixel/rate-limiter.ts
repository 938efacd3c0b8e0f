/**
 * A fixed-window request count per client address, in this process's memory. /api/pixel is public, so
 * one address must not be able to flood the database; a real shopper posts a few reports per page.
 * Memory stays bounded: windows that ended are dropped whenever the table grows past `maxClients`.
 */
export interface RateLimiter {
  /** True when this request is within the address's allowance for the current window. */
  allow(address: string, now: Date): boolean;
}

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  maxClients?: number;
}

export function createRateLimiter({ limit, windowMs, maxClients = 50_000 }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    allow(address, now) {
      const at = now.getTime();
      const current = windows.get(address);
      if (current && at - current.startedAt < windowMs) {
        current.count += 1;
        return current.count <= limit;
      }
      if (!current && windows.size >= maxClients) {
        for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key);
        // Still full of live windows: an address-spraying flood; refuse newcomers rather than grow.
        if (windows.size >= maxClients) return false;
      }
      windows.set(address, { startedAt: at, count: 1 });
      return true;
    },
  };
}
