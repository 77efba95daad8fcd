// Money in integer minor units (cents, pence…) so that sums of fines never suffer float error,
// with the ISO 4217 code list and each currency's minor-unit exponent.
import { z } from 'zod';
import type { Result } from './problem.ts';
import { fail, ok } from './problem.ts';

// Active ISO 4217 codes; the digit after a code is its exponent when it is not 2.
const ISO_4217 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD:3 BIF:0 BMD BND BOB BOV BRL BSD BTN ' +
  'BWP BYN BZD CAD CDF CHE CHF CHW CLF:4 CLP:0 CNY COP COU CRC CUP CVE CZK DJF:0 DKK DOP DZD EGP ' +
  'ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF:0 GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD:3 IRR ' +
  'ISK:0 JMD JOD:3 JPY:0 KES KGS KHR KMF:0 KPW KRW:0 KWD:3 KYD KZT LAK LBP LKR LRD LSL LYD:3 MAD ' +
  'MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR:3 PAB PEN ' +
  'PGK PHP PKR PLN PYG:0 QAR RON RSD RUB RWF:0 SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN ' +
  'SVC SYP SZL THB TJS TMT TND:3 TOP TRY TTD TWD TZS UAH UGX:0 USD USN UYI:0 UYU UYW:4 UZS VED ' +
  'VES VND:0 VUV:0 WST XAF:0 XCD XCG XOF:0 XPF:0 YER ZAR ZMW ZWG';

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  ISO_4217.split(/\s+/).map((entry) => {
    const [code = '', exp] = entry.split(':');
    return [code, exp === undefined ? 2 : Number(exp)] as const;
  }),
);

export function isIso4217(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY); undefined if unknown. */
export function currencyExponent(code: string): number | undefined {
  return EXPONENTS.get(code);
}

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 currency code')
  .refine(isIso4217, { message: 'not an active ISO 4217 currency code' });

/** An amount in minor units of its currency: `{ minor: 123456, currency: 'EUR' }` is EUR 1 234.56. */
export const Money = z.object({
  minor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** Parse a decimal string such as `1234.5` into minor units, refusing more decimals than the currency has. */
export function parseDecimalAmount(text: string, currency: string): Result<Money> {
  const exp = currencyExponent(currency);
  if (exp === undefined)
    return fail('CURRENCY_NOT_ISO4217', `${currency} is not an ISO 4217 currency code`, 'currency');
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m)
    return fail('AMOUNT_NOT_DECIMAL', `"${text}" is not a non-negative decimal amount`, 'amount');
  const frac = m[2] ?? '';
  if (frac.length > exp)
    return fail(
      'AMOUNT_TOO_PRECISE',
      `${currency} has ${exp} decimal place(s); "${text}" has ${frac.length}`,
      'amount',
    );
  const minor = Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(minor))
    return fail('AMOUNT_TOO_LARGE', `"${text}" is too large to hold exactly`, 'amount');
  return ok({ minor, currency });
}

/** `CAD 3 200.00`: a human rendering with thin grouping, exact from minor units. */
export function formatMoney(m: Money): string {
  const exp = currencyExponent(m.currency) ?? 2;
  const digits = String(m.minor).padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const frac = exp > 0 ? `.${digits.slice(digits.length - exp)}` : '';
  return `${m.currency} ${whole}${frac}`;
}

/** A plain decimal (`3200.00`) for CSV exports, where grouping would break spreadsheets. */
export function decimalString(m: Money): string {
  const exp = currencyExponent(m.currency) ?? 2;
  const digits = String(m.minor).padStart(exp + 1, '0');
  return exp > 0
    ? `${digits.slice(0, digits.length - exp)}.${digits.slice(digits.length - exp)}`
    : digits;
}
