import { describe, expect, it } from 'vitest';
import { visaCsv } from '../test/fixtures.ts';
import { matrixRequirement, parseVisaMatrixCsv } from './visa-matrix.ts';

describe('parseVisaMatrixCsv', () => {
  const r = parseVisaMatrixCsv(visaCsv());

  it('reads the whole shared dataset without issues', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues).toEqual([]);
    expect(r.matrix.entries.size).toBe(visaCsv().trim().split('\n').length - 1);
    expect(r.matrix.passports.size).toBe(199);
  });

  it.each([
    ['DEU', 'USA', { kind: 'eta' }],
    ['NGA', 'DEU', { kind: 'visa-required' }],
    ['DEU', 'THA', { kind: 'visa-free', days: 60 }],
    ['FRA', 'DEU', { kind: 'visa-free' }],
    ['DEU', 'DEU', { kind: 'own-country' }],
    ['ARM', 'AZE', { kind: 'no-admission' }],
  ])('%s → %s', (p, d, expected) => {
    if (!r.ok) throw new Error('matrix');
    expect(matrixRequirement(r.matrix, p, d)).toEqual(expected);
  });

  it('rejects a wrong header', () => {
    const bad = parseVisaMatrixCsv('a,b,c\nDEU,FRA,visa free');
    expect(bad).toEqual({
      ok: false,
      issues: [expect.objectContaining({ line: 1, code: 'CSV_HEADER' })],
    });
  });

  it('reports bad rows with their line and keeps the good ones', () => {
    const text =
      'Passport,Destination,Requirement\nDEU,FRA,visa free\nDEU,FRA,90\nDE,FRA,90\nDEU,ITA,maybe\nDEU,ESP\n';
    const res = parseVisaMatrixCsv(text);
    expect(res.ok).toBe(true);
    expect(res.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'CSV_DUPLICATE'],
      [4, 'CSV_CODE'],
      [5, 'CSV_VALUE'],
      [6, 'CSV_COLUMNS'],
    ]);
  });
});
