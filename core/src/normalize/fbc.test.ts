import { buildFbc } from './fbc';
import { normalizeWithReason } from './normalize';

const SEEN_AT = new Date('2019-04-08T22:49:01.205Z');

describe('buildFbc', () => {
  test('uses milliseconds and keeps the click id’s case', () => {
    const fbc = buildFbc('IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk', SEEN_AT);
    expect(fbc).toBe('fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk');
    expect(normalizeWithReason('fbc', fbc)).toEqual({ value: fbc });
  });

  test('takes another subdomain index', () => {
    expect(buildFbc('AbC', SEEN_AT, 2)).toBe('fb.2.1554763741205.AbC');
  });

  test.each([
    ['a click id with whitespace', 'Ab C', SEEN_AT, 'fbc click id has characters a click id never has'],
    ['an invalid date', 'AbC', new Date('not a date'), 'fbc creation time is not Unix milliseconds'],
  ])('does not throw on %s; normalization then rejects the value with a reason', (_name, fbclid, seenAt, reason) => {
    expect(normalizeWithReason('fbc', buildFbc(fbclid, seenAt))).toEqual({ value: null, reason });
  });
});
