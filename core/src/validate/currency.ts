/**
 * ISO 4217 List One: the codes of currencies in circulation (2026), without the fund codes
 * (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals, SDR-like units and the testing
 * and "no currency" codes (XAU, XDR, XSU, XTS, XXX, ...): no shop charges in those. Withdrawn codes
 * (HRK, ANG, SLL, ZWL) are gone too: Meta reads `currency` as a live ISO 4217 code.
 */
const ISO_4217: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW ' +
    'KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR ' +
    'MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR ' +
    'SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX ' +
    'USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

/** True for a live ISO 4217 code written exactly so (uppercase). */
export function isIsoCurrency(code: string): boolean {
  return ISO_4217.has(code);
}

/**
 * The currency as it goes out: trimmed, and uppercased only when it is three ASCII letters.
 * Uppercasing anything else would invent codes (`"\ufb00x"` becomes `FFX`), so such text stays as
 * it came and validation reports it.
 */
export function canonicalCurrency(text: string): string {
  const trimmed = text.trim();
  return /^[A-Za-z]{3}$/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}
