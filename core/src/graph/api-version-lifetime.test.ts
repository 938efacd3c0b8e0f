import { DEFAULT_API_VERSION } from './graph-config';
import { graphVersionWarning, VERSION_EXPIRY_WARNING_DAYS } from './api-version-lifetime';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('graphVersionWarning', () => {
  it('is silent while the pinned version has more than the warning period left', () => {
    expect(graphVersionWarning('v25.0', day('2026-11-28'))).toBeNull();
  });

  it('warns within the warning period, naming the date and the days left', () => {
    const warning = graphVersionWarning('v24.0', day('2027-12-01'));
    expect(warning).toContain('2028-02-18');
    expect(warning).toMatch(/\(78 days\)/);
  });

  it('warns on the last day of the window and not the day before it opens', () => {
    expect(graphVersionWarning('v25.0', day('2028-04-30'))).toMatch(/\(89 days\)/);
    expect(graphVersionWarning('v25.0', day('2028-04-29'))).toMatch(/\(90 days\)/);
    expect(graphVersionWarning('v25.0', day('2028-04-28'))).toBeNull();
    expect(VERSION_EXPIRY_WARNING_DAYS).toBe(90);
  });

  it('says a version past its date no longer works', () => {
    expect(graphVersionWarning('v24.0', day('2028-03-01'))).toMatch(/stopped being available on 2028-02-18/);
  });

  it('asks the operator to check a version it has no date for', () => {
    expect(graphVersionWarning('v26.0', day('2026-11-28'))).toMatch(/no known end-of-availability date/);
  });

  it('knows the date of the version core pins by default', () => {
    expect(graphVersionWarning(DEFAULT_API_VERSION, day('2026-11-28'))).toBeNull();
  });
});
