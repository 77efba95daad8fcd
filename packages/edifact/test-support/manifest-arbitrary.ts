// fast-check arbitraries for manifests the PAXLST writer can express (tests and benchmark).
import fc from 'fast-check';
import type { Manifest, Traveller } from '@paxguard/domain';

const AIRPORTS = ['ATL', 'CDG', 'FRA', 'IAD', 'JFK', 'LHR', 'SIN', 'NRT', 'SYD', 'GRU'];
const STATES = ['USA', 'GBR', 'DEU', 'D', 'FRA', 'CAN', 'SGP', 'XXA'];
/** Includes every default delimiter so the release character is exercised. */
const TEXT_CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  "'",
  '+',
  ':',
  '?',
  '*',
  '-',
  '.',
  ' ',
  'é',
  'ß',
  'Ł',
];

const word = fc
  .array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const code = (n: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{${n}}$`));
const pad = (n: number) => String(n).padStart(2, '0');
const date = (from: number, to: number) =>
  fc
    .record({
      y: fc.integer({ min: from, max: to }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const local = (year: number) =>
  fc
    .record({
      day: date(year, year),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ day, h, mi }) => `${day}T${pad(h)}:${pad(mi)}`);

function traveller(year: number): fc.Arbitrary<Traveller> {
  return fc.record(
    {
      role: fc.constantFrom('passenger', 'crew', 'transit-passenger', 'transit-crew'),
      name: fc.record({ surname: word, given: fc.array(word, { maxLength: 3 }) }),
      sex: fc.constantFrom('M', 'F', 'X', 'U'),
      birthDate: date(year - 99, year),
      nationality: fc.constantFrom(...STATES),
      residenceCountry: fc.constantFrom(...STATES),
      placeOfBirth: word,
      address: fc.record(
        { street: word, city: word, postalCode: code(5) },
        { requiredKeys: ['street'] },
      ),
      contacts: fc.record({
        phones: fc.array(word, { minLength: 1, maxLength: 2 }),
        emails: fc.array(word, { maxLength: 1 }),
      }),
      embarkation: fc.constantFrom(...AIRPORTS),
      debarkation: fc.constantFrom(...AIRPORTS),
      verified: fc.boolean(),
      references: fc.record(
        { booking: code(6), passenger: word, seat: code(3) },
        { requiredKeys: [] },
      ),
      bags: fc.record({
        count: fc.integer({ min: 0, max: 9 }),
        weight: fc.record({
          value: fc.integer({ min: 0, max: 400 }).map((n) => n / 2),
          unit: fc.constantFrom('KGM' as const, 'LBR' as const),
        }),
        tags: fc.array(code(8), { maxLength: 3 }),
      }),
      documents: fc.array(
        fc.record(
          {
            type: fc.constantFrom('P', 'I', 'V', 'AC'),
            number: code(9),
            issuingState: fc.constantFrom(...STATES),
            expiryDate: date(year - 40, year + 40),
            issueDate: date(year - 40, year),
          },
          { requiredKeys: ['type', 'number'] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['role', 'name', 'references', 'documents'] },
  ) as fc.Arbitrary<Traveller>;
}

export const manifestArbitrary: fc.Arbitrary<Manifest> = fc
  .integer({ min: 2001, max: 2045 })
  .chain((year) =>
    fc.record({
      source: fc.constant('PAXLST' as const),
      listType: fc.constantFrom('passenger', 'crew', 'flight-status', 'master-crew', 'gate-pass'),
      functionCode: fc.constantFrom(
        'original',
        'change',
        'cancel-reservation',
        'reduction-in-party',
        'flight-close',
        'flight-close-no-board',
        'flight-close-on-board',
        'cancel-flight',
        'change-flight',
      ),
      reportingParty: fc.record(
        { name: word, phone: word, fax: word, email: word },
        { requiredKeys: [] },
      ),
      flight: fc.record({
        carrier: code(2).filter((c) => /[A-Z]/.test(c)),
        number: fc.stringMatching(/^[1-9][0-9]{0,3}[A-Z]?$/),
        legs: fc.array(
          fc.record({
            departure: fc.record({ airport: fc.constantFrom(...AIRPORTS), local: local(year) }),
            arrival: fc.record({ airport: fc.constantFrom(...AIRPORTS), local: local(year) }),
            overflight: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      travellers: fc.array(traveller(year), { maxLength: 6 }),
    }),
  ) as fc.Arbitrary<Manifest>;
