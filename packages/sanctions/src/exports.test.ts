import { describe, expect, it } from 'vitest';
import { loadProfile } from '../test-support/profiles.ts';
import { demoCaseInEveryState, demoFacts } from './case-demo.ts';
import { detectInfringements } from './infringement-rules.ts';
import { renderNotice } from './notice-renderer.ts';
import { REGISTER_COLUMNS, csvCell, registerCsv } from './register-export.ts';

const START = new Date('2026-03-10T12:00:00Z');
const profile = loadProfile('uk-iaa-1999-s40');
const demo = demoCaseInEveryState({ profile, start: START });
if (!demo.ok) throw new Error('demo');
const cases = demo.value;
const infs = detectInfringements(demoFacts(START), { profile, asOf: START });

describe('public register CSV', () => {
  const csv = registerCsv(Object.values(cases));
  const lines = csv.trimEnd().split('\r\n');

  it('has a header and one row per decided case', () => {
    expect(lines[0]).toBe(REGISTER_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 5);
  });

  it('carries carrier, date, amount, basis and status', () => {
    const closed = lines.find((l) => l.startsWith(cases.closed.id));
    expect(closed).toContain(',XY,');
    expect(closed).toContain(',3000.00,GBP,');
    expect(closed).toContain('Immigration and Asylum Act 1999 s.40(1)');
    expect(closed?.endsWith(`,closed-paid,uk-iaa-1999-s40,${profile.version}`)).toBe(true);
  });

  it('contains no traveller data', () => {
    for (const id of ['P1', 'P2', 'P3', 'out-P1', 'ans-P3']) expect(csv).not.toContain(id);
  });

  it('quotes and defuses cells', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=cmd()')).toBe("'=cmd()");
  });
});

describe('notice of intended sanction', () => {
  const opts = { authority: 'Border <Authority>', answerChannel: 'the carrier API' };

  it('text: findings, computation lines with basis, exemptions, evidence and the answer deadline', () => {
    const c = cases['notice-issued'];
    const text = renderNotice(c, infs, { ...opts, format: 'text' });
    expect(text).toContain(`Case: ${c.id}`);
    expect(text).toContain('refused entry at arrival for no visa');
    expect(text).toContain('Immigration and Asylum Act 1999 s.40(1)');
    expect(text).toContain('claimed international protection');
    expect(text).toContain(`by ${c.notice?.answerDueBy}`);
    expect(text).toContain('computation: ');
    expect(text).toContain(`version ${profile.version}`);
  });

  it('html: escapes what it prints', () => {
    const html = renderNotice(cases['under-review'], infs, { ...opts, format: 'html' });
    expect(html).toContain('Border &lt;Authority&gt;');
    expect(html).not.toContain('<Authority>');
    expect(html).toContain('within 30 days of the date of this notice');
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });
});

describe('carrier access', () => {
  it('a carrier sees only its own cases; the regulator sees all', async () => {
    const { casesVisibleTo } = await import('./case-access.ts');
    const mixed = [cases.draft, { ...cases.decided, carrier: 'ZZ' }];
    expect(casesVisibleTo({ role: 'carrier', id: 'a', carrier: 'XY' }, mixed)).toEqual([
      cases.draft,
    ]);
    expect(casesVisibleTo({ role: 'carrier', id: 'a' }, mixed)).toEqual([]);
    expect(casesVisibleTo({ role: 'regulator', id: 'r' }, mixed)).toHaveLength(2);
  });
});
