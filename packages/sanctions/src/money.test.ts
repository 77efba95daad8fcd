import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  decimalString,
  formatMoney,
  isIso4217,
  parseDecimalAmount,
} from './money.ts';
import { isRealInstant } from './instant.ts';

describe('money in minor units', () => {
  it.each([
    ['1234.5', 'EUR', 123450],
    ['0.01', 'GBP', 1],
    ['3200', 'CAD', 320000],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('parses %s %s exactly', (text, cur, minor) => {
    expect(parseDecimalAmount(text, cur)).toEqual({ ok: true, value: { minor, currency: cur } });
  });

  it.each([
    ['1.234', 'EUR', 'AMOUNT_TOO_PRECISE'],
    ['1.5', 'JPY', 'AMOUNT_TOO_PRECISE'],
    ['-5', 'EUR', 'AMOUNT_NOT_DECIMAL'],
    ['1e3', 'EUR', 'AMOUNT_NOT_DECIMAL'],
    ['10', 'EUX', 'CURRENCY_NOT_ISO4217'],
  ])('refuses %s %s with %s', (text, cur, code) => {
    const r = parseDecimalAmount(text, cur);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe(code);
  });

  it('knows ISO 4217 codes and their exponents', () => {
    expect(isIso4217('EUR')).toBe(true);
    expect(isIso4217('XYZ')).toBe(false);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('ISK')).toBe(0);
  });

  it('formats without float error', () => {
    expect(formatMoney({ minor: 320000, currency: 'CAD' })).toBe('CAD 3 200.00');
    expect(formatMoney({ minor: 5, currency: 'EUR' })).toBe('EUR 0.05');
    expect(formatMoney({ minor: 1500, currency: 'JPY' })).toBe('JPY 1 500');
    expect(decimalString({ minor: 123456789, currency: 'EUR' })).toBe('1234567.89');
  });

  it('refuses impossible calendar instants', () => {
    expect(isRealInstant('2026-02-28T10:00:00Z')).toBe(true);
    expect(isRealInstant('2026-02-30T10:00:00Z')).toBe(false);
    expect(isRealInstant('2026-04-31T10:00:00Z')).toBe(false);
    expect(isRealInstant('2024-02-29T23:59:00Z')).toBe(true);
  });
});
