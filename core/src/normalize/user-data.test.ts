import { sha256Hex } from './hash';
import { hashUserData } from './user-data';

const DIGEST = '62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f';

describe('hashUserData', () => {
  test('hashes each value and deduplicates after hashing', () => {
    const { userData, dropped } = hashUserData({ fn: ['Mary', ' MARY ', 'Mary-Ann'], em: 'John_Smith@gmail.com' });
    expect(userData).toEqual({ em: [DIGEST], fn: [sha256Hex('mary'), sha256Hex('maryann')] });
    expect(dropped).toEqual([]);
  });

  test('a raw value and its own hash count once', () => {
    expect(hashUserData({ em: ['john_smith@gmail.com', DIGEST.toUpperCase()] }).userData).toEqual({ em: [DIGEST] });
  });

  test('passes pre-hashed values through, Parameter Builder appendix included', () => {
    expect(hashUserData({ em: `${DIGEST}.ABcDEFGh` }).userData).toEqual({ em: [`${DIGEST}.ABcDEFGh`] });
  });

  test('never trusts 32-hex as a hash', () => {
    const uuid = '550e8400e29b41d4a716446655440000';
    const { userData, dropped } = hashUserData({ external_id: uuid, em: uuid });
    expect(userData).toEqual({ external_id: [sha256Hex(uuid)] });
    expect(dropped).toEqual([{ field: 'em', reason: 'email is not an email address (it needs exactly one @)' }]);
  });

  test('decomposed (NFD) input hashes like its composed form', () => {
    expect(hashUserData({ fn: 'Vale\u0301ry' }).userData).toEqual(hashUserData({ fn: 'Valéry' }).userData);
  });

  test('plain fields go out untouched and unhashed', () => {
    const plain = {
      client_ip_address: '2001:db8::1',
      client_user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
      fbc: 'fb.1.1554763741205.AbCdEfGhIjKl',
      fbp: 'fb.1.1596403881668.1116446470',
    };
    expect(hashUserData(plain)).toEqual({ userData: plain, dropped: [] });
  });

  test('a plain field keeps its first usable value and reports the rest', () => {
    const { userData, dropped } = hashUserData({ client_ip_address: ['not an ip', '203.0.113.7', '203.0.113.7', '198.51.100.1'] });
    expect(userData).toEqual({ client_ip_address: '203.0.113.7' });
    expect(dropped).toEqual([
      { field: 'client_ip_address', reason: 'IP address is not a valid IPv4 or IPv6 address' },
      { field: 'client_ip_address', reason: 'IP address takes one value; 1 more left out' },
    ]);
  });

  test('lists every value it leaves out, with a reason and without the value', () => {
    const { userData, dropped } = hashUserData(
      { em: ['john smith@example.com', 'ok@example.com'], ph: '555-1212', ge: 'they', db: '03/04/1990' },
      { country: 'US' },
    );
    expect(Object.keys(userData)).toEqual(['em']);
    expect(dropped).toEqual([
      { field: 'em', reason: 'email is not an email address (it contains a space)' },
      { field: 'ph', reason: 'phone could not be parsed for country US' },
      { field: 'db', reason: 'date of birth is ambiguous (day and month both 12 or less); set the date format' },
      { field: 'ge', reason: 'gender is not a word for female or male (f/m)' },
    ]);
  });

  test('emoji leave nothing behind: a name of emoji only is reported, never hashed as U+FE0F', () => {
    const { userData, dropped } = hashUserData({ fn: ['❤️', 'Mary ❤️'], ln: '\uFE0F' });
    expect(userData).toEqual({ fn: [sha256Hex('mary')] });
    expect(dropped).toEqual([
      { field: 'fn', reason: 'first name has no letters' },
      { field: 'ln', reason: 'last name has no letters' },
    ]);
  });

  test('reports values that are not text instead of losing them', () => {
    const raw = { ph: [16505551212] } as unknown as Parameters<typeof hashUserData>[0];
    expect(hashUserData(raw).dropped).toEqual([{ field: 'ph', reason: 'phone is not text' }]);
  });

  test('omits absent and blank keys entirely: no null, "", [] or [null]', () => {
    expect(hashUserData({ em: '', ph: '   ', fn: null, ln: undefined, ct: [], zp: [''], fbc: '' })).toEqual({ userData: {}, dropped: [] });
  });

  test('without a context country, the raw country sets the phone region', () => {
    expect(hashUserData({ ph: '020 7946 0958', country: 'United Kingdom' }).userData).toEqual({
      ph: [sha256Hex('442079460958')],
      country: [sha256Hex('gb')],
    });
  });

  test('the context country wins over the raw one', () => {
    expect(hashUserData({ zp: '94107-1234', country: 'US' }, { country: 'PT' }).userData.zp).toEqual([sha256Hex('941071234')]);
  });

  test('the date format reaches date-of-birth parsing', () => {
    expect(hashUserData({ db: '03/04/1990' }, { dateFormat: 'DMY' }).userData).toEqual({ db: [sha256Hex('19900403')] });
  });
});
