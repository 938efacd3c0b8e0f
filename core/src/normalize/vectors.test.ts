import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserDataField } from '../meta/wire';
import { hashField, hashUserData, isHashedField, normalize, sha256Hex, type DateFormat, type NormalizeContext } from './index';

/**
 * The normalization vectors (`./vectors`, see its README):
 * Meta's documented rules must hold exactly; the official SDK's outputs are compared one by one,
 * agreeing where the SDK follows the docs and differing only where spec §5 says so, each
 * difference listed below with its basis: the documented rule, or the spec's tie-break where the
 * docs are silent (Meta's Parameter Builder, except where it contradicts the docs or guesses).
 */
interface DocsVector {
  field: UserDataField;
  input: string;
  context?: { country?: string; format?: string };
  normalized: string | null;
  hash: string | null;
  documented_rule_ambiguous?: boolean;
  note?: string;
}

interface SdkVector {
  field: UserDataField;
  input: string;
  normalized: string | null;
  hash: string | null;
  error: string | null;
  user_data_wire: unknown;
}

/** The vectors live beside this test (origins in vectors/README.md). */
const VECTORS_DIR = join(__dirname, 'vectors');
const readVectors = <T>(file: string): T[] => JSON.parse(readFileSync(join(VECTORS_DIR, file), 'utf8')) as T[];
const docsVectors = readVectors<DocsVector>('normalization-docs.json');
const sdkVectors = readVectors<SdkVector>('sdk-reference.json');

/** The vectors name date formats by pattern; the context names them by order. */
const DATE_FORMATS: Readonly<Record<string, DateFormat>> = { 'M/D/YYYY': 'MDY', 'D/M/YYYY': 'DMY', 'YYYY/M/D': 'YMD' };

function contextOf(vector: DocsVector): NormalizeContext {
  const format = vector.context?.format;
  const dateFormat = format === undefined ? undefined : DATE_FORMATS[format];
  if (format !== undefined && !dateFormat) throw new Error(`vector uses an unmapped date format ${format}`);
  return { country: vector.context?.country, dateFormat };
}

/** What we emit for one value: the pre-hash form and, for hashed keys, the wire hash. */
function ours(field: UserDataField, input: string, ctx?: NormalizeContext) {
  const normalized = normalize(field, input, ctx);
  const hash = normalized !== null && isHashedField(field) ? hashField(field, normalized) : normalized;
  return { normalized, hash };
}

type Basis = 'spec' | 'reading';

/**
 * Where our answer differs from the SDK's. `spec`: Meta's documented rule as spec §5 reads it
 * (row numbers are that section's difference table; checklist items are §13). `reading`: the
 * docs are silent and spec §5's tie-break decides: Meta's Parameter Builder (PB), unless it
 * contradicts the docs or would guess. `ctx` is the region the spec's example assumes.
 */
interface Divergence {
  expected: string | null;
  basis: Basis;
  why: string;
  ctx?: NormalizeContext;
}

const US = { country: 'US' };
const GB = { country: 'GB' };
const FR = { country: 'FR' };

