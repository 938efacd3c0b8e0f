import { toEventTime } from './event-time';

const NOW = new Date('2026-03-10T12:00:00.750Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

describe('toEventTime', () => {
  it('is the action time in whole seconds, rounded down', () => {
    expect(toEventTime(new Date('2026-03-10T11:00:00.999Z'), NOW)).toBe(NOW_SECONDS - 3600);
  });

  it('clamps a time up to five minutes ahead of the clock to now', () => {
    expect(toEventTime(new Date(NOW.getTime() + 1000), NOW)).toBe(NOW_SECONDS);
    expect(toEventTime(new Date((NOW_SECONDS + 300) * 1000), NOW)).toBe(NOW_SECONDS);
  });

  it('keeps a time further ahead so validation can report it', () => {
    expect(toEventTime(new Date((NOW_SECONDS + 301) * 1000), NOW)).toBe(NOW_SECONDS + 301);
  });

  it('keeps old times as they are', () => {
    expect(toEventTime(new Date('2020-01-01T00:00:00Z'), NOW)).toBe(1577836800);
  });
});
