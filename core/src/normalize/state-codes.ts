/**
 * Subdivision names -> the 2-letter codes Meta expects in `st`. Meta requires the code for the US;
 * Canada and Australia get the same treatment because their codes are just as standard.
 * Keys are folded (lowercase, no accents, spaces or punctuation), see `foldedKey`.
 */
export const STATE_CODE_COUNTRIES = ['us', 'ca', 'au'] as const;
export type StateCodeCountry = (typeof STATE_CODE_COUNTRIES)[number];

const US_STATES: Readonly<Record<string, string>> = {
  alabama: 'al', alaska: 'ak', arizona: 'az', arkansas: 'ar', california: 'ca', colorado: 'co',
  connecticut: 'ct', delaware: 'de', districtofcolumbia: 'dc', washingtondc: 'dc', florida: 'fl',
  georgia: 'ga', hawaii: 'hi', idaho: 'id', illinois: 'il', indiana: 'in', iowa: 'ia', kansas: 'ks',
  kentucky: 'ky', louisiana: 'la', maine: 'me', maryland: 'md', massachusetts: 'ma', michigan: 'mi',
  minnesota: 'mn', mississippi: 'ms', missouri: 'mo', montana: 'mt', nebraska: 'ne', nevada: 'nv',
  newhampshire: 'nh', newjersey: 'nj', newmexico: 'nm', newyork: 'ny', northcarolina: 'nc',
  northdakota: 'nd', ohio: 'oh', oklahoma: 'ok', oregon: 'or', pennsylvania: 'pa', rhodeisland: 'ri',
  southcarolina: 'sc', southdakota: 'sd', tennessee: 'tn', texas: 'tx', utah: 'ut', vermont: 'vt',
  virginia: 'va', washington: 'wa', westvirginia: 'wv', wisconsin: 'wi', wyoming: 'wy',
  americansamoa: 'as', guam: 'gu', northernmarianaislands: 'mp', puertorico: 'pr',
  usvirginislands: 'vi', virginislands: 'vi', unitedstatesvirginislands: 'vi',
  armedforcesamericas: 'aa', armedforceseurope: 'ae', armedforcespacific: 'ap',
};

const CA_PROVINCES: Readonly<Record<string, string>> = {
  alberta: 'ab', britishcolumbia: 'bc', manitoba: 'mb', newbrunswick: 'nb',
  newfoundlandandlabrador: 'nl', newfoundland: 'nl', novascotia: 'ns', northwestterritories: 'nt',
  nunavut: 'nu', ontario: 'on', princeedwardisland: 'pe', quebec: 'qc', saskatchewan: 'sk', yukon: 'yt',
};

const AU_STATES: Readonly<Record<string, string>> = {
  australiancapitalterritory: 'act', newsouthwales: 'nsw', northernterritory: 'nt', queensland: 'qld',
  southaustralia: 'sa', tasmania: 'tas', victoria: 'vic', westernaustralia: 'wa',
};

export const STATE_CODES: Readonly<Record<StateCodeCountry, Readonly<Record<string, string>>>> = {
  us: US_STATES,
  ca: CA_PROVINCES,
  au: AU_STATES,
};

export function hasStateCodes(country: string): country is StateCodeCountry {
  return Object.hasOwn(STATE_CODES, country);
}

/** The code for a folded name or code in one country's table, if it is one. */
export function stateCode(country: StateCodeCountry, key: string): string | undefined {
  const table = STATE_CODES[country];
  if (Object.hasOwn(table, key)) return table[key];
  return Object.values(table).includes(key) ? key : undefined;
}
