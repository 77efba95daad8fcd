import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate } from './calendar-date.ts';
import { isStateCode } from './state-codes.ts';
import type { TravelDocument, Traveller } from '@paxguard/domain';
import { passport, reference, td3, traveller } from '../test/fixtures.ts';
import { checkTraveller, type CheckContext } from './traveller-check.ts';
import type { Journey } from './journey.ts';
import { InMemoryAuthorisationRegistry } from './travel-authorisation-registry.ts';
import { LostStolenBuilder } from './lost-stolen-builder.ts';
import { REASON_CODES, type ReasonCode } from './verdict-types.ts';

const SCHENGEN =
  'AUT BEL BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LIE LTU LUX MLT NLD NOR POL PRT ROU SVK SVN ESP SWE CHE'.split(
    ' ',
  );
const registry = new InMemoryAuthorisationRegistry();
const registryIssues = registry.add([
  {
    kind: 'eta',
    number: 'ESTA0001',
    documentNumber: 'C01X00T47',
    nationality: 'DEU',
    issuingState: 'USA',
    validFor: ['USA'],
    validFrom: '2024-01-01',
    validUntil: '2026-01-01',
    entriesAllowed: null,
  },
  {
    kind: 'visa',
    number: 'FRA000123',
    documentNumber: 'Z1234567',
    nationality: 'IND',
    issuingState: 'FRA',
    validFor: SCHENGEN,
    validFrom: '2025-05-01',
    validUntil: '2025-07-01',
    entriesAllowed: 1,
  },
  {
    kind: 'visa',
    number: 'DEU000999',
    documentNumber: 'E12345678',
    nationality: 'CHN',
    issuingState: 'DEU',
    validFor: SCHENGEN,
    validFrom: '2025-01-01',
    validUntil: '2025-05-01',
    entriesAllowed: null,
  },
  {
    kind: 'eta',
    number: 'GBETA0001',
    documentNumber: 'C77X00T47',
    nationality: 'DEU',
    issuingState: 'GBR',
    validFor: ['GBR'],
    validFrom: '2025-04-02',
    validUntil: '2027-04-01',
    entriesAllowed: null,
  },
]);

const builder = new LostStolenBuilder({ version: 'sltd@2025-05-30' });
builder.push(
  'issuing_state,number,status,reported_date\nFRA,14OI23456,stolen,2025-02-03\nDEU,C0IX00T99,lost,2024-12-24\n',
);
const lostStolen = builder.finish().index;

const ARRIVAL = '2025-06-01';
const j = (destination: string, over: Partial<Journey> = {}): Journey => ({
  destination,
  arrivalDate: ARRIVAL,
  transit: false,
  ...over,
});
const idCard = (over: Partial<TravelDocument> = {}): TravelDocument => ({
  type: 'I',
  number: 'L01X00T47',
  issuingState: 'D',
  expiryDate: '2030-01-01',
  ...over,
});
const visaDoc = (over: Partial<TravelDocument> = {}): TravelDocument => ({
  type: 'V',
  number: 'FRA000123',
  issuingState: 'FRA',
  expiryDate: '2025-07-01',
  ...over,
});
const nga = (over: Partial<Traveller> = {}): Traveller =>
  traveller({
    nationality: 'NGA',
    documents: [passport({ number: 'A01234567', issuingState: 'NGA' })],
    ...over,
  });

interface Case {
  name: string;
  traveller: Traveller;
  journey: Journey;
  ctx?: Partial<CheckContext>;
  decision: 'ok' | 'fail' | 'cannot-decide';
  codes: ReasonCode[];
}

const withRegistry = { authorisations: registry };

