import { describe, expect, it } from 'vitest';
import {
  normaliseAddress,
  normaliseAgency,
  normaliseEmail,
  normalisePersonName,
  normalisePhone,
} from './identifier-normaliser.ts';

describe('normalisePhone', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['+44 (0)20 7946-0958', undefined, '+442079460958'],
    ['0044 20 7946 0958', undefined, '+442079460958'],
    ['+44.20.7946.0958', undefined, '+442079460958'],
    ['020 7946 0958', '44', '+442079460958'],
    ['020 7946 0958', undefined, '02079460958'],
    ['+1 (212) 555-0100 ext. 42', undefined, '+12125550100'],
    ['12345', undefined, undefined],
    ['+1234567890123456', undefined, undefined],
    ['call me', undefined, undefined],
  ];
  it.each(cases)('%s (default %s) → %s', (raw, cc, expected) => {
    expect(normalisePhone(raw, cc)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  const cases: [string, string | undefined][] = [
    ['John.Doe@Example.COM', 'john.doe@example.com'],
    ['j.o.h.n+travel@gmail.com', 'john@gmail.com'],
    ['JOHN@googlemail.com', 'john@gmail.com'],
    ['john+x@outlook.com', 'john@outlook.com'],
    ['john.smith+x@example.org', 'john.smith+x@example.org'],
    ['  a.b@yahoo.com ', 'a.b@yahoo.com'],
    ['not-an-email', undefined],
    ['a@b', undefined],
    ['+tag@gmail.com', undefined],
  ];
  it.each(cases)('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });
});

describe('normaliseAddress', () => {
  it('folds case, accents, punctuation and abbreviations', () => {
    const a = normaliseAddress({
      street: '12, Baker Street, Flat 3',
      postalCode: 'nw1 6xe',
      city: 'London',
    });
    const b = normaliseAddress({
      street: '12 BAKER ST APT 3',
      postalCode: 'NW16XE',
      city: 'london',
    });
    expect(a).toBe(b);
    expect(normaliseAddress('Hauptstraße 5')).toBe(normaliseAddress('HAUPTSTRASSE No. 5'));
    expect(normaliseAddress('Rue de l’Église 4')).toBe(normaliseAddress('RUE DE L EGLISE 4'));
  });
  it('refuses addresses too thin to link on', () => {
    expect(normaliseAddress({ city: 'London' })).toBeUndefined();
    expect(normaliseAddress('Main')).toBeUndefined();
  });
});

describe('names and agencies', () => {
  it('ignores order, case, titles and accents in payer names', () => {
    expect(normalisePersonName('Smith, John')).toBe(normalisePersonName('MR JOHN SMITH'));
    expect(normalisePersonName('José Müller')).toBe('JOSE MULLER');
    expect(normalisePersonName('  ')).toBeUndefined();
  });
  it('keeps agency ids as upper-case alphanumerics', () => {
    expect(normaliseAgency('12-345 67/5')).toBe('123456 75'.replace(' ', ''));
  });
});