const SDK_DIVERGENCES: Readonly<Record<string, Divergence>> = {
  'em|josé@example.com': { expected: 'josé@example.com', basis: 'spec', why: 'row 13: IDN emails are trim+lowercase only (SDK throws)' },
  'em|user@exämple.com': { expected: 'user@exämple.com', basis: 'spec', why: 'row 13: IDN emails are trim+lowercase only (SDK throws)' },
  'em|mailto:john@example.com': { expected: 'mailto:john@example.com', basis: 'reading', why: 'could be an address: kept, trim+lowercase only (SDK throws)' },
  'em|"quoted"@example.com': { expected: '"quoted"@example.com', basis: 'reading', why: 'could be an address: kept, trim+lowercase only (SDK throws)' },
  'em|ac862c981fee6b90654257051c4e197a': { expected: null, basis: 'spec', why: 'row 17 / checklist 10: 32-hex is not a hash; no @, so dropped' },
  'ph|(650)555-1212': { expected: '16505551212', ctx: US, basis: 'spec', why: 'row 1: the country code must be added' },
  'ph|650-555-1212': { expected: '16505551212', ctx: US, basis: 'spec', why: 'row 1: the country code must be added' },
  'ph|6505551212': { expected: '16505551212', ctx: US, basis: 'spec', why: 'row 1: the country code must be added' },
  'ph|650.555.1212': { expected: '16505551212', ctx: US, basis: 'spec', why: 'row 4: dots are symbols; row 1: add the country code' },
  'ph|020 7946 0958': { expected: '442079460958', ctx: GB, basis: 'spec', why: 'row 2: drop the trunk 0, add the country code' },
  'ph|07911 123456': { expected: '447911123456', ctx: GB, basis: 'spec', why: 'row 2: drop the trunk 0, add the country code' },
  'ph|06 12 34 56 78': { expected: '33612345678', ctx: FR, basis: 'spec', why: 'row 2: drop the trunk 0, add the country code' },
  'ph|+44 (0)20 7946 0958': { expected: '442079460958', basis: 'spec', why: 'row 3: E.164 drops the (0)' },
  'ph|+49 (0) 89 636 48018': { expected: '498963648018', basis: 'spec', why: 'row 3: E.164 drops the (0)' },
  'ph|+1 650-555-1212 ext. 123': { expected: '16505551212', basis: 'spec', why: 'row 5: the extension is not part of the number' },
  'ph|+1 650 555 1212 x123': { expected: '16505551212', basis: 'spec', why: 'row 5: the extension is not part of the number' },
  'ph|+1/650/555/1212': { expected: '16505551212', basis: 'spec', why: 'row 4: slashes are symbols' },
  'ph|tel:+16505551212': { expected: '16505551212', basis: 'spec', why: 'row 4: letters and : are removed' },
  'ph|555-1212': { expected: null, ctx: US, basis: 'reading', why: 'a 7-digit local number has no area code: not E.164 even for US' },
  'ph|000123456789': { expected: null, basis: 'reading', why: 'leading zeros removed as PB does, but 123456789 is no possible number: dropped' },
  'fn|Vale\u0301ry': { expected: 'valéry', basis: 'spec', why: 'row 14: NFC, matching Meta’s published valéry hash' },
  'fn|Mary-Jane': { expected: 'maryjane', basis: 'spec', why: 'row 6: no punctuation' },
  "fn|D'Angelo": { expected: 'dangelo', basis: 'spec', why: 'row 6: no punctuation' },
  'fn|Jean-Luc': { expected: 'jeanluc', basis: 'spec', why: 'row 6: no punctuation' },
  'fn|Mary Jane': { expected: 'maryjane', basis: 'reading', why: 'inner whitespace removed, as PB does' },
  'fn|Dr. John': { expected: 'drjohn', basis: 'spec', why: 'row 6: no punctuation; whitespace removed as PB does' },
  'fn|John Jr.': { expected: 'johnjr', basis: 'spec', why: 'row 6: no punctuation; whitespace removed as PB does' },
  "ln|O'Brien": { expected: 'obrien', basis: 'spec', why: 'row 6: no punctuation' },
  'ln|O’Brien': { expected: 'obrien', basis: 'spec', why: 'row 6 / checklist 4: Unicode punctuation too' },
  'ln|Smith-Jones': { expected: 'smithjones', basis: 'spec', why: 'row 6: no punctuation' },
  'ln|van der Berg': { expected: 'vanderberg', basis: 'reading', why: 'inner whitespace removed, as PB does' },
  'ln|García Márquez': { expected: 'garcíamárquez', basis: 'reading', why: 'inner whitespace removed, as PB does; accents kept per the docs' },
  'ge|Man': { expected: 'm', basis: 'reading', why: 'common gender words mapped to the initial, as PB does' },
  'ge|Woman': { expected: 'f', basis: 'reading', why: 'common gender words mapped to the initial, as PB does' },
  'db|1997-02-16': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|1997/02/16': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|2/16/1997': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD (Meta’s own example)' },
  'db|02/16/1997': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|16.02.1997': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|16/02/1997': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|February 16, 1997': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|1997-02-16T00:00:00Z': { expected: '19970216', basis: 'spec', why: 'row 7: YYYYMMDD' },
  'db|970216': { expected: null, basis: 'reading', why: 'a 2-digit year cannot become YYYYMMDD without guessing the century' },
  'db|1997216': { expected: null, basis: 'reading', why: '7 digits: month and day cannot be told apart' },
  'db|19971316': { expected: null, basis: 'reading', why: 'month 13 is outside the documented 01-12' },
  "ct|Coeur d'Alene": { expected: 'coeurdalene', basis: 'spec', why: 'row 11: no punctuation' },
  'ct|New York, NY': { expected: 'newyorkny', basis: 'spec', why: 'row 11: no punctuation' },
  'st|California': { expected: 'ca', basis: 'spec', why: 'row 8: US states as their 2-letter code' },
  'st|New York': { expected: 'ny', basis: 'spec', why: 'row 8: US states as their 2-letter code' },
  'st|Québec': { expected: 'qc', basis: 'reading', why: 'checklist 5: Canadian provinces as codes too' },
  'st|US-CA': { expected: 'ca', basis: 'reading', why: 'an ISO 3166-2 code names a US state: its 2-letter code' },
  'zp|941071234': { expected: '94107', basis: 'spec', why: 'row 9: first 5 digits of a ZIP+4' },
  'zp|1234-567': { expected: '1234567', basis: 'spec', why: 'row 10: remove the dash, keep both halves' },
  'zp|100-0001': { expected: '1000001', basis: 'spec', why: 'row 10: remove the dash, keep both halves' },
  'zp|01310-100': { expected: '01310100', basis: 'spec', why: 'row 10: remove the dash, keep both halves' },
  'zp|-94107': { expected: '94107', basis: 'reading', why: 'remove the dash (SDK keeps the empty part before it)' },
  'country|UK': { expected: 'gb', basis: 'spec', why: 'row 12: UK is gb' },
  'country|uk': { expected: 'gb', basis: 'spec', why: 'row 12: UK is gb' },
  'country|USA': { expected: 'us', basis: 'spec', why: 'row 12: alpha-3 to alpha-2' },
  'country|United States': { expected: 'us', basis: 'spec', why: 'row 12: names to alpha-2 (Meta’s own example)' },
  'country|U.S.': { expected: 'us', basis: 'spec', why: 'row 12: names to alpha-2' },
  'external_id|Customer 42': { expected: 'customer42', basis: 'reading', why: 'trimmed, lowercased and without whitespace, as PB does' },
  'external_id|0123456789abcdef0123456789abcdef': {
    expected: '0123456789abcdef0123456789abcdef',
    basis: 'spec',
    why: 'row 17 / checklist 10: 32-hex is hashed, not passed through',
  },
  'external_id|550e8400e29b41d4a716446655440000': {
    expected: '550e8400e29b41d4a716446655440000',
    basis: 'spec',
    why: 'row 17 / checklist 10: a dashless UUID is hashed, not passed through',
  },
};

