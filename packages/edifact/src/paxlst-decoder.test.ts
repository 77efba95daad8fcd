import { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { decodePaxlst, type PaxlstMessage } from './paxlst-decoder.ts';
import { fixture } from '../test-fixtures/gtas-fixtures.ts';

function messages(text: string, mode: 'strict' | 'lenient' = 'lenient'): PaxlstMessage[] {
  const r = decodePaxlst(text, { mode });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  for (const m of r.value) expect(Manifest.safeParse(m.manifest).success).toBe(true);
  return r.value;
}

const MINIMAL = [
  "UNB+UNOA:4+SENDER+RECIP+240301:1200+IC1'",
  "UNH+M1+PAXLST:D:05B:UN:IATA'",
  "BGM+745'",
  "NAD+MS+++OPS'",
  "TDT+20+DL0123+++DL'",
  "LOC+125+ATL'",
  "DTM+189:2403012210:201'",
  "LOC+87+CDG'",
  "DTM+232:2403021200:201'",
  "NAD+FL+++DOE:JOHN:PAUL'",
  "ATT+2++M'",
  "DTM+329:800102'",
  "DOC+P+X123'",
  "DTM+36:300101'",
  "LOC+91+USA'",
  "CNT+42:1'",
  "UNT+16+M1'",
  "UNZ+1+IC1'",
].join('');

describe('decodePaxlst on the GTAS samples', () => {
  it('Test1.txt: crew list, 8 crew matching CNT, documents and itinerary', () => {
    const [m] = messages(fixture('paxlst', 'Test1.txt'));
    const man = m!.manifest;
    expect(man.listType).toBe('crew');
    expect(man.travellers).toHaveLength(8);
    expect(man.declaredCount).toBe(8);
    expect(man.travellers.every((t) => t.role === 'crew')).toBe(true);
    expect(man.travellers[0]).toMatchObject({
      name: { surname: 'Steur', given: ['Andrea', 'Pat'] },
      sex: 'F',
      birthDate: '1978-07-06',
      nationality: 'GBR',
      residenceCountry: 'GBR',
      embarkation: 'FRA',
      debarkation: 'IAD',
      placeOfBirth: 'Hartford USA',
      documents: [{ type: 'P', number: '123456789', issuingState: 'GBR' }],
    });
    expect(man.flight).toMatchObject({ carrier: 'UA', number: '989' });
    expect(man.flight.legs[0]).toEqual({
      departure: { airport: 'FRA', local: '2017-01-27T17:25', utc: '2017-01-27T16:25:00.000Z' },
      arrival: { airport: 'IAD', local: '2017-01-28T07:10', utc: '2017-01-28T12:10:00.000Z' },
      overflight: false,
    });
    expect(man.reportingParty).toEqual({
      name: 'CREW SCHEDULING',
      phone: '808-838-5520',
      fax: '808-838-5526',
    });
  });

  it('Test1.txt in strict mode: lowercase under UNOA and the wrong UNT count are positioned errors', () => {
    const r = decodePaxlst(fixture('paxlst', 'Test1.txt'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'CHARACTER_NOT_IN_SYNTAX', segmentIndex: 12 });
    expect(r.errors.find((e) => e.code === 'UNT_COUNT_MISMATCH')).toMatchObject({
      segmentTag: 'UNT',
      element: 1,
    });
  });

  it('Test3.txt: first part of a multi-part message (01:C) with 260 passengers', () => {
    const [m] = messages(fixture('paxlst', 'Test3.txt'));
    expect(m!.part).toEqual({ messageRef: 'ABC01', number: 1, last: false });
    expect(m!.manifest.travellers).toHaveLength(260);
    expect(m!.manifest.travellers[0]).toMatchObject({
      name: { surname: 'Kuchel', given: ['Rachel', 'Pat'] },
      documents: [{ type: 'P', number: '12345678', expiryDate: '2019-12-18', issuingState: 'USA' }],
    });
    expect(m!.manifest.declaredCount).toBe(206);
  });

  it('airline2.edi: custom delimiters, the final part 10:F, 10 passengers with bookings', () => {
    const [m] = messages(fixture('paxlst', 'airline2.edi'));
    expect(m!.part).toEqual({ messageRef: 'AA346', number: 10, last: true });
    const man = m!.manifest;
    expect(man.travellers).toHaveLength(10);
    expect(man.travellers[9]).toMatchObject({
      name: { surname: 'LOWE', given: ['DANIEL'] },
      references: { booking: 'QXGYLO' },
      documents: [{ type: 'P', number: '153284238', expiryDate: '2018-02-21' }],
    });
    expect(man.flight).toMatchObject({ carrier: 'TN', number: '506' });
    expect(man.flight.legs[0]!.arrival.airport).toBe('YEU');
  });

  it('multiple_flight_leg_apis.txt: three legs, the reported flight, CNT matches', () => {
    const [m] = messages(fixture('paxlst', 'multiple_flight_leg_apis.txt'));
    const man = m!.manifest;
    expect(man.messageVersion).toBe('D05B');
    expect(man.flight.number).toBe('827');
    expect(man.flight.legs.map((l) => `${l.departure.airport}-${l.arrival.airport}`)).toEqual([
      'MIA-IAD',
      'IAD-JFK',
      'JFK-CDG',
    ]);
    expect(man.travellers.map((t) => t.references.passenger)).toEqual(['UUI34T543', 'ABC124']);
    expect(man.declaredCount).toBe(man.travellers.length);
  });
});

describe('decodePaxlst rules', () => {
  it('decodes a clean message in strict mode without warnings', () => {
    const r = decodePaxlst(MINIMAL);
    expect(r).toMatchObject({ ok: true, warnings: [] });
    if (!r.ok) return;
    const man = r.value[0]!.manifest;
    expect(man.travellers[0]!.birthDate).toBe('1980-01-02');
    expect(man.travellers[0]!.documents[0]!.expiryDate).toBe('2030-01-01');
    expect(man.flight.legs[0]!.departure.utc).toBe('2024-03-02T03:10:00.000Z');
  });

  it('does not take a UNOY character above U+00FF for the Latin-1 code sharing its low byte', () => {
    // Ő is U+0150 and ń U+0144: their low bytes are P and D. Codes are cached per decode by a
    // packed key, which must not make a cached P or DEU stand in for them.
    const text = MINIMAL.replace('UNOA', 'UNOY').replace(
      "CNT+42:1'",
      "LOC+174+DEU'NAD+FL+++ROE:ANN'DOC+\u0150+X9'LOC+174+\u0144EU'CNT+42:2'",
    );
    for (const mode of ['strict', 'lenient'] as const) {
      const r = decodePaxlst(text, { mode });
      const issues = r.ok ? r.warnings : r.errors;
      expect(issues.map((i) => i.code)).toContain('STATE_CODE_INVALID');
      if (!r.ok) continue;
      const [first, second] = r.value[0]!.manifest.travellers;
      expect(first!.residenceCountry).toBe('DEU');
      expect(second!.documents[0]!.type).toBe('\u0150');
      expect(second!.residenceCountry).toBeUndefined();
    }
  });

  it('reports a UNT count and reference mismatch with positions', () => {
    const r = decodePaxlst(MINIMAL.replace("UNT+16+M1'", "UNT+15+M2'"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['UNT_COUNT_MISMATCH', 'UNT_REF_MISMATCH']);
    expect(r.errors[0]).toMatchObject({
      segmentIndex: 17,
      segmentTag: 'UNT',
      element: 1,
      component: 1,
    });
  });

  it('reports UNZ count and reference mismatches', () => {
    const r = decodePaxlst(MINIMAL.replace("UNZ+1+IC1'", "UNZ+2+IC9'"));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual([
      'UNZ_COUNT_MISMATCH',
      'UNZ_REF_MISMATCH',
    ]);
  });

  it('checks UNG/UNE groups', () => {
    const grouped = MINIMAL.replace('UNH+', "UNG+PAXLST+S+R+240301:1200+G1+UN+D:05B'UNH+").replace(
      "UNZ+1+IC1'",
      "UNE+2+G1'UNZ+1+IC1'",
    );
    const r = decodePaxlst(grouped);
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'UNE_COUNT_MISMATCH', segmentTag: 'UNE' });
  });

  it('a CNT that disagrees is a warning, not a failure', () => {
    const r = decodePaxlst(MINIMAL.replace('CNT+42:1', 'CNT+42:3'));
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['CNT_MISMATCH']);
  });

  it('turns function codes into operations', () => {
    for (const [code, op] of [
      ['CP', 'change'],
      ['XR', 'cancel-reservation'],
      ['RP', 'reduction-in-party'],
      ['CLNB', 'flight-close-no-board'],
      ['XF', 'cancel-flight'],
    ] as const) {
      const r = decodePaxlst(MINIMAL.replace("BGM+745'", `BGM+745+${code}'`));
      expect(r.ok && r.value[0]!.manifest.functionCode).toBe(op);
    }
  });

  it('reads passengers in transit, overflight, verified flag, bags and references', () => {
    const text = MINIMAL.replace('TDT+20+', 'TDT+34+')
      .replace(
        "NAD+FL+++DOE:JOHN:PAUL'",
        "NAD+DDU+++DOE:JOHN'GEI+4+173'MEA+CT++NMB:2'MEA+WT++KGM:23'FTX+BAG+++AF012345:3'RFF+SEA:12A'",
      )
      .replace('UNT+16', 'UNT+21');
    const r = decodePaxlst(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value[0]!.manifest.travellers[0]!;
    expect(r.value[0]!.manifest.flight.legs[0]!.overflight).toBe(true);
    expect(t).toMatchObject({
      role: 'transit-passenger',
      verified: true,
      references: { seat: '12A' },
      bags: {
        count: 2,
        weight: { value: 23, unit: 'KGM' },
        tags: ['AF012345', 'AF012346', 'AF012347'],
      },
    });
  });

  it('rejects a message without a flight and a traveller without a surname', () => {
    const r = decodePaxlst(
      "UNB+UNOA:4+S+R+240301:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL+++:JOHN'UNT+4+1'UNZ+1+1'",
    );
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['NAME_MISSING', 'FLIGHT_MISSING']);
  });

  it('refuses a PNRGOV given as PAXLST', () => {
    const r = decodePaxlst(
      "UNB+IATA:1+S+R+240301:1200+1'UNH+1+PNRGOV:11:1:IA'MSG+:22'UNT+3+1'UNZ+1+1'",
    );
    expect(!r.ok && r.errors[0]).toMatchObject({
      code: 'MESSAGE_TYPE_UNEXPECTED',
      segmentIndex: 2,
      element: 2,
    });
  });

  it('decodes several messages of one interchange', () => {
    const body = MINIMAL.slice(MINIMAL.indexOf('UNH'), MINIMAL.indexOf('UNZ'));
    const two = MINIMAL.replace(body, body + body.replaceAll('M1', 'M2')).replace(
      'UNZ+1+',
      'UNZ+2+',
    );
    const r = decodePaxlst(two);
    expect(r.ok && r.value.map((m) => m.manifest.messageRef)).toEqual(['M1', 'M2']);
  });

  it('never throws on non-string input', () => {
    expect(decodePaxlst(42 as unknown as string)).toMatchObject({
      ok: false,
      errors: [{ code: 'INPUT_NOT_TEXT' }],
    });
  });
});
