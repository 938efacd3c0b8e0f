/**
 * Authenticated encryption for secrets at rest (Meta access tokens, Shopify session tokens):
 * AES-256-GCM, a random 96-bit IV per message, and a versioned text format
 * `v1:<iv>:<tag>:<ciphertext>` (base64url parts) so the scheme can change without a migration.
 *
 * `context` is bound as GCM associated data: a ciphertext copied to another row (another store,
 * another session) fails to decrypt instead of handing over someone else's token.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_HEX = /^[0-9a-fA-F]{64}$/;

export interface SecretBox {
  encrypt(plaintext: string, context: string): string;
  /** Throws SecretBoxError when the text is malformed, was tampered with, or another key/context sealed it. */
  decrypt(sealed: string, context: string): string;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** A fresh key in the format `createSecretBox` expects (64 hex characters). */
export function generateSecretBoxKey(): string {
  return randomBytes(32).toString('hex');
}

/** @param hexKey 32 bytes as 64 hex characters, e.g. from `openssl rand -hex 32`. */
export function createSecretBox(hexKey: string): SecretBox {
  if (!KEY_HEX.test(hexKey)) {
    throw new SecretBoxError(
      `The encryption key must be 64 hexadecimal characters (32 bytes); got ${hexKey.length} characters. ` +
        'Generate one with `openssl rand -hex 32`.',
    );
  }
  const key = Buffer.from(hexKey, 'hex');

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
    },

    decrypt(sealed, context) {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split(':');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
        throw new SecretBoxError(`Not a ${VERSION} secret-box value.`);
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new SecretBoxError('Malformed secret-box value: wrong IV or tag length.');
      }
      const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'A stored secret could not be decrypted: the encryption key changed, or the value was altered or moved.',
        );
      }
    },
  };
}
