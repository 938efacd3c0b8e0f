/**
 * Varied customers for the normalization phase, the same list on every run (a seeded generator):
 * mixed case and stray spaces, phones written several ways, names with accents, US and European
 * addresses. Every value is one both normalizers accept as valid input (ASCII emails, phones of 7 to
 * 16 digits), so the comparison times normalizing and hashing, not one side's refusals.
 *
 * Names, cities and postcodes repeat as they do across a store's customers: drawn by rank from
 * large pools with a Zipf distribution (a few very common values, a long tail of rare ones), not
 * from a handful of values that any cache would hold after the first few customers.
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
const SYLLABLES = ['an', 'bel', 'cor', 'da', 'el', 'fin', 'gar', 'hal', 'is', 'jo', 'ka', 'lin', 'mar', 'nor', 'ol', 'per', 'ros', 'sel', 'tor', 'ul', 'ver', 'wen'];
/** Distinct values per field; with Zipf weights the top 1,000 first names cover about 87% of customers, the top 1,000 last names 62%. */
const POOLS = { first: 3_000, last: 100_000, city: 2_000, postcode: 5_000 };
const GB_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const POSTCODES = {
  US: (rank) => String(10_001 + ((rank * 7919) % 89_000)),
  us: (rank) => `${String(90_001 + ((rank * 104_729) % 9_000))}-${String(1_000 + (rank % 9_000))}`,
  DE: (rank) => String(10_115 + ((rank * 7919) % 89_000)),
  FR: (rank) => String(75_001 + ((rank * 7919) % 20_000)),
  GB: (rank) => `${['SW', 'EC', 'N', 'E', 'W', 'NW', 'SE'][rank % 7]}${(rank % 20) + 1} ${(rank % 9) + 1}${GB_LETTERS[rank % 20]}${GB_LETTERS[Math.floor(rank / 20) % 20]}`,
  CH: (rank) => String(1_000 + ((rank * 7919) % 9_000)),
};

/** The value of a rank: the common base values first, then each base with syllables appended. */
function ranked(base, rank) {
  if (rank < base.length) return base[rank];
  let suffix = '';
  for (let k = Math.floor(rank / base.length); k > 0; k = Math.floor(k / SYLLABLES.length)) suffix += SYLLABLES[k % SYLLABLES.length];
  const value = base[rank % base.length];
  return value.trimEnd() + suffix + value.slice(value.trimEnd().length);
}

/** Draws ranks 0..size-1 with weight 1/(rank+1). */
function zipf(size, random) {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

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
  const rank = { first: zipf(POOLS.first, random), last: zipf(POOLS.last, random), city: zipf(POOLS.city, random), postcode: zipf(POOLS.postcode, random) };
  const customers = Array.from({ length: count }, (_, n) => {
    const first = ranked(FIRST, rank.first());
    const last = ranked(LAST, rank.last());
    const place = pick(PLACES);
    const postcodeRank = rank.postcode();
    const local = `${first.trim().toLowerCase().replace(/[^a-z]/g, '') || 'customer'}.${n}`;
    return {
      em: random() < 0.3 ? ` ${local.toUpperCase()}@${pick(DOMAINS)} ` : `${local}@${pick(DOMAINS)}`,
      ph: place.phone(n + Math.floor(random() * 1_000_000)),
      fn: first,
      ln: last,
      ct: ranked([place.ct], rank.city()),
      st: place.st,
      zp: postcodeRank === 0 ? place.zp : POSTCODES[place.country](postcodeRank),
      country: place.country,
      external_id: `customer-${1_000_000 + n}`,
    };
  });
  // As a webhook body hands them over: flat strings from JSON.parse, not the concatenations built here.
  return JSON.parse(JSON.stringify(customers));
}

module.exports = { varietyOfCustomers };