/**
 * Documented-rule vectors marked ambiguous whose recommended answer the spec's checklist overrides.
 * Only ambiguous vectors may be listed; each one is checked to be.
 */
const DOCS_READINGS: Readonly<Record<string, { expected: string | null; why: string }>> = {
  'em|user@localhost': {
    expected: null,
    why: 'checklist 2 / §5: no dot in the domain, so it cannot be an address (the vector notes a sender may drop it)',
  },
};

const tally = { docs: 0, ambiguous: 0, docsReadings: 0, sdkChecked: 0, sdkAgree: 0, sdkThrowsWeDrop: 0, sdkSpec: 0, sdkReading: 0 };
const usedDivergences = new Set<string>();

describe('normalization-docs.json: Meta’s documented rules', () => {
  test.each(docsVectors.map((vector, index) => [`#${index} ${vector.field} ${JSON.stringify(vector.input)}`, vector] as const))(
    '%s',
    (_name, vector) => {
      const reading = DOCS_READINGS[`${vector.field}|${vector.input}`];
      if (reading) {
        expect(vector.documented_rule_ambiguous).toBe(true);
        expect(ours(vector.field, vector.input, contextOf(vector)).normalized).toBe(reading.expected);
        tally.docsReadings += 1;
      } else {
        expect(ours(vector.field, vector.input, contextOf(vector))).toEqual({ normalized: vector.normalized, hash: vector.hash });
      }
      if (vector.hash !== null && vector.normalized !== null) expect(sha256Hex(vector.normalized)).toBe(vector.hash);
      tally.docs += 1;
      if (vector.documented_rule_ambiguous) tally.ambiguous += 1;
    },
  );
});

