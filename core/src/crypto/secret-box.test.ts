import { createSecretBox, generateSecretBoxKey, SecretBoxError } from './secret-box';

const KEY = 'a1'.repeat(32);
const box = createSecretBox(KEY);

/** Flips one bit in the given base64url part of a sealed value. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split(':');
  const bytes = Buffer.from(parts[partIndex]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join(':');
}

describe('createSecretBox', () => {
  it('round-trips text, including non-ASCII and empty strings', () => {
    for (const secret of ['EAAGm0PX4ZCpsBA-token', 'jeton-é-漢字', '']) {
      expect(box.decrypt(box.encrypt(secret, 'store-1'), 'store-1')).toBe(secret);
    }
  });

  it('writes the versioned v1:<iv>:<tag>:<ciphertext> format with a 12-byte IV and 16-byte tag', () => {
    const sealed = box.encrypt('secret-token', 'ctx');
    const [version, iv, tag, ciphertext] = sealed.split(':');
    expect(version).toBe('v1');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength('secret-token'.length);
    expect(sealed).not.toContain('secret-token');
  });

  it('uses a fresh IV for every encryption', () => {
    const a = box.encrypt('same', 'ctx');
    const b = box.encrypt('same', 'ctx');
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('rejects a value whose %s was altered', (_part, index) => {
    const sealed = box.encrypt('secret-token', 'ctx');
    expect(() => box.decrypt(tamper(sealed, index), 'ctx')).toThrow(SecretBoxError);
  });

  it('rejects a value sealed under another key, naming the likely cause', () => {
    const other = createSecretBox(generateSecretBoxKey());
    expect(() => box.decrypt(other.encrypt('secret-token', 'ctx'), 'ctx')).toThrow(/encryption key changed/);
  });

  it('rejects a value moved to another context (another row)', () => {
    const sealed = box.encrypt('secret-token', 'store-1');
    expect(() => box.decrypt(sealed, 'store-2')).toThrow(SecretBoxError);
  });

  it.each(['', 'plain-token', 'v2:a:b:c', 'v1:a:b', 'v1:a:b:c:d', 'v1:AAAA:AAAA:AAAA'])('rejects malformed value %j', (value) => {
    expect(() => box.decrypt(value, 'ctx')).toThrow(SecretBoxError);
  });

  it.each([
    ['too short', 'ab'.repeat(16)],
    ['too long', 'ab'.repeat(33)],
    ['not hex', 'zz'.repeat(32)],
    ['empty', ''],
  ])('refuses a key that is %s with an actionable message', (_case, key) => {
    expect(() => createSecretBox(key)).toThrow(/64 hexadecimal characters.*openssl rand -hex 32/);
  });

  it('generates keys it accepts', () => {
    const key = generateSecretBoxKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(() => createSecretBox(key)).not.toThrow();
  });
});
