import { readFileSync } from 'node:fs';
import { checkTraveller, loadEntryReference } from '../src/index.ts';
const d = (p: string) => readFileSync(new URL(`../data/${p}`, import.meta.url), 'utf8');
const r = loadEntryReference({
  visaMatrixCsv: d('visa-requirements/passport-index-tidy-iso3.csv'),
  rulesFiles: [d('entry-rules.json')],
});
if (!r.ok) throw 1;
const ctx = { reference: r.reference };
const cases = {
  eu: {
    traveller: {
      role: 'passenger' as const,
      name: { surname: 'A', given: [] },
      birthDate: '1980-01-01',
      nationality: 'DEU',
      references: {},
      documents: [
        { type: 'P', number: 'C01X00T47', issuingState: 'DEU', expiryDate: '2030-01-01' },
      ],
    },
    journey: { destination: 'FRA', arrivalDate: '2025-06-01', transit: false },
  },
  nga: {
    traveller: {
      role: 'passenger' as const,
      name: { surname: 'A', given: [] },
      birthDate: '1980-01-01',
      nationality: 'NGA',
      references: {},
      documents: [
        { type: 'P', number: 'C01X00T47', issuingState: 'NGA', expiryDate: '2030-01-01' },
      ],
    },
    journey: { destination: 'FRA', arrivalDate: '2025-06-01', transit: false },
  },
};
for (const [k, c] of Object.entries(cases)) {
  for (let i = 0; i < 200000; i++) checkTraveller(c, ctx);
  const cpu = process.cpuUsage();
  const N = 2_000_000;
  for (let i = 0; i < N; i++) checkTraveller(c, ctx);
  const u = process.cpuUsage(cpu);
  console.log(k, Math.round(N / ((u.user + u.system) / 1e6)), 'per cpu-s');
}