describe('sdk-reference.json: the official SDK, where it follows the docs and where it does not', () => {
  test.each(sdkVectors.map((vector, index) => [`#${index} ${vector.field} ${JSON.stringify(vector.input)}`, vector] as const))(
    '%s',
    (_name, vector) => {
      const key = `${vector.field}|${vector.input}`;
      const divergence = SDK_DIVERGENCES[key];
      const result = ours(vector.field, vector.input, divergence?.ctx);

      if (divergence) {
        usedDivergences.add(key);
        expect(result.normalized).toBe(divergence.expected);
        expect(result).not.toEqual({ normalized: vector.normalized, hash: vector.hash });
      } else {
        expect(result).toEqual({ normalized: vector.normalized, hash: vector.hash });
        const sdkWire = vector.user_data_wire;
        const sdkSentHashes = Array.isArray(sdkWire) && sdkWire.every((item) => typeof item === 'string');
        if (sdkSentHashes && vector.field !== 'external_id') {
          expect(hashUserData({ [vector.field]: vector.input }).userData[vector.field]).toEqual(sdkWire);
        }
      }
      if (result.normalized !== null && result.hash !== null && isHashedField(vector.field)) {
        expect(result.hash).toMatch(/^[a-f0-9]{64}$/);
        if (result.hash !== result.normalized) expect(result.hash).toBe(sha256Hex(result.normalized));
      }
      assertCleanWire(vector.field, vector.input, divergence?.ctx);

      tally.sdkChecked += 1;
      if (!divergence) {
        tally.sdkAgree += 1;
        if (vector.error !== null) tally.sdkThrowsWeDrop += 1;
      } else if (divergence.basis === 'spec') tally.sdkSpec += 1;
      else tally.sdkReading += 1;
    },
  );

  test('every listed divergence matched a vector', () => {
    expect(Object.keys(SDK_DIVERGENCES).filter((key) => !usedDivergences.has(key))).toEqual([]);
  });
});

/** The wire never carries null, "" or [null], and a value left out is reported unless blank. */
function assertCleanWire(field: UserDataField, input: string, ctx?: NormalizeContext): void {
  const { userData, dropped } = hashUserData({ [field]: input }, ctx);
  for (const value of Object.values(userData)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(typeof item === 'string' && item.length > 0).toBe(true);
  }
  const expectReport = !(field in userData) && input.trim() !== '';
  expect(dropped.map((entry) => entry.field)).toEqual(expectReport ? [field] : []);
}

afterAll(() => {
  console.log(
    `normalization vectors: ${tally.docs}/${docsVectors.length} documented (${tally.ambiguous} ambiguous: ` +
      `${tally.ambiguous - tally.docsReadings} with the recommended reading, ${tally.docsReadings} with the checklist's stricter one) passed; ` +
      `sdk-reference: ${tally.sdkChecked}/${sdkVectors.length} checked, ${tally.sdkAgree} agree with the SDK where it follows the docs ` +
      `(${tally.sdkThrowsWeDrop} of them dropped by us where the SDK throws), ` +
      `${tally.sdkSpec + tally.sdkReading} differ (${tally.sdkSpec} per the documented rules in spec §5/§13, ` +
      `${tally.sdkReading} our reading where the docs are silent: spec §5's tie-break, Meta's Parameter Builder with its exceptions)`,
  );
});
