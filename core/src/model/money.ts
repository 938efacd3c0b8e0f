/**
 * Decimal amounts as strings ("19.99"), the form platforms give them. Arithmetic happens on scaled
 * bigints so that 3 x "19.99" is exactly "59.97"; a float appears only in the final conversion to
 * the number Meta's `value` field wants.
 */

const DECIMAL_AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;

interface ScaledAmount {
  units: bigint;
  /** Digits after the decimal point. */
  scale: number;
}

export function isDecimalAmount(amount: string): boolean {
  return DECIMAL_AMOUNT.test(amount.trim());
}

function parseAmount(amount: string): ScaledAmount {
  const match = DECIMAL_AMOUNT.exec(amount.trim());
  if (!match) throw new RangeError(`Amount "${amount}" is not a decimal number like "19.99"`);
  const [, sign = '', whole = '', fraction = ''] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

function formatAmount({ units, scale }: ScaledAmount): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** `amount` times a whole quantity, keeping the amount's scale: ("19.99", 3) -> "59.97". */
export function multiplyAmount(amount: string, quantity: number): string {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity ${quantity} is not a whole number`);
  const parsed = parseAmount(amount);
  return formatAmount({ units: parsed.units * BigInt(quantity), scale: parsed.scale });
}

/** The amount as a JavaScript number, for Meta's `value`; throws on anything that is not a decimal. */
export function amountToNumber(amount: string): number {
  parseAmount(amount);
  return Number(amount.trim());
}