const cases: Case[] = [
  {
    name: 'EU citizen on an identity card to another Schengen State',
    traveller: traveller({ documents: [idCard()] }),
    journey: j('FRA'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'EU citizen on an identity card to the United States',
    traveller: traveller({ documents: [idCard()] }),
    journey: j('USA'),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['DOC_TYPE_NOT_ACCEPTED', 'ETA_REQUIRED'],
  },
  {
    name: 'visa-required nationality without a visa',
    traveller: nga(),
    journey: j('DEU'),
    decision: 'fail',
    codes: ['VISA_REQUIRED'],
  },
  {
    name: 'visa holder: DOC V found in the registry and valid',
    traveller: traveller({
      nationality: 'IND',
      documents: [passport({ number: 'Z1234567', issuingState: 'IND' }), visaDoc()],
    }),
    journey: j('ITA'),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'visa in the registry, not carried in the manifest',
    traveller: traveller({
      nationality: 'IND',
      documents: [passport({ number: 'Z1234567', issuingState: 'IND' })],
    }),
    journey: j('ESP'),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'DOC V not in the registry',
    traveller: traveller({
      nationality: 'IND',
      documents: [
        passport({ number: 'Z1234567', issuingState: 'IND' }),
        visaDoc({ number: 'FRA999999' }),
      ],
    }),
    journey: j('FRA'),
    ctx: withRegistry,
    decision: 'cannot-decide',
    codes: ['AUTHORISATION_NOT_IN_REGISTRY'],
  },
  {
    name: 'registered visa expired before arrival',
    traveller: traveller({
      nationality: 'CHN',
      documents: [passport({ number: 'E12345678', issuingState: 'CHN' })],
    }),
    journey: j('DEU'),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['VISA_NOT_VALID_ON_ARRIVAL'],
  },
  {
    name: 'DOC V in the manifest expired, no registry',
    traveller: traveller({
      nationality: 'IND',
      documents: [
        passport({ number: 'Z1234567', issuingState: 'IND' }),
        visaDoc({ expiryDate: '2025-05-31' }),
      ],
    }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['VISA_NOT_VALID_ON_ARRIVAL'],
  },
  {
    name: 'visa registered for Schengen used for the United States',
    traveller: traveller({
      nationality: 'IND',
      documents: [passport({ number: 'Z1234567', issuingState: 'IND' })],
    }),
    journey: j('USA'),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['VISA_NOT_VALID_ON_ARRIVAL'],
  },
  {
    name: 'ESTA holder to the United States',
    traveller: traveller({ documents: [passport()] }),
    journey: j('USA'),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'visa-waiver national without ESTA',
    traveller: traveller({ documents: [passport({ number: 'C99X00T47' })] }),
    journey: j('USA'),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['ETA_REQUIRED'],
  },
  {
    name: 'ESTA cannot be confirmed without a registry',
    traveller: traveller({ documents: [passport()] }),
    journey: j('USA'),
    decision: 'cannot-decide',
    codes: ['INSUFFICIENT_DATA'],
  },
  {
    name: 'UK ETA for EU nationals from 2 April 2025: missing',
    traveller: traveller({ documents: [passport({ number: 'C55X00T47' })] }),
    journey: j('GBR'),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['ETA_REQUIRED'],
  },
  {
    name: 'UK ETA for EU nationals: held',
    traveller: traveller({ documents: [passport({ number: 'C77X00T47' })] }),
    journey: j('GBR'),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'UK ETA for EU nationals: not yet in force on 1 March 2025',
    traveller: traveller({ documents: [passport({ number: 'C55X00T47' })] }),
    journey: j('GBR', { arrivalDate: '2025-03-01' }),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'ETIAS announced but not in force',
    traveller: traveller({
      nationality: 'USA',
      documents: [passport({ number: '567890123', issuingState: 'USA' })],
    }),
    journey: j('FRA'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'passport expiring two months after arrival, six-month destination',
    traveller: traveller({ documents: [passport({ expiryDate: '2025-08-01' })] }),
    journey: j('THA'),
    decision: 'fail',
    codes: ['DOC_VALIDITY_TOO_SHORT'],
  },
  {
    name: 'passport expiring seven months after arrival, six-month destination',
    traveller: traveller({ documents: [passport({ expiryDate: '2026-01-01' })] }),
    journey: j('THA'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'expired passport',
    traveller: traveller({ documents: [passport({ expiryDate: '2025-05-31' })] }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['DOC_EXPIRED'],
  },
  {
    name: 'Schengen: less than three months beyond the known departure',
    traveller: traveller({
      nationality: 'USA',
      documents: [passport({ number: '567890123', issuingState: 'USA', expiryDate: '2025-09-10' })],
    }),
    journey: j('FRA', { departureDate: '2025-06-20' }),
    decision: 'fail',
    codes: ['DOC_VALIDITY_TOO_SHORT'],
  },
  {
    name: 'Schengen: departure unknown, validity covers only a short stay',
    traveller: traveller({
      nationality: 'USA',
      documents: [passport({ number: '567890123', issuingState: 'USA', expiryDate: '2025-10-01' })],
    }),
    journey: j('FRA'),
    decision: 'ok',
    codes: ['VALIDITY_DEPENDS_ON_STAY'],
  },
  {
    name: 'Schengen: passport issued more than ten years ago',
    traveller: traveller({
      nationality: 'USA',
      documents: [
        passport({
          number: '567890123',
          issuingState: 'USA',
          issueDate: '2014-01-01',
          expiryDate: '2026-12-31',
        }),
      ],
    }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['DOC_ISSUED_TOO_LONG_AGO'],
  },
  {
    name: 'Schengen validity rules do not apply to EU citizens',
    traveller: traveller({
      documents: [passport({ expiryDate: '2025-06-15', issueDate: '2014-01-01' })],
    }),
    journey: j('FRA'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'airside transit through Schengen, nationality on the airport-transit-visa list',
    traveller: nga({ role: 'transit-passenger' }),
    journey: j('DEU', { transit: true }),
    decision: 'fail',
    codes: ['TRANSIT_VISA_REQUIRED'],
  },
  {
    name: 'airside transit through Schengen, no airport transit visa needed',
    traveller: traveller({
      role: 'transit-passenger',
      nationality: 'IND',
      documents: [passport({ number: 'Z7654321', issuingState: 'IND' })],
    }),
    journey: j('FRA', { transit: true }),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'airside transit: Schengen validity minimums do not apply, expiry still does',
    traveller: traveller({
      role: 'transit-passenger',
      nationality: 'USA',
      documents: [passport({ number: '567890123', issuingState: 'USA', expiryDate: '2025-07-01' })],
    }),
    journey: j('FRA', { transit: true }),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'transit through the United States needs a visa (no airside transit)',
    traveller: traveller({
      role: 'transit-passenger',
      nationality: 'IND',
      documents: [passport({ number: 'Z7654321', issuingState: 'IND' })],
    }),
    journey: j('USA', { transit: true }),
    ctx: withRegistry,
    decision: 'fail',
    codes: ['VISA_REQUIRED'],
  },
  {
    name: 'transit where no transit rule is recorded',
    traveller: traveller({ role: 'transit-passenger', documents: [passport()] }),
    journey: j('THA', { transit: true }),
    decision: 'ok',
    codes: ['TRANSIT_RULE_UNKNOWN'],
  },
  {
    name: 'crew on duty with a crew member certificate, Schengen',
    traveller: nga({
      role: 'crew',
      documents: [
        { type: 'AC', number: 'CMC123456', issuingState: 'NGA', expiryDate: '2027-01-01' },
      ],
    }),
    journey: j('DEU'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'crew member certificate not accepted by the United States',
    traveller: nga({
      role: 'crew',
      documents: [
        { type: 'AC', number: 'CMC123456', issuingState: 'NGA', expiryDate: '2027-01-01' },
      ],
    }),
    journey: j('USA'),
    decision: 'fail',
    codes: ['DOC_TYPE_NOT_ACCEPTED', 'VISA_REQUIRED'],
  },
  {
    name: 'crew member certificate carried by a passenger',
    traveller: nga({
      documents: [
        { type: 'AC', number: 'CMC123456', issuingState: 'NGA', expiryDate: '2027-01-01' },
      ],
    }),
    journey: j('DEU'),
    decision: 'fail',
    codes: ['DOC_TYPE_NOT_ACCEPTED', 'VISA_REQUIRED'],
  },
  {
    name: 'no travel document',
    traveller: traveller({ documents: [] }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['DOC_MISSING'],
  },
  {
    name: 'only a visa, no passport',
    traveller: traveller({ nationality: 'IND', documents: [visaDoc()] }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['DOC_MISSING'],
  },
  {
    name: 'no admission',
    traveller: traveller({
      nationality: 'ARM',
      documents: [passport({ number: 'AR1234567', issuingState: 'ARM' })],
    }),
    journey: j('AZE'),
    decision: 'fail',
    codes: ['NO_ADMISSION'],
  },
  {
    name: 'reported stolen, found despite O/I typed for 0/1 and separators',
    traveller: traveller({
      nationality: 'FRA',
      documents: [passport({ number: '14O-I23456', issuingState: 'FRA' })],
    }),
    journey: j('DEU'),
    ctx: { lostStolen },
    decision: 'fail',
    codes: ['DOC_LOST_STOLEN'],
  },
  {
    name: 'lost second passport of a dual national is still reported',
    traveller: traveller({
      documents: [
        passport({ number: 'C01X00T47' }),
        passport({ number: 'C01X00T99', issuingState: 'D' }),
      ],
    }),
    journey: j('FRA'),
    ctx: { lostStolen },
    decision: 'fail',
    codes: ['DOC_LOST_STOLEN'],
  },
  {
    name: 'MRZ check digit wrong',
    traveller: traveller({
      name: { surname: 'Müller-Lüdenscheidt', given: ['Erika'] },
      documents: [passport({ mrz: td3Bad() })],
    }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['MRZ_CHECK_DIGIT'],
  },
  {
    name: 'MRZ disagrees with the manifest birth date',
    traveller: traveller({
      name: { surname: 'MUELLER LUEDENSCHEIDT', given: ['ERIKA'] },
      birthDate: '1984-08-13',
      documents: [passport({ mrz: td3Good() })],
    }),
    journey: j('FRA'),
    decision: 'fail',
    codes: ['MRZ_MISMATCH'],
  },
  {
    name: 'MRZ agrees with the manifest',
    traveller: traveller({
      name: { surname: 'Müller-Lüdenscheidt', given: ['Erika'] },
      documents: [passport({ mrz: td3Good() })],
    }),
    journey: j('FRA'),
    decision: 'ok',
    codes: [],
  },
  {
    name: 'MRZ unreadable',
    traveller: traveller({ documents: [passport({ mrz: ['P<D<<MUSTERMANN', 'short'] })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['MRZ_UNREADABLE'],
  },
  {
    name: 'unknown destination code',
    traveller: traveller({ documents: [passport()] }),
    journey: j('ZZZ'),
    decision: 'cannot-decide',
    codes: ['STATE_CODE_INVALID'],
  },
  {
    name: 'unknown nationality code',
    traveller: traveller({ nationality: 'XYZ', documents: [idCard()] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['STATE_CODE_INVALID', 'INSUFFICIENT_DATA'],
  },
  {
    name: 'unknown issuing State',
    traveller: traveller({ documents: [passport({ issuingState: 'UTO' })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['STATE_CODE_INVALID'],
  },
  {
    name: 'impossible expiry date 2024-02-30',
    traveller: traveller({ documents: [passport({ expiryDate: '2024-02-30' })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['DATE_INVALID'],
  },
  {
    name: 'impossible arrival date',
    traveller: traveller({ documents: [passport()] }),
    journey: j('FRA', { arrivalDate: '2025-13-01' }),
    decision: 'cannot-decide',
    codes: ['DATE_INVALID'],
  },
  {
    name: 'truncated document number',
    traveller: traveller({ documents: [passport({ number: 'C01' })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['DOC_NUMBER_INVALID'],
  },
  {
    name: 'birth date after arrival',
    traveller: traveller({ birthDate: '2026-01-01', documents: [passport()] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['FIELDS_CONTRADICTORY'],
  },
  {
    name: 'nationality on the only document contradicts the traveller',
    traveller: traveller({ documents: [passport({ holderNationality: 'AUT' })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['FIELDS_CONTRADICTORY'],
  },
  {
    name: 'issued after expiry',
    traveller: traveller({ documents: [passport({ issueDate: '2032-01-01' })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['FIELDS_CONTRADICTORY'],
  },
  {
    name: 'no nationality and an identity card',
    traveller: traveller({ nationality: undefined, documents: [idCard()] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['INSUFFICIENT_DATA'],
  },
  {
    name: 'no expiry date',
    traveller: traveller({ documents: [passport({ expiryDate: undefined })] }),
    journey: j('FRA'),
    decision: 'cannot-decide',
    codes: ['INSUFFICIENT_DATA'],
  },
  {
    name: 'stateless traveller: the matrix cannot answer',
    traveller: traveller({
      nationality: 'XXA',
      documents: [passport({ type: 'P', issuingState: 'DEU', holderNationality: 'XXA' })],
    }),
    journey: j('ITA'),
    decision: 'cannot-decide',
    codes: ['NO_VISA_RULE'],
  },
  {
    name: 'arrival before the first rules version',
    traveller: traveller({ documents: [passport()] }),
    journey: j('FRA', { arrivalDate: '2020-01-01' }),
    decision: 'cannot-decide',
    codes: ['REFERENCE_DATA_MISSING'],
  },
  {
    name: 'minor to a Schengen State: advisory only',
    traveller: traveller({ birthDate: '2015-03-01', documents: [passport()] }),
    journey: j('FRA'),
    decision: 'ok',
    codes: ['MINOR_REQUIREMENTS'],
  },
  {
    name: 'German MRZ code D as issuing State',
    traveller: traveller({ documents: [passport({ issuingState: 'D', holderNationality: 'D' })] }),
    journey: j('USA'),
    ctx: withRegistry,
    decision: 'ok',
    codes: [],
  },
  {
    name: 'own country',
    traveller: traveller({ documents: [passport({ expiryDate: '2025-07-01' })] }),
    journey: j('DEU'),
    decision: 'ok',
    codes: [],
  },
];

function td3Good(): string[] {
  return td3({
    state: 'D',
    surname: 'MUELLER<LUEDENSCHEIDT',
    given: 'ERIKA',
    number: 'C01X00T47',
    nationality: 'D',
    birth: '840812',
    sex: 'F',
    expiry: '311031',
  });
}
function td3Bad(): string[] {
  const [l1 = '', l2 = ''] = td3Good();
  const digit = l2.charAt(9) === '0' ? '1' : '0';
  return [l1, `${l2.slice(0, 9)}${digit}${l2.slice(10)}`];
}

describe('checkTraveller', () => {
  it('loads the registry fixture without issues', () => {
    expect(registryIssues).toEqual([]);
  });

  it.each(cases)('$name', (c) => {
    const v = checkTraveller(
      { traveller: c.traveller, journey: c.journey },
      { reference: reference(), ...c.ctx },
    );
    const codes = v.reasons.map((r) => r.code);
    expect(v.decision, JSON.stringify(v.reasons)).toBe(c.decision);
    expect(v.ok).toBe(c.decision === 'ok');
    expect([...new Set(codes)].sort()).toEqual([...c.codes].sort());
    for (const r of v.reasons) {
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.ruleId).not.toBe('');
    }
    expect(v.referenceVersion).toBe('entry-rules@2025-01-12.1');
  });

  it('covers every reason code with at least one case', () => {
    const covered = new Set(cases.flatMap((c) => c.codes));
    expect(REASON_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('records the lost/stolen list version on the hit', () => {
    const v = checkTraveller(
      {
        traveller: cases.find((c) => c.codes.includes('DOC_LOST_STOLEN'))!.traveller,
        journey: j('DEU'),
      },
      { reference: reference(), lostStolen },
    );
    const hit = v.reasons.find((r) => r.code === 'DOC_LOST_STOLEN');
    expect(hit?.evidence).toMatchObject({
      listVersion: 'sltd@2025-05-30',
      status: 'stolen',
      reportedDate: '2025-02-03',
    });
    expect(hit?.ruleId).toBe('lost-stolen@sltd@2025-05-30');
  });

  it('turns malformed input into a reason instead of throwing', () => {
    const broken = {
      role: 'passenger',
      name: null,
      documents: [
        {
          type: 'P',
          number: 'C01X00T47',
          issuingState: 'DEU',
          expiryDate: '2030-01-01',
          mrz: ['x'],
        },
      ],
    } as unknown as Traveller;
    const v = checkTraveller({ traveller: broken, journey: j('FRA') }, { reference: reference() });
    expect(v.decision).not.toBe('ok');
  });
});

describe('checkTraveller on arbitrary input', () => {
  it('never throws, and an unreadable field never yields ok', () => {
    fc.assert(
      fc.property(
        fc.record({
          expiryDate: fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom('2030-01-01', '2024-02-30', '2030-02-29'),
          ),
          issuingState: fc.oneof(
            fc.string({ maxLength: 4 }),
            fc.constantFrom('DEU', 'D', 'GBD', 'XXA'),
          ),
          nationality: fc.oneof(
            fc.string({ maxLength: 4 }),
            fc.constantFrom('DEU', 'NGA', 'USA', 'UNO'),
          ),
          number: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('C01X00T47', 'C0')),
          destination: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('FRA', 'USA', 'THA')),
        }),
        (f) => {
          const t = traveller({
            nationality: f.nationality,
            documents: [
              passport({
                number: f.number,
                issuingState: f.issuingState,
                expiryDate: f.expiryDate,
              }),
            ],
          });
          const v = checkTraveller(
            { traveller: t, journey: j(f.destination) },
            { reference: reference(), authorisations: registry, lostStolen },
          );
          const unreadable =
            parseIsoDate(f.expiryDate) === null ||
            !isStateCode(f.issuingState) ||
            !isStateCode(f.destination) ||
            !isStateCode(f.nationality);
          if (unreadable) expect(v.decision).not.toBe('ok');
          expect(v.ok).toBe(v.decision === 'ok');
        },
      ),
      { numRuns: 300 },
    );
  });
});
