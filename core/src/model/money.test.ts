import { amountToNumber, isDecimalAmount, multiplyAmount } from './money';

describe('multiplyAmount', () => {
  it('multiplies exactly where float arithmetic would drift', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(multiplyAmount('0.10', 3)).toBe('0.30');
    expect(multiplyAmount('19.99', 3)).toBe('59.97');
  });

  it('keeps the scale of the amount, including amounts without decimals and below one', () => {
    expect(multiplyAmount('1500', 2)).toBe('3000');
    expect(multiplyAmount('0.05', 1)).toBe('0.05');
    expect(multiplyAmount('0.005', 0)).toBe('0.000');
  });

  it('handles negative amounts', () => {
    expect(multiplyAmount('-2.50', 3)).toBe('-7.50');
    expect(multiplyAmount('-0.01', 2)).toBe('-0.02');
  });

  it('stays exact beyond float precision', () => {
    expect(multiplyAmount('92233720368547758.07', 10)).toBe('922337203685477580.70');
  });

  it('rejects fractional quantities and malformed amounts with a readable message', () => {
    expect(() => multiplyAmount('1.00', 1.5)).toThrow('Quantity 1.5 is not a whole number');
    expect(() => multiplyAmount('1,00', 2)).toThrow('Amount "1,00" is not a decimal number');
  });
});

describe('amountToNumber', () => {
  it('converts a decimal string to a number', () => {
    expect(amountToNumber('404.95')).toBe(404.95);
    expect(amountToNumber('0.00')).toBe(0);
    expect(amountToNumber(' 12 ')).toBe(12);
  });

  it('refuses what Number() would quietly accept', () => {
    expect(() => amountToNumber('1e3')).toThrow(RangeError);
    expect(() => amountToNumber('')).toThrow(RangeError);
    expect(() => amountToNumber('0x10')).toThrow(RangeError);
  });
});

describe('isDecimalAmount', () => {
  it('accepts plain decimals only', () => {
    expect(isDecimalAmount('19.99')).toBe(true);
    expect(isDecimalAmount('-3')).toBe(true);
    expect(isDecimalAmount('19.')).toBe(false);
    expect(isDecimalAmount('NaN')).toBe(false);
  });
});
