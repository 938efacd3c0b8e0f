import { createRateLimiter } from './rate-limiter';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('createRateLimiter', () => {
  it('allows `limit` requests per address per window, then refuses until the window ends', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect([1, 2, 3].map((n) => limiter.allow('203.0.113.9', at(n)))).toEqual([true, true, false]);
    expect(limiter.allow('198.51.100.7', at(4))).toBe(true);
    expect(limiter.allow('203.0.113.9', at(60_001))).toBe(true);
  });

  it('forgets ended windows to make room, and refuses newcomers while every slot is live', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 1_000, maxClients: 2 });
    expect(limiter.allow('a', at(0))).toBe(true);
    expect(limiter.allow('b', at(0))).toBe(true);
    expect(limiter.allow('c', at(10))).toBe(false);
    expect(limiter.allow('c', at(1_000))).toBe(true);
  });
});
