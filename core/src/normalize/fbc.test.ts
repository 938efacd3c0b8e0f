import { buildFbc } from './fbc';

const SEEN_AT = new Date('2019-04-08T22:49:01.205Z');

describe('buildFbc', () => {
  test('uses milliseconds and keeps the click id’s case', () => {
    expect(buildFbc('IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk', SEEN_AT)).toBe(
      'fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk',
    );
  });

  test('takes another subdomain index', () => {
    expect(buildFbc('AbC', SEEN_AT, 2)).toBe('fb.2.1554763741205.AbC');
  });

  test.each([
    ['an empty click id', '', SEEN_AT, 1],
    ['a click id with whitespace', 'Ab C', SEEN_AT, 1],
    ['an invalid date', 'AbC', new Date('not a date'), 1],
    ['a fractional subdomain index', 'AbC', SEEN_AT, 1.5],
  ])('throws on %s (a caller bug)', (_name, fbclid, seenAt, index) => {
    expect(() => buildFbc(fbclid, seenAt, index)).toThrow(RangeError);
  });
});
