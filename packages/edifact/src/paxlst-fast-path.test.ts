import fc from 'fast-check';
import type { Manifest } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { manifestArbitrary } from '../test-support/manifest-arbitrary.ts';
import { fixture, fixtureNames } from '../test-fixtures/gtas-fixtures.ts';
import { syntheticPaxlst } from '../bench/synthetic-traffic.ts';
import { IssueSink } from './codec-issues.ts';
import { decodePaxlst, decodePaxlstGeneral } from './paxlst-decoder.ts';
import { PaxlstFastPath, type TravellerState } from './paxlst-fast-path.ts';
import { encodePaxlst, type PaxlstEnvelope } from './paxlst-writer.ts';
import { newDecodeCache } from './code-readers.ts';
import { SegmentScanner } from './segment-scanner.ts';
import { DEFAULT_DELIMITERS, type Delimiters } from './service-string.ts';

/** The fast path must change nothing: same manifests, same errors and warnings, same positions. */
function expectSameDecode(text: string, mode: 'strict' | 'lenient'): void {
  const fast = decodePaxlst(text, { mode });
  const general = decodePaxlstGeneral(text, { mode });
  expect(fast).toStrictEqual(general);
  // Key order as well: the JSON archived and sent on must not depend on the path that read it.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
}

function envelopeFor(m: Manifest, delimiters?: Partial<Delimiters>): PaxlstEnvelope {
  return {
    sender: 'SIM',
    recipient: 'PAXGUARD',
    interchangeRef: 'IC42',
    messageRef: 'M7',
    preparedAt: m.flight.legs[0]!.departure.local!,
    delimiters,
  };
}

const DELIMITER_SETS: (Partial<Delimiters> | undefined)[] = [
  undefined,
  { element: '*', component: '^', release: '!' },
  { element: '|', component: '>', release: '\\', terminator: '~' },
];

