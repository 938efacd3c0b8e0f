import { canonicalCurrency } from './currency';
import { validateEvent } from './validate-event';
import { NOW, sendablePurchase } from './__tests__/sendable-purchase';

const currencyIssues = (currency: string) =>
  validateEvent(sendablePurchase({ custom_data: { value: 10, currency } }), { now: NOW }).filter((issue) => issue.field === 'custom_data.currency');

describe('canonicalCurrency', () => {
  test.each([
    ['USD', 'USD'],
    [' eur ', 'EUR'],
    ['Gbp', 'GBP'],
    ['jpy\n', 'JPY'],
  ])('uppercases three ASCII letters: %j -> %s', (input, expected) => {
    expect(canonicalCurrency(input)).toBe(expected);
  });

  test.each([
    ['a ligature that uppercases to FF', '\ufb00x'],
    ['a dotless i', 'ıdr'],
    ['a sharp s that uppercases to SS', 'ßd'],
    ['full-width letters', 'ｕｓｄ'],
    ['a currency sign', '$'],
    ['a Cyrillic look-alike', 'еur'],
    ['four letters', 'euro'],
  ])('leaves %s as it came', (_name, input) => {
    expect(canonicalCurrency(input)).toBe(input.trim());
  });
});

describe('the currency check', () => {
  test.each(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'XOF', 'XCG', 'ZWG', 'SLE'])('accepts the ISO 4217 code %s', (code) => {
    expect(currencyIssues(code)).toEqual([]);
  });

  test.each([
    ['a code ISO never assigned', 'XYZ'],
    ['another unassigned code', 'ABC'],
    ['the testing code', 'XTS'],
    ['the no-currency code', 'XXX'],
    ['gold', 'XAU'],
    ['a withdrawn code', 'HRK'],
    ['lowercase (the builder uppercases; raw lowercase is a bug)', 'usd'],
    ['a ligature that would uppercase to FFX', '\ufb00x'],
    ['a symbol', '€'],
    ['a name', 'Euro'],
  ])('reports %s as bad_currency', (_name, code) => {
    expect(currencyIssues(code)).toEqual([expect.objectContaining({ code: 'bad_currency', message: expect.stringContaining('ISO 4217') })]);
  });

  test('built the way the builder builds it, a ligature is never turned into a code', () => {
    expect(currencyIssues(canonicalCurrency('\ufb00x'))).toEqual([expect.objectContaining({ code: 'bad_currency' })]);
    expect(currencyIssues(canonicalCurrency(' usd '))).toEqual([]);
  });
});
