import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures/gtas-fixtures.ts';
import { sniffFormat } from './format-sniffer.ts';

describe('sniffFormat', () => {
  it('recognises the GTAS samples from text and bytes', () => {
    expect(sniffFormat(fixture('paxlst', 'airline2.edi'))).toBe('PAXLST');
    expect(sniffFormat(fixture('paxlst', 'Test1.txt'))).toBe('PAXLST');
    expect(sniffFormat(new TextEncoder().encode(fixture('pnrgov', 'codeshare.edi')))).toBe(
      'PNRGOV',
    );
    expect(sniffFormat(fixture('pnrgov', 'pnr1.txt'))).toBe('PNRGOV');
  });

  it('tells the JSON forms apart', () => {
    expect(sniffFormat('\uFEFF  {"flight":{},"travellers":[]}')).toBe('JSON-MANIFEST');
    expect(sniffFormat('{"pushType":"full","pnrs":[]}')).toBe('JSON-PNR');
    expect(sniffFormat('{"hello":1}')).toBe('unknown');
  });

  it('says unknown for anything else', () => {
    expect(sniffFormat('')).toBe('unknown');
    expect(sniffFormat('<xml/>')).toBe('unknown');
    expect(sniffFormat("UNB+UNOA:4+X+Y'UNH+1+CUSRES:D:05B:UN:IATA'")).toBe('unknown');
    expect(sniffFormat(null as unknown as string)).toBe('unknown');
  });
});
