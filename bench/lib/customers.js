/**
 * Varied customers for the normalization phase, the same list on every run (a seeded generator):
 * mixed case and stray spaces, phones written several ways, names with accents, US and European
 * addresses. Every value is one both normalizers accept as valid input (ASCII emails, phones of 7 to
 * 16 digits), so the comparison times normalizing and hashing, not one side's refusals.
 */
const FIRST = ['Mary', 'JOHN', ' José ', 'Zoë', 'li', 'Ana-Maria', 'François', 'Søren', 'Aiko', "O'Neil"];
const LAST = ['Smith', 'GARCÍA', ' Müller', 'van der Berg', 'Nguyen', 'Łukasz', 'Dubois ', 'Rossi', 'Kim', 'Björk'];
const PLACES = [
  { ct: 'New York', st: 'NY', zp: '10001-1234', country: 'US', phone: (n) => `+1 (212) ${String(n % 900 + 100)}-${String(n % 9000 + 1000)}` },
  { ct: 'San Francisco', st: 'California', zp: '94107', country: 'us', phone: (n) => `415.${String(n % 900 + 100)}.${String(n % 9000 + 1000)}` },
  { ct: 'Berlin', st: 'BE', zp: '10115', country: 'DE', phone: (n) => `+49 30 ${String(n % 9_000_000 + 1_000_000)}` },
  { ct: 'Paris', st: 'Île-de-France', zp: '75001', country: 'FR', phone: (n) => `+33 1 ${String(n % 90 + 10)} ${String(n % 90 + 10)} ${String(n % 90 + 10)} ${String(n % 90 + 10)}` },
  { ct: 'London', st: 'England', zp: 'SW1A 1AA', country: 'GB', phone: (n) => `+44 20 7946 ${String(n % 9000 + 1000)}` },
  { ct: 'Zürich', st: 'ZH', zp: '8001', country: 'CH', phone: (n) => `0041 44 ${String(n % 9_000_000 + 1_000_000)}` },
];
const DOMAINS = ['example.com', 'Mail.Example.org', 'shop.example.net'];

/** A small deterministic PRNG (mulberry32), so every run normalizes the same customers. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` raw customers in core's RawUserData shape (one value per key). */
function varietyOfCustomers(count, seed = 13) {
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, n) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const place = pick(PLACES);
    const local = `${first.trim().toLowerCase().replace(/[^a-z]/g, '') || 'customer'}.${n}`;
    return {
      em: random() < 0.3 ? ` ${local.toUpperCase()}@${pick(DOMAINS)} ` : `${local}@${pick(DOMAINS)}`,
      ph: place.phone(n + Math.floor(random() * 1_000_000)),
      fn: first,
      ln: last,
      ct: place.ct,
      st: place.st,
      zp: place.zp,
      country: place.country,
      external_id: `customer-${1_000_000 + n}`,
    };
  });
}

module.exports = { varietyOfCustomers };
