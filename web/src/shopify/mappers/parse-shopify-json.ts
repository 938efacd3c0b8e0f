/**
 * Shopify ids are 64-bit integers and exceed 2^53: `JSON.parse` silently rounds
 * 820982911946154508 to 820982911946154500. This parser keeps every integer beyond the safe range
 * as its exact decimal string; safe integers and all other values come out exactly as `JSON.parse`
 * gives them.
 *
 * Without a reviver: a reviver is called for every value of the body and made parsing several times
 * slower. Only an integer literal of 16 or more digits can be unsafe. A body without one (most real
 * bodies: Shopify's ids have 13 or 14 digits today) goes to `JSON.parse` as it is. Otherwise each
 * unsafe literal that stands as a whole value (between `:`, `[` or `,` and `,`, `]` or `}`) is put
 * in quotes, so `JSON.parse` reads it as the string it must become; every other byte stays. Such a
 * run can also sit inside a string ("ref:12345678901234567890,"); quoting it there always breaks the
 * text (the inserted quote ends the string, and a digit cannot follow a string), so a SyntaxError
 * sends the body to the exact path, which tells strings apart (`outsideStrings`).
 */

/** 2^53 has 16 digits: a shorter integer literal is always safe. */
const UNSAFE_DIGITS = 16;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const BACKSLASH = 0x5c;

/** JSON's four whitespace characters. */
function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The code of the first non-space character before `index` (-1 at the start of the text). */
function previousCode(text: string, index: number): number {
  let at = index - 1;
  while (at >= 0 && isJsonSpace(text.charCodeAt(at))) at -= 1;
  return at < 0 ? -1 : text.charCodeAt(at);
}

/** The code of the first non-space character from `index` (-1 at the end of the text). */
function nextCode(text: string, index: number): number {
  let at = index;
  while (at < text.length && isJsonSpace(text.charCodeAt(at))) at += 1;
  return at >= text.length ? -1 : text.charCodeAt(at);
}

/** After `:`, `[` or `,` (or at the start), and before `,`, `]` or `}` (or the end): a value. */
function standsAsValue(text: string, start: number, end: number): boolean {
  const before = previousCode(text, start);
  const after = nextCode(text, end);
  return (before === -1 || before === 0x3a || before === 0x5b || before === 0x2c) && (after === -1 || after === 0x2c || after === 0x5d || after === 0x7d);
}

/** A quote at `index` closes or opens a string unless an odd number of backslashes precede it. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text.charCodeAt(at) === BACKSLASH; at -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

type Span = [start: number, end: number];

/**
 * The digit runs that would be unsafe integer values if they stand outside strings. A run of 16
 * digits holds one of every 16 positions, so only those are probed (a regex scan of every character
 * cost more than half of JSON.parse itself). A run with a leading zero is not a JSON number and is
 * left alone, to fail as it should.
 */
function unsafeValueRuns(text: string): Span[] {
  const spans: Span[] = [];
  for (let probe = UNSAFE_DIGITS - 1; probe < text.length; probe += UNSAFE_DIGITS) {
    if (!isDigit(text.charCodeAt(probe))) continue;
    let start = probe;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start -= 1;
    let end = probe + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
    // The next run starts after `end`: the next probe, end + 15, falls in its first 16 digits.
    probe = end - 1;
    if (end - start < UNSAFE_DIGITS || text.charCodeAt(start) === 0x30) continue;
    if (start > 0 && text.charCodeAt(start - 1) === 0x2d) start -= 1;
    if (!standsAsValue(text, start, end) || Number.isSafeInteger(Number(text.slice(start, end)))) continue;
    spans.push([start, end]);
  }
  return spans;
}

/**
 * The runs outside strings. The string state comes from counting unescaped quotes, which agrees
 * with JSON's own reading of every well-formed prefix of the text; so up to the first syntax error
 * the runs kept are exactly the unsafe number tokens, and quoting them turns number values into
 * string values, which JSON accepts in the same places: a malformed text stays malformed, its first
 * error where it was.
 */
function outsideStrings(text: string, runs: Span[]): Span[] {
  const kept: Span[] = [];
  let inString = false;
  let counted = 0;
  for (const run of runs) {
    for (let quote = text.indexOf('"', counted); quote !== -1 && quote < run[0]; quote = text.indexOf('"', quote + 1)) {
      if (!isEscaped(text, quote)) inString = !inString;
    }
    counted = run[0];
    if (!inString) kept.push(run);
  }
  return kept;
}

/** The text with each span in quotes. */
function quoteSpans(text: string, spans: Span[]): string {
  let quoted = '';
  let from = 0;
  for (const [start, end] of spans) {
    quoted += `${text.slice(from, start)}"${text.slice(start, end)}"`;
    from = end;
  }
  return quoted + text.slice(from);
}

/** Parses a webhook body; throws a SyntaxError on malformed JSON, like JSON.parse. */
export function parseShopifyJson(raw: string): unknown {
  const runs = unsafeValueRuns(raw);
  if (runs.length === 0) return JSON.parse(raw);
  try {
    // Succeeds only when no quoted run was inside a string and the body is well formed (see above).
    return JSON.parse(quoteSpans(raw, runs));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const exact = outsideStrings(raw, runs);
  return JSON.parse(exact.length === 0 ? raw : quoteSpans(raw, exact));
}
