import { DEFAULT_BACKOFF, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 5_000, capMs: 3_600_000 };

  it('doubles the ceiling with each failed attempt and scales it by the random draw', () => {
    expect(retryDelayMs(1, policy, () => 0.5)).toBe(2_500);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(4, policy, () => 0.999)).toBe(39_960);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(retryDelayMs(40, policy, () => 0.999999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(40, policy, () => 0.5)).toBe(1_800_000);
  });

  it('spreads retries down to zero wait (full jitter)', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('waits at least as long as Graph asked', () => {
    expect(retryDelayMs(1, policy, () => 0.1, 600_000)).toBe(600_000);
    expect(retryDelayMs(12, policy, () => 0.9, 1_000)).toBe(3_240_000);
  });

  it('defaults to a 5 second base and a one hour cap', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 5_000, capMs: 3_600_000 });
  });
});