describe('PAXLST fast path against the general path (differential)', () => {
  it('decodes every GTAS sample identically, strict and lenient', () => {
    for (const name of fixtureNames('paxlst')) {
      const text = fixture('paxlst', name);
      expectSameDecode(text, 'strict');
      expectSameDecode(text, 'lenient');
    }
  });

  it('decodes identically when the flight comes after travellers with repeated dates', () => {
    const traveller = (n: string) => `NAD+FL+++${n}'DTM+329:500102'DOC+P+X${n}'DTM+36:600101'`;
    const text = [
      "UNB+UNOA:4+S+R+240301:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
      traveller('A'),
      "TDT+20+DL1+++DL'LOC+125+ATL'DTM+189:4003012210:201'LOC+87+CDG'DTM+232:4003021200:201'",
      traveller('B'),
      "UNT+16+1'UNZ+1+1'",
    ].join('');
    expectSameDecode(text, 'lenient');
    expectSameDecode(text, 'strict');
  });

  it('decodes the benchmark traffic identically, progress reported at the same segments', () => {
    const { text } = syntheticPaxlst(400_000, 42);
    expectSameDecode(text, 'strict');
    const fast: number[] = [];
    const general: number[] = [];
    decodePaxlst(text, { onProgress: (at) => fast.push(at) });
    decodePaxlstGeneral(text, { onProgress: (at) => general.push(at) });
    expect(fast.length).toBeGreaterThan(1);
    expect(fast).toEqual(general);
  });

  it('decodes identically where a qualifier, code or date is read while it is scanned', () => {
    // The fast path packs qualifiers, codes and date digits in the same pass that finds their
    // end: lengths either side of the limits, stray letters and lower case must still come
    // out as the general path reads them (or be left to it).
    const variants = [
      "DTM+329:800102'",
      "DTM+3290:800102'",
      "DTM+32:800102'",
      "DTM+329:80010'",
      "DTM+329:8001021'",
      "DTM+329:19800102'",
      "DTM+329:198001021'",
      "DTM+329:80O102'",
      "DTM+329:8001021200'",
      "DOC+P+X1'DTM+36:300101'DTM+182:20200101'LOC+91+USA'",
      "DOC+P+X1'DTM+36:30010'LOC+91+US'",
      "DOC+P+X1'DTM+360:300101'LOC+91+USAA'",
      "DOC+P+X1'LOC+91+usa'DTM+36:3001010'",
      "DOC+P+X1'LOC+910+USA'",
      "LOC+174+DE'",
      "LOC+174+DEUX'",
      "LOC+1740+DEU'",
      "LOC+178+AT'",
      "LOC+178+ATLX'",
      "LOC+178+at1'",
      "LOC+179+CD6'",
      "NAT+2+GB'",
      "NAT+2+GBRX'",
      "NAT+2+gbr'",
      "RFF+AVF:ABC'",
      "RFF+AVFX:ABC'",
      "RFF+AV:ABC'",
      "GEI+4+173'",
      "GEI+4+1730'",
      "GEI+4+17'",
      "NAD+FLX+++DOE'",
      "NAD+F+++DOE'",
    ];
    const body = variants.map((v, i) => `NAD+FL+++T${i}:A'${v}`).join('');
    const text =
      "UNB+UNOA:4+S+R+240301:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'" +
      "TDT+20+DL1+++DL'LOC+125+ATL'DTM+189:2403012210:201'LOC+87+CDG'DTM+232:2403021200:201'" +
      `${body}UNT+2+1'UNZ+1+1'`;
    expectSameDecode(text, 'strict');
    expectSameDecode(text, 'lenient');
    // Read one at a time as well, so each variant is the first thing the fast path sees.
    for (const v of variants) {
      const one = text.replace(body, `NAD+FL+++T:A'${v}`);
      expectSameDecode(one, 'strict');
      expectSameDecode(one, 'lenient');
    }
  });

  it('builds documents like the general path whatever DOC group follows (property)', () => {
    // The fast path builds a DOC once its DTM/LOC group ends; any order, repeat, gap or bad
    // value in that group must give the same document, fields and key order included.
    const group = fc.array(
      fc.constantFrom(
        "DTM+36:300101'",
        "DTM+36:310202'",
        "DTM+182:150101'",
        "DTM+36:301399'",
        "DTM+329:800102'",
        "LOC+91+USA'",
        "LOC+91+FRA'",
        "LOC+91+'",
        "LOC+91+usa'",
        "LOC+22+ATL'",
        "LOC+174+DEU'",
        "DOC+V+Y1'",
        "DOC+P'",
        "RFF+AVF:ABC'",
        "NAT+2+GBR'",
        "FTX+BAG+++X'",
      ),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('strict' as const, 'lenient' as const),
        (groups, mode) => {
          const body = groups.map((g, i) => `NAD+FL+++T${i}'DOC+P+N${i}'${g.join('')}`).join('');
          const text =
            "UNB+UNOA:4+S+R+240301:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'" +
            "TDT+20+DL1+++DL'LOC+125+ATL'DTM+189:2403012210:201'LOC+87+CDG'DTM+232:2403021200:201'" +
            `${body}CNT+42:${groups.length}'UNT+2+1'UNZ+1+1'`;
          expectSameDecode(text, mode);
        },
      ),
      { numRuns: 400 },
    );
  }, 30_000);

  it('decodes generated manifests identically, with release characters and custom UNA (property)', () => {
    fc.assert(
      fc.property(
        manifestArbitrary,
        fc.constantFrom(...DELIMITER_SETS),
        fc.boolean(),
        fc.constantFrom('strict' as const, 'lenient' as const),
        (m, delimiters, lineBreaks, mode) => {
          const text = encodePaxlst(m, { ...envelopeFor(m, delimiters), lineBreaks });
          expect(text.ok).toBe(true);
          if (text.ok) expectSameDecode(text.value, mode);
        },
      ),
      { numRuns: 40 },
    );
    // Generating and encoding manifests is the slow part; the machine may be busy.
  }, 30_000);

  it('gives identical results, errors and positions included, on mutated messages (property)', () => {
    const base = fc.sample(manifestArbitrary, { numRuns: 6, seed: 11 });
    const texts = base.map((m, i) => {
      const r = encodePaxlst(m, envelopeFor(m, DELIMITER_SETS[i % DELIMITER_SETS.length]));
      return r.ok ? r.value : '';
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('del', 'ins', 'rep'),
            fc.constantFrom("'", '+', ':', '?', '*', '^', '!', 'a', 'A', '9', ' ', '\n', 'é', ''),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('strict' as const, 'lenient' as const),
        (text, edits, mode) => {
          let t = text;
          for (const [pos, op, ch] of edits) {
            const i = pos % (t.length + 1);
            t =
              op === 'del'
                ? t.slice(0, i) + t.slice(i + 1)
                : op === 'ins'
                  ? t.slice(0, i) + ch + t.slice(i)
                  : t.slice(0, i) + ch + t.slice(i + 1);
          }
          expectSameDecode(t, mode);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('PaxlstFastPath coverage', () => {
  function reader(text: string) {
    const state: TravellerState = {
      travellers: [],
      traveller: undefined,
      doc: undefined,
      referenceYear: 2024,
      cache: newDecodeCache(),
    };
    const s = new SegmentScanner(text, DEFAULT_DELIMITERS, 0, new IssueSink(true), 0, 'UNOA');
    const fast = new PaxlstFastPath(s, state);
    return { state, read: (start: number) => fast.read(s, start) };
  }

  it('reads a clean traveller group itself, segment by segment', () => {
    const segs = [
      "NAD+FL+++DOE:JOHN:PAUL+1 MAIN ST+ATLANTA++30301+USA'",
      "ATT+2++F'",
      "DTM+329:800102'",
      "LOC+178+ATL'",
      "LOC+179+CDG'",
      "NAT+2+USA'",
      "RFF+AVF:ABC123'",
      "GEI+4+173'",
      "DOC+P+X123'",
      "DTM+36:300101'",
      "LOC+91+USA'",
    ];
    const text = segs.join('');
    const { state, read } = reader(text);
    let p = 0;
    for (const seg of segs) {
      expect(read(p), seg).toBe(p + seg.length);
      p += seg.length;
    }
    expect(state.travellers).toEqual([
      expect.objectContaining({
        role: 'passenger',
        name: { surname: 'DOE', given: ['JOHN', 'PAUL'] },
        address: { street: '1 MAIN ST', city: 'ATLANTA', postalCode: '30301', country: 'USA' },
        sex: 'F',
        birthDate: '1980-01-02',
        embarkation: 'ATL',
        debarkation: 'CDG',
        nationality: 'USA',
        references: { booking: 'ABC123' },
        verified: true,
        documents: [{ type: 'P', number: 'X123', expiryDate: '2030-01-01', issuingState: 'USA' }],
      }),
    ]);
  });

  it('leaves to the general path what needs an issue or a release character', () => {
    const cases = [
      "NAD+FL+++DO?'E:JOHN'", // release character
      "NAD+FL+++:JOHN'", // no surname: NAME_MISSING
      "NAD+XX+++DOE'", // unknown qualifier
      "NAD+FL+++DOé'", // outside UNOA
      "NAD+FL+++DO\nE'", // line break inside the segment
      'NAD+FL+++DOE', // unterminated
      "nad+FL+++DOE'", // lower-case tag
    ];
    for (const text of cases) expect(reader(text).read(0), text).toBe(-1);
    // After a traveller: sex Q (SEX_INVALID), DTM 36 and LOC 91 without a DOC, an unknown RFF (a warning).
    const rest = ["ATT+2++Q'", "DTM+36:300101'", "LOC+91+USA'", "RFF+ZZZ:1'"];
    const { state, read } = reader(`NAD+FL+++DOE'${rest.join('')}`);
    let p = read(0);
    expect(p).toBe(13);
    for (const seg of rest) {
      expect(read(p), seg).toBe(-1);
      p += seg.length;
    }
    expect(state.travellers[0]).toMatchObject({ sex: undefined, birthDate: undefined });
    // The text ending inside a segment, wherever a scan is when it runs out.
    const cut = ['DTM+329:8001', 'DTM+32', 'LOC+178+AT', 'LOC+17', 'RFF+AVF:AB', 'RFF+AV'];
    for (const tail of [...cut, 'NAT+2+US', 'GEI+4+17', 'ATT+2++F', 'DOC+P+X1']) {
      const one = reader(`NAD+FL+++DOE'${tail}`);
      expect(one.read(0)).toBe(13);
      expect(one.read(13), tail).toBe(-1);
    }
  });
});
