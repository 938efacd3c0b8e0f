import { normalizeDateOfBirth } from './date-of-birth';

const TODAY = new Date('2026-09-12T12:00:00Z');
const AMBIGUOUS = 'date of birth is ambiguous (day and month both 12 or less); set the date format';

describe('normalizeDateOfBirth', () => {
  test.each([
    ['YYYYMMDD as is', '19970216', undefined, '19970216'],
    ['ISO date', '1997-02-16', undefined, '19970216'],
    ['ISO timestamp: the date part, no time-zone shift', '1997-02-16T23:30:00-05:00', undefined, '19970216'],
    ['US order is clear when the day exceeds 12', '2/16/1997', undefined, '19970216'],
    ['European order is clear when the day exceeds 12', '16.02.1997', undefined, '19970216'],
    ['day and month equal: not ambiguous', '03/03/1990', undefined, '19900303'],
    ['ambiguous resolved by MDY', '03/04/1990', 'MDY', '19900304'],
    ['ambiguous resolved by DMY', '03/04/1990', 'DMY', '19900403'],
    ['the only real reading wins over the format', '16/02/1997', 'MDY', '19970216'],
    ['compact with the year last', '16021997', undefined, '19970216'],
    ['month name first', 'February 16, 1997', undefined, '19970216'],
    ['month abbreviation with ordinal day', '16th Feb 1997', undefined, '19970216'],
    ['four-letter abbreviation', 'Sept 3 1990', undefined, '19900903'],
    ['leap day in a leap year', '2000-02-29', undefined, '20000229'],
    ['today is allowed', '2026-09-12', undefined, '20260912'],
    ['the year 1900 is allowed', '1900-01-01', undefined, '19000101'],
  ] as const)('%s', (_name, input, format, expected) => {
    expect(normalizeDateOfBirth(input, format, TODAY)).toEqual({ value: expected });
  });

  // "With or without punctuation": whatever separates the parts, the reading is the same.
  test.each([
    ['underscores', '1990_12_31', undefined],
    ['pipes', '1990|12|31', undefined],
    ['colons', '12:31:1990', undefined],
    ['en dashes', '1990–12–31', undefined],
    ['em dashes', '31—12—1990', undefined],
    ['a Unicode minus', '1990−12−31', undefined],
    ['backslashes', '12\\31\\1990', undefined],
    ['plus signs', '1990+12+31', undefined],
    ['mixed separators', '31._12 -1990', undefined],
    ['a middle dot', '31·12·1990', undefined],
    ['ideographic full stops', '1990。12。31', undefined],
    ['underscores with a date format', '12_31_1990', 'MDY'],
    ['tabs', '1990\t12\t31', undefined],
  ] as const)('any separator: %s', (_name, input, format) => {
    expect(normalizeDateOfBirth(input, format, TODAY)).toEqual({ value: '19901231' });
  });

  test.each([
    ['ambiguous without a format', '03/04/1990', undefined, AMBIGUOUS],
    ['ambiguous with a year-first format', '03/04/1990', 'YMD', AMBIGUOUS],
    ['ambiguous compact date', '03041990', undefined, AMBIGUOUS],
    ['two-digit year', '16/02/97', undefined, 'date of birth needs a 4-digit year'],
    ['six digits', '970216', undefined, 'date of birth needs a 4-digit year'],
    ['month name without a 4-digit year', 'Feb 16 97', undefined, 'date of birth needs a 4-digit year'],
    ['seven digits', '1997216', undefined, 'date of birth is not YYYYMMDD or a recognizable date'],
    ['month 13', '19971316', undefined, 'date of birth is not a real calendar date'],
    ['29 February in a common year', '1999-02-29', undefined, 'date of birth is not a real calendar date'],
    ['before 1900', '1899-12-31', undefined, 'date of birth is before 1900'],
    ['before 1900 in day-first order', '16/02/1850', undefined, 'date of birth is before 1900'],
    ['tomorrow', '2026-09-13', undefined, 'date of birth is in the future'],
    ['unknown month name', 'Febtember 16 1997', undefined, 'date of birth has an unknown month name'],
    ['free text', 'next tuesday', undefined, 'date of birth is not a recognizable date'],
    ['four parts', '1990_12_31_1', undefined, 'date of birth is not a recognizable date'],
    ['ambiguous with pipes and no format', '03|04|1990', undefined, AMBIGUOUS],
  ] as const)('drops %s', (_name, input, format, reason) => {
    expect(normalizeDateOfBirth(input, format, TODAY)).toEqual({ value: null, reason });
  });
});
