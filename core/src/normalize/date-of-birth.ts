import { dropped, kept, type NormalizeResult } from './result';
import { lowerNfc } from './text';

/** Order of day and month in numeric dates: decides `03/04/1990` when both readings are real dates. */
export type DateFormat = 'YMD' | 'MDY' | 'DMY';

type Reading = { order: DateFormat; year: string; month: string; day: string };

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const AMBIGUOUS = 'date of birth is ambiguous (day and month both 12 or less); set the date format';
const NOT_A_CALENDAR_DATE = 'date of birth is not a real calendar date';

/**
 * `db`: `YYYYMMDD` from a parsed date (`2/16/1997`, `1997-02-16`, `16.02.1997`, `1990_12_31`,
 * `February 16, 1997`, an ISO timestamp), whatever separates its parts. The year must be 1900 or
 * later and the date not in the future. A numeric date whose day and month could be swapped is
 * resolved by `dateFormat`, or dropped without one.
 */
export function normalizeDateOfBirth(text: string, dateFormat: DateFormat | undefined, today = new Date()): NormalizeResult {
  const readings = readDate(lowerNfc(text.trim()));
  if (typeof readings === 'string') return dropped(readings);

  const problems = readings.map((reading) => dateProblem(reading, today));
  const valid = readings.filter((_, index) => problems[index] === undefined);
  const answers = new Set(valid.map(toYyyymmdd));
  if (answers.size === 1 && valid[0]) return kept(toYyyymmdd(valid[0]));
  if (answers.size > 1) {
    const chosen = valid.find((reading) => reading.order === dateFormat);
    return chosen ? kept(toYyyymmdd(chosen)) : dropped(AMBIGUOUS);
  }
  // A reading that is a real date but out of range explains the failure better than a swapped one.
  return dropped(problems.find((problem) => problem !== NOT_A_CALENDAR_DATE) ?? NOT_A_CALENDAR_DATE);
}

/** Every plausible reading of the text, or why there is none. */
function readDate(text: string): Reading[] | string {
  const withoutTime = text.replace(/^(\d{4}-\d{1,2}-\d{1,2})[t ]\d{1,2}:\d{2}.*$/, '$1');
  // "With or without punctuation": any run of non-alphanumerics separates the parts (`_`, `|`, `:`, dashes).
  const tokens = withoutTime
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((token) => token.replace(/^(\d{1,2})(st|nd|rd|th)$/, '$1'));

  if (tokens.length === 1 && /^\d+$/.test(tokens[0] ?? '')) return readCompact(tokens[0] ?? '');
  if (tokens.length !== 3) return 'date of birth is not a recognizable date';

  const monthIndex = tokens.findIndex((token) => /^\p{L}+$/u.test(token));
  if (monthIndex >= 0) return readWithMonthName(tokens, monthIndex);
  if (!tokens.every((token) => /^\d{1,4}$/.test(token))) return 'date of birth is not a recognizable date';

  const [first = '', second = '', third = ''] = tokens;
  if (first.length === 4) return [{ order: 'YMD', year: first, month: second, day: third }];
  if (third.length === 4) {
    return [
      { order: 'MDY', year: third, month: first, day: second },
      { order: 'DMY', year: third, month: second, day: first },
    ];
  }
  return 'date of birth needs a 4-digit year';
}

/** `19970216` (Meta's own form), or `02161997` / `16021997` with the year last. */
function readCompact(digits: string): Reading[] | string {
  if (digits.length === 6) return 'date of birth needs a 4-digit year';
  if (digits.length !== 8) return 'date of birth is not YYYYMMDD or a recognizable date';
  const [a, b, tail] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
  return [
    { order: 'YMD', year: digits.slice(0, 4), month: digits.slice(4, 6), day: digits.slice(6) },
    { order: 'MDY', year: tail, month: a, day: b },
    { order: 'DMY', year: tail, month: b, day: a },
  ];
}

/** `February 16, 1997`, `16 Feb 1997`, `1997 february 16`: the name fixes the month. */
function readWithMonthName(tokens: string[], monthIndex: number): Reading[] | string {
  const name = tokens[monthIndex] ?? '';
  const month = name.length >= 3 ? MONTH_NAMES.findIndex((full) => full.startsWith(name)) + 1 : 0;
  if (month === 0) return 'date of birth has an unknown month name';
  const numbers = tokens.filter((_, index) => index !== monthIndex);
  const year = numbers.find((token) => /^\d{4}$/.test(token));
  const day = numbers.find((token) => /^\d{1,2}$/.test(token));
  if (!year) return 'date of birth needs a 4-digit year';
  if (!day) return 'date of birth is not a recognizable date';
  return [{ order: 'YMD', year, month: String(month), day }];
}

function dateProblem(reading: Reading, today: Date): string | undefined {
  const [year, month, day] = [Number(reading.year), Number(reading.month), Number(reading.day)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return NOT_A_CALENDAR_DATE;
  if (year < 1900) return 'date of birth is before 1900';
  if (toYyyymmdd(reading) > today.toISOString().slice(0, 10).replaceAll('-', '')) return 'date of birth is in the future';
  return undefined;
}

function toYyyymmdd(reading: Reading): string {
  return reading.year + reading.month.padStart(2, '0') + reading.day.padStart(2, '0');
}
