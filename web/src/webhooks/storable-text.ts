/**
 * PostgreSQL text cannot hold NUL, and no UTF-8 column can hold a lone UTF-16 surrogate; both are
 * valid in JSON (`\u0000`, `\ud800`). Left in an id or a token they fail the write on every retry,
 * so every string of a body is made storable first: each such character becomes U+FFFD, as a UTF-8
 * decoder does with bytes it cannot read. Nothing else changes.
 */
const UNSTORABLE_SOURCE = String.raw`\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE, 'g');
const HAS_UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);

/** True when `text` holds a NUL or a lone surrogate: no column takes it as it is. */
export function hasUnstorableText(text: string): boolean {
  return HAS_UNSTORABLE.test(text);
}

/**
 * In a parsed body these characters can only come from `\u` escapes: JSON refuses a raw NUL, and the
 * UTF-8 decoder the body went through never yields a lone surrogate. A body whose text holds no
 * `\u0000` and no `\uD800`-`\uDFFF` escape needs no walk (the walk copies every object of the body).
 */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** False when no string parsed from `raw` can hold an unstorable character. */
export function mayHoldUnstorable(raw: string): boolean {
  return UNSTORABLE_ESCAPE.test(raw);
}

export interface StorableResult {
  value: unknown;
  /** Strings that held a character no database column can store. */
  replaced: number;
}

export function storableText(value: unknown): StorableResult {
  let replaced = 0;
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const clean = node.replace(UNSTORABLE, '\uFFFD');
      if (clean !== node) replaced += 1;
      return clean;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [visit(key) as string, visit(child)]));
    }
    return node;
  };
  const result = visit(value);
  return { value: result, replaced };
}
