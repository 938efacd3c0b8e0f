import { hash } from 'node:crypto';
import type { HashedField } from '../meta/wire';
import { nfc } from './text';

/**
 * A genuine SHA-256 hex digest, optionally followed by the opaque appendix Meta's Parameter Builder
 * adds (`<hash>.ABcDEFGh`), which must be sent as is. 32-hex strings are deliberately NOT trusted:
 * a dashless UUID or an MD5 looks exactly like that, and Meta matches on SHA-256 only.
 */
const PRE_HASHED = /^([a-fA-F0-9]{64})(\.[A-Za-z0-9]{2,8})?$/;
const DIGEST_LENGTH = 64;

/** SHA-256 over the UTF-8 bytes of the NFC form, as lowercase hex (one-shot: no Hash object per value). */
export function sha256Hex(text: string): string {
  return sha256HexOfNfc(nfc(text));
}

function sha256HexOfNfc(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The canonical form of an already hashed value (hex lowercased, appendix kept verbatim),
 * or null when the text is not a SHA-256 digest.
 */
export function asPreHashed(text: string): string | null {
  // Every value is asked, twice: most are far shorter than a digest, which answers without the regex.
  if (text.length < DIGEST_LENGTH) return null;
  const match = PRE_HASHED.exec(text.trim());
  if (!match) return null;
  const [, digest = '', appendix = ''] = match;
  return digest.toLowerCase() + appendix;
}

/**
 * The wire value of a normalized hashed field. Meta hashes every field the same way; `field` keeps
 * call sites self-describing. An already hashed value passes through so it is never hashed twice.
 */
export function hashField(_field: HashedField, normalized: string): string {
  return asPreHashed(normalized) ?? sha256Hex(normalized);
}

/** As `hashField` for what `normalizeResolved` kept, which is NFC already: no second NFC pass. */
export function hashNfc(normalized: string): string {
  return asPreHashed(normalized) ?? sha256HexOfNfc(normalized);
}
